"""Creates the test bed's Python venv, or leaves it as it is when its requirements are unchanged.

usage: python3 tests/bed/venv.py VENV REQUIREMENTS

The one implementation of the setup: `rosa-testbed setup` (tests/src/aws.rs) runs it, and
scripts/test.sh runs it at its start, beside the build. A file lock (VENV.lock, flock) makes
parallel callers wait for one setup; the stamp VENV/.rosa-bed-requirements holds the
requirements the venv was made from.
"""

import fcntl
import os
import subprocess
import sys


def current(venv, requirements):
    try:
        with open(os.path.join(venv, ".rosa-bed-requirements"), encoding="utf-8") as f:
            stamp = f.read()
    except OSError:
        return False
    return stamp == requirements and os.path.exists(os.path.join(venv, "bin", "python"))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: venv.py VENV REQUIREMENTS")
    venv, requirements_path = sys.argv[1], sys.argv[2]
    with open(requirements_path, encoding="utf-8") as f:
        requirements = f.read()
    if current(venv, requirements):
        return
    os.makedirs(os.path.dirname(os.path.abspath(venv)), exist_ok=True)
    with open(venv + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if current(venv, requirements):
            return
        subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
        subprocess.run(
            [
                os.path.join(venv, "bin", "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                requirements_path,
            ],
            check=True,
        )
        with open(os.path.join(venv, ".rosa-bed-requirements"), "w", encoding="utf-8") as f:
            f.write(requirements)


if __name__ == "__main__":
    main()

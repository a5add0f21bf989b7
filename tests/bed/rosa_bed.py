"""rosactl's local AWS stand-in: moto's server, plus what moto lacks for rosactl's tests.

* A real Lambda executor. moto can only run function code through Docker, which this
  machine does not have. Here an Invoke unpacks the function's zip, serves a one-shot Lambda
  Runtime API on loopback, runs ``./bootstrap`` with the Lambda environment (with
  ``AWS_ENDPOINT_URL`` pointing back at this server), and answers with what the function
  posted: its response, or its error with ``X-Amz-Function-Error: Unhandled``, as Lambda does.
  The function's output goes to its log group with START / END / REPORT lines.
* Fault injection and a request log, for tests of resumability and idempotency:
  ``POST /_rosa_bed/faults`` ``{"match": "<regex>", "status": 400, "code": "...", "count": N}``
  makes the next N requests whose operation matches fail (``DELETE`` clears all faults);
  ``GET /_rosa_bed/requests`` lists every request's operation (``DELETE`` clears the list);
  ``GET /_rosa_bed/wait?suffix=S&count=N&timeout=T`` answers once N of them end with S.
  An operation reads ``<METHOD> <path>`` for REST APIs (Lambda, S3), and the action name for
  query and JSON APIs (``iam:CreateRole``, ``logs:PutRetentionPolicy``, ``sts:GetCallerIdentity``).
* The EC2 service quotas (``L-1216C47A`` On-Demand standard vCPUs, ``L-0263D0A3`` Elastic
  IPs) that moto's Service Quotas does not know, ``ListServiceQuotas`` and
  ``GetAWSDefaultServiceQuota``; tests set applied values with ``POST /_rosa_bed/quotas``.

Started by the Rust test support (``rosa_testbed``): it prints ``ROSA_BED_READY port=<n>``
once listening, and exits when its standard input closes, so it never outlives its parent.
"""

from __future__ import annotations

import argparse
from urllib.parse import parse_qs, unquote_plus
import base64
import hashlib
import io
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.awslambda.models import LambdaFunction
from moto.core.utils import unix_time_millis, utcnow
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.servicequotas import models as sq_models
from moto.servicequotas import responses as sq_responses
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

MOTO_ENDPOINT = ""
RUNTIME_PATH = "/2018-06-01/runtime"
LOG_TAIL_BYTES = 4096


# --------------------------------------------------------------------------- Lambda executor


def quiet_resets(server):
    """A client that drops a kept-alive connection (a reset, a broken pipe) ends it the
    normal way for a server: no traceback on stderr. Anything else is still printed."""
    default = server.handle_error

    def handle_error(request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        default(request, client_address)

    server.handle_error = handle_error
    return server

class OneShotRuntimeApi:
    """The Lambda Runtime API for exactly one invocation."""

    def __init__(self, request_id: str, event: bytes, function_arn: str, deadline_ms: int):
        self.request_id = request_id
        self.event = event
        self.function_arn = function_arn
        self.deadline_ms = deadline_ms
        self.done = threading.Event()
        self.closing = threading.Event()
        self.outcome: tuple[str, bytes] | None = None
        self.first_poll: float | None = None
        self._given = False
        self._lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _body(self) -> bytes:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().strip().split(b";")[0], 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None):
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path != f"{RUNTIME_PATH}/invocation/next":
                    return self._send(404, b'{"errorMessage":"unknown path"}')
                with api._lock:
                    first = not api._given
                    api._given = True
                    if api.first_poll is None:
                        api.first_poll = time.monotonic()
                if not first:
                    # One invocation only. Like a frozen sandbox, the next poll gets no answer:
                    # it is held until the process is killed and the server closes.
                    api.closing.wait(timeout=900)
                    self.close_connection = True
                    return None
                self._send(
                    200,
                    api.event,
                    {
                        "Lambda-Runtime-Aws-Request-Id": api.request_id,
                        "Lambda-Runtime-Deadline-Ms": str(api.deadline_ms),
                        "Lambda-Runtime-Invoked-Function-Arn": api.function_arn,
                        "Lambda-Runtime-Trace-Id": f"Root=1-{uuid.uuid4().hex[:8]}-{uuid.uuid4().hex[:24]};Sampled=0",
                    },
                )

            def do_POST(self):
                body = self._body()
                kind = None
                if self.path == f"{RUNTIME_PATH}/init/error":
                    kind = "init_error"
                elif self.path == f"{RUNTIME_PATH}/invocation/{api.request_id}/response":
                    kind = "response"
                elif self.path == f"{RUNTIME_PATH}/invocation/{api.request_id}/error":
                    kind = "error"
                if kind is None:
                    return self._send(404, b'{"errorMessage":"unknown path or request id"}')
                with api._lock:
                    if api.outcome is None:
                        api.outcome = (kind, body)
                self._send(202, b'{"status":"OK"}')
                api.done.set()

        self.server = quiet_resets(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
        self.server.daemon_threads = True
        # A short poll: shutdown() waits for the loop to notice, 0.5 s by default, which
        # made every invocation half a second longer than the function ran.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


# Extracted packages, shared by every bed on the machine and kept between invocations, as
# Lambda keeps a version's code: unzipping 6 MB on every invocation made the stand-in, not
# rosactl, the slow part. Bounded: the least recently used go beyond CODE_CACHE_KEEP.
CODE_CACHE = os.path.join(tempfile.gettempdir(), "rosa-bed-code")
CODE_CACHE_KEEP = 24


def _task_root(code: bytes) -> str:
    root = os.path.join(CODE_CACHE, hashlib.sha256(code).hexdigest())
    if os.path.isfile(os.path.join(root, ".complete")):
        os.utime(root)
        return root
    os.makedirs(CODE_CACHE, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".extract-", dir=CODE_CACHE)
    _extract(code, staging)
    open(os.path.join(staging, ".complete"), "w").close()
    try:
        os.rename(staging, root)
    except OSError:
        # Another invocation (or bed) got there first with the same code.
        shutil.rmtree(staging, ignore_errors=True)
    _prune_code_cache()
    return root


def _prune_code_cache() -> None:
    try:
        entries = [
            os.path.join(CODE_CACHE, e)
            for e in os.listdir(CODE_CACHE)
            if not e.startswith(".")
        ]
        entries.sort(key=lambda p: os.stat(p).st_mtime, reverse=True)
        for old in entries[CODE_CACHE_KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass


def _extract(code: bytes, into: str) -> None:
    """Unzips keeping the Unix permissions (zipfile drops them)."""
    with zipfile.ZipFile(io.BytesIO(code)) as z:
        for info in z.infolist():
            path = z.extract(info, into)
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(path, mode)


def _error(error_type: str, message: str) -> bytes:
    return json.dumps({"errorType": error_type, "errorMessage": message}).encode()


def _save_logs(fn: LambdaFunction, stream: str, lines: list[str]) -> None:
    backend = fn.logs_backend
    backend.ensure_log_group(fn.logs_group_name)
    backend.create_log_stream(fn.logs_group_name, stream)
    now = int(unix_time_millis())
    backend.put_log_events(
        fn.logs_group_name, stream, [{"timestamp": now, "message": line} for line in lines]
    )


def execute(fn: LambdaFunction, body: str | bytes, request_headers, response_headers) -> bytes:
    """Runs one invocation of ``fn`` the way Lambda's provided.* runtimes do."""
    request_id = str(uuid.uuid4())
    if request_headers.get("X-Amz-Invocation-Type") == "DryRun":
        return b""
    event = body.encode() if isinstance(body, str) else (body or b"{}")
    version = str(fn.version)
    response_headers["x-amz-executed-version"] = version
    response_headers["x-amzn-requestid"] = request_id
    if not str(fn.run_time or "").startswith("provided"):
        response_headers["x-amz-function-error"] = "Unhandled"
        return _error("Runtime.Unsupported", f"the test bed runs only provided.* runtimes, not {fn.run_time}")

    timeout_s = int(fn.timeout or 3)
    date = utcnow()
    stream = f"{date.year}/{date.month:02d}/{date.day:02d}/[{version}]{uuid.uuid4().hex}"
    output: list[str] = []
    try:
        task_root = _task_root(fn.code_bytes)
        bootstrap = os.path.join(task_root, "bootstrap")
        if not os.access(bootstrap, os.X_OK):
            response_headers["x-amz-function-error"] = "Unhandled"
            message = "Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]"
            _save_logs(fn, stream, [message])
            return _error("Runtime.InvalidEntrypoint", message)

        deadline_ms = int(time.time() * 1000) + timeout_s * 1000
        with OneShotRuntimeApi(request_id, event, fn.function_arn, deadline_ms) as api:
            env = {
                "PATH": "/usr/local/bin:/usr/bin:/bin",
                "LANG": "en_US.UTF-8",
                "TZ": ":UTC",
                "LAMBDA_TASK_ROOT": task_root,
                "LAMBDA_RUNTIME_DIR": task_root,
                "_HANDLER": fn.handler or "bootstrap",
                "AWS_EXECUTION_ENV": f"AWS_Lambda_{fn.run_time}",
                "AWS_LAMBDA_RUNTIME_API": api.address,
                "AWS_LAMBDA_FUNCTION_NAME": fn.function_name,
                "AWS_LAMBDA_FUNCTION_VERSION": version,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(fn.memory_size),
                "AWS_LAMBDA_LOG_GROUP_NAME": fn.logs_group_name,
                "AWS_LAMBDA_LOG_STREAM_NAME": stream,
                "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
                "AWS_REGION": fn.region,
                "AWS_DEFAULT_REGION": fn.region,
                # The execution role's credentials, as moto knows them: any key works there.
                "AWS_ACCESS_KEY_ID": "ASIABEDEXECUTIONROLE",
                "AWS_SECRET_ACCESS_KEY": "bed-execution-role-secret",
                "AWS_SESSION_TOKEN": "bed-execution-role-session",
                "AWS_ENDPOINT_URL": MOTO_ENDPOINT,
            }
            env.update({k: str(v) for k, v in (fn.environment_vars or {}).items()})
            started = time.monotonic()
            proc = subprocess.Popen(
                [bootstrap],
                cwd=task_root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

            def pump():
                for raw in proc.stdout:
                    output.append(raw.decode("utf-8", "replace").rstrip("\n"))

            reader = threading.Thread(target=pump, daemon=True)
            reader.start()
            limit = started + timeout_s
            while not api.done.is_set() and proc.poll() is None and time.monotonic() < limit:
                api.done.wait(0.01)
            finished = time.monotonic()
            exit_code = proc.poll()
            # Peak RSS of the function's process (after exec: the bootstrap's own), read
            # while it still waits for its next event.
            max_rss_kb = None
            try:
                with open(f"/proc/{proc.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            max_rss_kb = int(line.split()[1])
            except (OSError, ValueError):
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            reader.join(timeout=5)
            outcome = api.outcome

        init_ms = ((api.first_poll or finished) - started) * 1000
        duration_ms = (finished - (api.first_poll or started)) * 1000
        if outcome is None:
            response_headers["x-amz-function-error"] = "Unhandled"
            if exit_code is not None:
                payload = _error(
                    "Runtime.ExitError",
                    f"RequestId: {request_id} Error: Runtime exited with error: exit status {exit_code}",
                )
            else:
                payload = _error(
                    "Sandbox.Timedout",
                    f"RequestId: {request_id} Error: Task timed out after {timeout_s:.2f} seconds",
                )
        elif outcome[0] == "response":
            payload = outcome[1]
        else:
            response_headers["x-amz-function-error"] = "Unhandled"
            payload = outcome[1] or _error("Runtime.Unknown", "the function reported an empty error")

        lines = [f"START RequestId: {request_id} Version: {version}"]
        lines += output
        lines.append(f"END RequestId: {request_id}")
        lines.append(
            f"REPORT RequestId: {request_id}\tDuration: {duration_ms:.2f} ms\t"
            f"Billed Duration: {int(duration_ms) + 1} ms\tMemory Size: {fn.memory_size} MB\t"
            f"Init Duration: {init_ms:.2f} ms"
            + (f"\tMax Memory Used: {max_rss_kb / 1024:.1f} MB" if max_rss_kb else "")
        )
        _save_logs(fn, stream, lines)
        _publish_metrics(fn, "x-amz-function-error" in response_headers, duration_ms, output)
        if request_headers.get("X-Amz-Log-Type") == "Tail":
            tail = "\n".join(lines).encode()[-LOG_TAIL_BYTES:]
            response_headers["x-amz-log-result"] = base64.b64encode(tail).decode()
        return payload
    finally:
        # The task root is the cached code (see _task_root): kept for the next invocation.
        pass


def _invoke(self: LambdaFunction, body, request_headers, response_headers):
    return execute(self, body, request_headers, response_headers)


LambdaFunction.invoke = _invoke

# The alias an invocation came through (Lambda's `Resource` dimension): moto resolves it to
# the version before the function runs, so it is noted on the way in.
_INVOKED = threading.local()
_moto_backend_invoke = None


def _backend_invoke(self, function_name, qualifier, body, headers, response_headers):
    name = function_name.split(":function:")[-1]
    alias = qualifier or (name.split(":", 1)[1] if ":" in name else None)
    _INVOKED.alias = alias if alias and not alias.isdigit() and alias != "$LATEST" else None
    try:
        return _moto_backend_invoke(self, function_name, qualifier, body, headers, response_headers)
    finally:
        _INVOKED.alias = None


def _publish_metrics(fn: LambdaFunction, errored: bool, duration_ms: float, lines: list[str]) -> None:
    """What Lambda and CloudWatch Logs make of an invocation: Lambda's own metrics (AWS/Lambda,
    by function, by alias and by version) and the metrics of its EMF lines."""
    from moto.cloudwatch.models import cloudwatch_backends

    backend = cloudwatch_backends[fn.account_id][fn.region]
    now = utcnow()
    name = fn.function_name
    sets = [[{"Name": "FunctionName", "Value": name}],
            [{"Name": "FunctionName", "Value": name}, {"Name": "ExecutedVersion", "Value": str(fn.version)}]]
    alias = getattr(_INVOKED, "alias", None)
    if alias:
        sets.append([{"Name": "FunctionName", "Value": name}, {"Name": "Resource", "Value": f"{name}:{alias}"}])
    data = []
    for dims in sets:
        for metric, value, unit in (("Invocations", 1.0, "Count"), ("Errors", 1.0 if errored else 0.0, "Count"),
                                    ("Duration", duration_ms, "Milliseconds")):
            data.append({"MetricName": metric, "Dimensions": dims, "Value": value, "Unit": unit, "Timestamp": now})
    backend.put_metric_data("AWS/Lambda", data)
    for line in lines:
        try:
            doc = json.loads(line)
        except ValueError:
            continue
        meta = doc.get("_aws") if isinstance(doc, dict) else None
        if not isinstance(meta, dict):
            continue
        for directive in meta.get("CloudWatchMetrics", []):
            # One put per directive: every metric under every dimension set.
            data = []
            for definition in directive.get("Metrics", []):
                value = doc.get(definition.get("Name"))
                if not isinstance(value, (int, float)):
                    continue
                for dim_set in directive.get("Dimensions", []):
                    dims = [{"Name": d, "Value": str(doc.get(d))} for d in dim_set]
                    data.append({
                        "MetricName": definition["Name"], "Dimensions": dims, "Value": float(value),
                        "Unit": definition.get("Unit"), "Timestamp": now,
                    })
            if data:
                backend.put_metric_data(directive["Namespace"], data)


# --------------------------------------------------------------------------- Lambda settings
# What moto lacks for `setup-account --tracing / --reserved-concurrency`: UpdateFunctionConfiguration
# keeps TracingConfig; GetAccountSettings answers the region's concurrency figures; and a
# reservation that would leave fewer than 100 unreserved executions is refused, as Lambda
# does. The account's limit is 1000 unless a test applies quota L-B99A9384 (service "lambda")
# through /_rosa_bed/quotas.

from moto.awslambda import models as lambda_models  # noqa: E402
from moto.awslambda import responses as lambda_responses  # noqa: E402

LAMBDA_CONCURRENCY_QUOTA = "L-B99A9384"
LAMBDA_MIN_UNRESERVED = 100
_moto_update_configuration = LambdaFunction.update_configuration


def _update_configuration(self, config_updates):
    if "TracingConfig" in config_updates:
        self.tracing_config = {"Mode": (config_updates["TracingConfig"] or {}).get("Mode", "PassThrough")}
    return _moto_update_configuration(self, config_updates)


LambdaFunction.update_configuration = _update_configuration


def _concurrency_figures(account: str, region: str, leave_out: str | None = None):
    backend = lambda_models.lambda_backends[account][region]
    limit = int(APPLIED.get((account, region, "lambda", LAMBDA_CONCURRENCY_QUOTA), 1000))
    reserved = sum(
        int(f.reserved_concurrency or 0)
        for f in backend.list_functions()
        if f.function_name != leave_out
    )
    return limit, reserved


def _put_function_concurrency(self, function_name: str, reserved_concurrency: str) -> str:
    fn = self.get_function(function_name)
    limit, others = _concurrency_figures(self.account_id, self.region_name, fn.function_name)
    if limit - others - int(reserved_concurrency) < LAMBDA_MIN_UNRESERVED:
        raise lambda_models.InvalidParameterValueException(
            "Specified ReservedConcurrentExecutions for function decreases account's "
            f"UnreservedConcurrentExecution below its minimum value of [{LAMBDA_MIN_UNRESERVED}]."
        )
    fn.reserved_concurrency = reserved_concurrency
    return fn.reserved_concurrency


lambda_models.LambdaBackend.put_function_concurrency = _put_function_concurrency
_moto_backend_invoke = lambda_models.LambdaBackend.invoke
lambda_models.LambdaBackend.invoke = _backend_invoke


def _account_settings(environ) -> Response:
    from moto.iam.models import get_account_id_from

    auth = environ.get("HTTP_AUTHORIZATION", "")
    scope = auth.split("Credential=", 1)[-1].split(",", 1)[0].split("/")
    access_key, region = (scope[0], scope[2]) if len(scope) >= 3 else ("", "us-east-1")
    account = get_account_id_from(access_key)
    limit, reserved = _concurrency_figures(account, region)
    body = {
        "AccountLimit": {
            "TotalCodeSize": 80530636800,
            "CodeSizeUnzipped": 262144000,
            "CodeSizeZipped": 52428800,
            "ConcurrentExecutions": limit,
            "UnreservedConcurrentExecutions": limit - reserved,
        },
        "AccountUsage": {
            "TotalCodeSize": 0,
            "FunctionCount": len(list(lambda_models.lambda_backends[account][region].list_functions())),
        },
    }
    return Response(json.dumps(body), 200, content_type="application/json")


# --------------------------------------------------------------------------- Service Quotas

EC2_SERVICE_NAME = "Amazon Elastic Compute Cloud (Amazon EC2)"
EC2_DEFAULTS = {
    "L-1216C47A": ("Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", 1152.0),
    "L-0263D0A3": ("EC2-VPC Elastic IPs", 5.0),
    "L-34B43A08": ("All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests", 1152.0),
}
# (account, region, service, quota) -> applied value set by a test
APPLIED: dict[tuple[str, str, str, str], float] = {}


def _ec2_quota(account: str, region: str, code: str, applied: bool) -> dict:
    name, default = EC2_DEFAULTS[code]
    value = APPLIED.get((account, region, "ec2", code), default) if applied else default
    return {
        "ServiceCode": "ec2",
        "ServiceName": EC2_SERVICE_NAME,
        "QuotaArn": f"arn:aws:servicequotas:{region}:{account}:ec2/{code}",
        "QuotaCode": code,
        "QuotaName": name,
        "Value": value,
        "Unit": "None",
        "Adjustable": True,
        "GlobalQuota": False,
    }


def _with_applied(self, quota: dict, service: str) -> dict:
    value = APPLIED.get((self.account_id, self.region_name, service, quota["QuotaCode"]))
    return dict(quota, Value=value) if value is not None else quota


def _defaults(self, service_code: str) -> list[dict]:
    if service_code == "ec2":
        return [_ec2_quota(self.account_id, self.region_name, c, False) for c in EC2_DEFAULTS]
    if service_code == "vpc":
        return sq_models.VPC_DEFAULT_QUOTAS
    raise sq_models.NoSuchResource


def _applied(self, service_code: str) -> list[dict]:
    if service_code == "ec2":
        return [_ec2_quota(self.account_id, self.region_name, c, True) for c in EC2_DEFAULTS]
    return [_with_applied(self, q, service_code) for q in _defaults(self, service_code)]


def _get(self, service_code: str, quota_code: str) -> dict:
    for quota in _applied(self, service_code):
        if quota["QuotaCode"] == quota_code:
            return quota
    raise sq_models.NoSuchResource


def _get_default(self, service_code: str, quota_code: str) -> dict:
    for quota in _defaults(self, service_code):
        if quota["QuotaCode"] == quota_code:
            return quota
    raise sq_models.NoSuchResource


sq_models.ServiceQuotasBackend.list_aws_default_service_quotas = _defaults
sq_models.ServiceQuotasBackend.get_service_quota = _get
sq_models.ServiceQuotasBackend.list_service_quotas = _applied
sq_models.ServiceQuotasBackend.get_aws_default_service_quota = _get_default


def _resp_list_service_quotas(self) -> str:
    params = json.loads(self.body)
    return json.dumps({"Quotas": self.backend.list_service_quotas(str(params.get("ServiceCode")))})


def _resp_get_default(self) -> str:
    params = json.loads(self.body)
    quota = self.backend.get_aws_default_service_quota(
        str(params.get("ServiceCode")), str(params.get("QuotaCode"))
    )
    return json.dumps({"Quota": quota})


sq_responses.ServiceQuotasResponse.list_service_quotas = _resp_list_service_quotas
sq_responses.ServiceQuotasResponse.get_aws_default_service_quota = _resp_get_default


# --------------------------------------------------------------------------- S3 fixes

from moto.s3 import responses as s3_responses


def _get_bucket_versioning(self):
    """moto 5.2.5 names the root element GetBucketVersioningResponse; S3 (and the SDKs)
    use VersioningConfiguration."""
    status = self.backend.get_bucket_versioning(self.bucket_name)
    inner = f"<Status>{status}</Status>" if status else ""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">{inner}</VersioningConfiguration>'
    )
    return 200, {"Content-Type": "application/xml"}, body


s3_responses.S3Response.get_bucket_versioning = _get_bucket_versioning


def _only_insecure_transport(condition) -> bool:
    if not isinstance(condition, dict) or list(condition) != ["Bool"]:
        return False
    tests = condition["Bool"]
    return (
        isinstance(tests, dict)
        and list(tests) == ["aws:SecureTransport"]
        and str(tests["aws:SecureTransport"]).lower() == "false"
    )


def _get_permission(self, action: str, resource: str):
    """moto evaluates bucket policies without their conditions, so a "deny unless TLS"
    statement denies everything. Clients reach real S3 over TLS only; the bed treats every
    request as secure transport, so such statements never apply here."""
    from moto.iam.access_control import IAMPolicy, PermissionResult

    if self.policy is None:
        return PermissionResult.NEUTRAL
    doc = json.loads(self.policy.decode())
    statements = doc.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    kept = [st for st in statements if not _only_insecure_transport(st.get("Condition"))]
    if not kept:
        return PermissionResult.NEUTRAL
    doc["Statement"] = kept
    return IAMPolicy(json.dumps(doc)).is_action_permitted(action, resource)


from moto.s3.models import FakeBucket  # noqa: E402

FakeBucket.get_permission = _get_permission


# --------------------------------------------------------------------------- CloudWatch Logs gaps

from moto.logs import exceptions as logs_exceptions
from moto.logs import responses as logs_responses


def _associate_kms_key(self):
    """AssociateKmsKey, which moto 5.2.5 lacks: records the key on the group, as CloudWatch
    Logs does (the key's existence and policy are not checked: the bed has no KMS)."""
    name = self._get_param("logGroupName")
    key = self._get_param("kmsKeyId")
    group = self.logs_backend.groups.get(name)
    if group is None:
        raise logs_exceptions.ResourceNotFoundException()
    group.kms_key_id = key
    return ""


logs_responses.LogsResponse.associate_kms_key = _associate_kms_key


# An export task runs a while in CloudWatch Logs: here it answers RUNNING to its first
# DescribeExportTasks and COMPLETED from the second on (moto finishes it at once), so a client
# that waits is seen waiting, without a clock.
from moto.logs import models as logs_models  # noqa: E402

_moto_create_export_task = logs_models.LogsBackend.create_export_task
_moto_describe_export_tasks = logs_models.LogsBackend.describe_export_tasks


def _create_export_task(self, *args, **kwargs):
    task_id = _moto_create_export_task(self, *args, **kwargs)
    task = self.export_tasks[task_id]
    task.finished = dict(task.status)
    task.status = {"code": "RUNNING", "message": "Started"}
    task.described = 0
    return task_id


def _describe_export_tasks(self, task_id):
    tasks = _moto_describe_export_tasks(self, task_id)
    for task in tasks:
        finished = getattr(task, "finished", None)
        if finished is not None:
            task.described += 1
            if task.described >= 2:
                task.status = finished
    return tasks


logs_models.LogsBackend.create_export_task = _create_export_task
logs_models.LogsBackend.describe_export_tasks = _describe_export_tasks


# --------------------------------------------------------------------------- IAM gaps

from moto.core.responses import EmptyResult  # noqa: E402
from moto.iam import responses as iam_responses  # noqa: E402


def _add_client_id_to_oidc_provider(self):
    """AddClientIDToOpenIDConnectProvider, which moto lacks: adds the client id to the
    provider's list unless it is there already, as IAM does."""
    provider = self.backend.get_open_id_connect_provider(self._get_param("OpenIDConnectProviderArn"))
    client_id = self._get_param("ClientID")
    if client_id not in provider.client_id_list:
        provider.client_id_list.append(client_id)
    return EmptyResult()


iam_responses.IamResponse.add_client_id_to_open_id_connect_provider = _add_client_id_to_oidc_provider


# --------------------------------------------------------------------------- server


FAULTS: list[dict] = []
REQUESTS: list[dict] = []
# A condition, so that /_rosa_bed/wait can sleep until a request is logged.
STATE_LOCK = threading.Condition()


def operation_of(environ) -> str:
    """Names a request's AWS operation as the tests match it."""
    method = environ.get("REQUEST_METHOD", "")
    path = environ.get("PATH_INFO", "")
    target = environ.get("HTTP_X_AMZ_TARGET")
    auth = environ.get("HTTP_AUTHORIZATION", "")
    service = auth.split("/")[3] if auth.count("/") >= 4 else ""
    if target:
        return f"{service}:{target.split('.')[-1]}"
    if method == "POST" and path.startswith("/service/") and "/operation/" in path:
        # Smithy RPC v2 (CloudWatch's CBOR protocol): POST /service/NAME/operation/OP.
        return f"{service}:{path.rsplit('/operation/', 1)[1]}"
    if method == "POST" and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        from urllib.parse import parse_qs

        environ["rosa.form"] = body.decode("utf-8", "replace")
        action = parse_qs(environ["rosa.form"]).get("Action", [""])[0]
        return f"{service}:{action}"
    query = environ.get("QUERY_STRING", "")
    return f"{service}:{method} {path}" + (f"?{query}" if query else "")


def _fault_response(op: str, status: int, code: str, message: str) -> Response:
    """An injected error in the protocol of the service called, as AWS would send it: EC2's
    query XML, the query services' (IAM, STS, ELB) and Route 53's ErrorResponse, S3's Error,
    else JSON; so the SDK reads the code as it would a real one."""
    from xml.sax.saxutils import escape

    service = op.split(":", 1)[0]
    c, m = escape(code), escape(message)
    if service == "ec2":
        body = ('<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error>'
                f"<Code>{c}</Code><Message>{m}</Message></Error></Errors>"
                "<RequestID>rosa-bed-fault</RequestID></Response>")
        return Response(body, status, content_type="text/xml")
    if service in ("iam", "sts", "elasticloadbalancing", "route53"):
        ns = ' xmlns="https://route53.amazonaws.com/doc/2013-04-01/"' if service == "route53" else ""
        body = (f'<?xml version="1.0" encoding="UTF-8"?><ErrorResponse{ns}><Error><Type>Sender</Type>'
                f"<Code>{c}</Code><Message>{m}</Message></Error>"
                "<RequestId>rosa-bed-fault</RequestId></ErrorResponse>")
        return Response(body, status, content_type="text/xml")
    if service == "s3":
        body = ('<?xml version="1.0" encoding="UTF-8"?>'
                f"<Error><Code>{c}</Code><Message>{m}</Message><RequestId>rosa-bed-fault</RequestId></Error>")
        return Response(body, status, content_type="application/xml")
    if service == "monitoring":
        # CloudWatch's Smithy RPC v2 CBOR protocol (see _cloudwatch_cbor).
        return Response(_cbor({"__type": code, "message": message}), status,
                        content_type="application/cbor", headers={"smithy-protocol": "rpc-v2-cbor"})
    body = json.dumps({"__type": code, "message": message, "Message": message})
    return Response(body, status, content_type="application/json", headers={"x-amzn-ErrorType": code})


def _delete_errors(environ, code: str) -> Response:
    """A DeleteObjects answer that refuses every object asked for, deleting nothing."""
    import xml.etree.ElementTree as ET

    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    errors = []
    for obj in ET.fromstring(body or b"<Delete/>").iter():
        if not obj.tag.endswith("Object"):
            continue
        key = next((c.text for c in obj if c.tag.endswith("Key")), "")
        version = next((c.text for c in obj if c.tag.endswith("VersionId")), None)
        errors.append(
            "<Error><Key>{}</Key>{}<Code>{}</Code><Message>injected by the test bed</Message></Error>".format(
                key, f"<VersionId>{version}</VersionId>" if version else "", code
            )
        )
    xml = '<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">{}</DeleteResult>'.format("".join(errors))
    return Response(xml, 200, content_type="application/xml")


def _create_bucket_with_tags(app, environ, start_response, bucket: str):
    """CreateBucket as S3 does it: the tags of ``CreateBucketConfiguration`` are the bucket's
    from its creation on (moto ignores them; a bucket without its tags for a moment is what an
    interrupted run would otherwise leave, and real S3 never shows it)."""
    import xml.etree.ElementTree as ET

    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    tags = {}
    if body:
        try:
            root = ET.fromstring(body)
            for tag in root.iter():
                if tag.tag.endswith("}Tag") or tag.tag == "Tag":
                    key = next((c.text for c in tag if c.tag.endswith("Key")), None)
                    value = next((c.text for c in tag if c.tag.endswith("Value")), "")
                    if key:
                        tags[key] = value or ""
        except ET.ParseError:
            pass
    status = {}

    def recording(code, headers, exc_info=None):
        status["code"] = code
        return start_response(code, headers, exc_info)

    result = app(environ, recording)
    if tags and status.get("code", "").startswith("200"):
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.s3.models import s3_backends

        s3_backends[DEFAULT_ACCOUNT_ID]["aws"].put_bucket_tagging(bucket, tags)
    return result


# --------------------------------------------------------------------------- CloudWatch alarms
# As in CloudWatch: a deleted alarm loses its tags (moto keeps them by ARN, so an alarm made
# again under the same name would come back with the old one's tags), and PutMetricAlarm on
# an existing alarm ignores its Tags.

from moto.cloudwatch import models as cw_models  # noqa: E402


def _delete_alarms(self, alarm_names):
    for name in alarm_names:
        alarm = self.alarms.pop(name, None)
        if alarm is not None:
            self.tagger.delete_all_tags_for_resource(alarm.alarm_arn)


cw_models.CloudWatchBackend.delete_alarms = _delete_alarms
_moto_put_metric_alarm = cw_models.CloudWatchBackend.put_metric_alarm


def _put_metric_alarm(self, *args, **kwargs):
    # CloudWatch takes Tags when it creates the alarm and ignores them on an update.
    if kwargs.get("name") in self.alarms:
        kwargs["tags"] = []
    return _moto_put_metric_alarm(self, *args, **kwargs)


cw_models.CloudWatchBackend.put_metric_alarm = _put_metric_alarm
_moto_statistic = cw_models.Statistics.get_statistics_for_type


def _statistic(self, stat: str):
    # Percentiles (p50, p99.9), which moto does not compute: nearest rank, as CloudWatch
    # does for raw values.
    if stat.startswith("p"):
        try:
            rank = float(stat[1:])
        except ValueError:
            return _moto_statistic(self, stat)
        values = sorted(self.metric_single_values_list)
        if not values:
            return None
        import math

        return values[max(0, min(len(values) - 1, math.ceil(rank / 100 * len(values)) - 1))]
    return _moto_statistic(self, stat)


cw_models.Statistics.get_statistics_for_type = _statistic


# --------------------------------------------------------------------------- CloudWatch CBOR
# The AWS SDK for Rust speaks CloudWatch's Smithy RPC v2 CBOR protocol
# (POST /service/GraniteServiceVersion20100801/operation/OP); moto serves the same operations
# over AWS JSON 1.0. The bed translates: CBOR request -> JSON request to moto, JSON answer ->
# CBOR answer (timestamps as CBOR tag 1, as the protocol has them).

import struct  # noqa: E402


class _Cbor:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def _take(self, n: int) -> bytes:
        chunk = self.data[self.at:self.at + n]
        if len(chunk) != n:
            raise ValueError("truncated CBOR")
        self.at += n
        return chunk

    def _arg(self, info: int) -> int | None:
        if info < 24:
            return info
        if info == 31:
            return None  # indefinite length
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        return int.from_bytes(self._take(size), "big")

    def item(self):
        first = self._take(1)[0]
        major, info = first >> 5, first & 31
        if first == 0xFF:
            raise StopIteration
        if major == 7:
            if info == 20:
                return False
            if info == 21:
                return True
            if info in (22, 23):
                return None
            if info == 25:
                return struct.unpack(">e", self._take(2))[0]
            if info == 26:
                return struct.unpack(">f", self._take(4))[0]
            if info == 27:
                return struct.unpack(">d", self._take(8))[0]
            raise ValueError(f"CBOR simple value {info}")
        n = self._arg(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - n
        if major in (2, 3):
            if n is None:
                parts = []
                while True:
                    try:
                        parts.append(self.item())
                    except StopIteration:
                        break
                joined = b"".join(p if isinstance(p, bytes) else p.encode() for p in parts)
            else:
                joined = self._take(n)
            return joined if major == 2 else joined.decode("utf-8")
        if major == 4:
            out = []
            while n is None or len(out) < n:
                try:
                    out.append(self.item())
                except StopIteration:
                    break
            return out
        if major == 5:
            out = {}
            while n is None or len(out) < n:
                try:
                    key = self.item()
                except StopIteration:
                    break
                out[key] = self.item()
            return out
        if major == 6:
            value = self.item()
            return value  # tag 1 (epoch seconds) reads as its number: JSON takes it as is
        raise ValueError(f"CBOR major type {major}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("CBOR integer too large")


def _cbor(value, key: str = "") -> bytes:
    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if value is None:
        return b"\xf6"
    timestamp = key.endswith("Timestamp") or key.endswith("Timestamps")
    if timestamp and isinstance(value, (int, float)):
        return b"\xc1" + b"\xfb" + struct.pack(">d", float(value))
    if timestamp and isinstance(value, str):
        from datetime import datetime

        return _cbor(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp(), key)
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor(v, key) for v in value)
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if v is not None]
        return _cbor_head(5, len(items)) + b"".join(_cbor(k) + _cbor(v, k) for k, v in items)
    raise ValueError(f"cannot encode {type(value)} as CBOR")


def _cloudwatch_cbor(app, environ, start_response, operation: str):
    """One CBOR call to CloudWatch, served by moto over AWS JSON 1.0."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    request = _Cbor(body).item() if body else {}
    payload = json.dumps(request or {}).encode()
    inner = dict(environ)
    inner.update({
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-amz-json-1.0",
        "CONTENT_LENGTH": str(len(payload)),
        "HTTP_X_AMZ_TARGET": f"GraniteServiceVersion20100801.{operation}",
        "wsgi.input": io.BytesIO(payload),
    })
    inner.pop("HTTP_SMITHY_PROTOCOL", None)
    answer = {}

    def capture(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers
        return lambda _: None

    chunks = b"".join(app(inner, capture))
    try:
        decoded = json.loads(chunks) if chunks.strip() else {}
    except ValueError:
        decoded = {"__type": "InternalFailure", "message": chunks.decode("utf-8", "replace")[:500]}
    code = int(answer.get("status", "500").split()[0])
    if code >= 400 and isinstance(decoded, dict):
        kind = decoded.get("__type") or decoded.get("Code") or "InternalFailure"
        decoded = {"__type": str(kind).split("#")[-1], "message": decoded.get("message") or decoded.get("Message") or ""}
    out = _cbor(decoded)
    start_response(answer.get("status", "500 Internal Server Error"), [
        ("Content-Type", "application/cbor"),
        ("Content-Length", str(len(out))),
        ("smithy-protocol", "rpc-v2-cbor"),
        ("x-amzn-RequestId", str(uuid.uuid4())),
    ])
    return [out]


def _caller_of(environ) -> tuple[str | None, str | None]:
    """The account and region a request is signed for: the access key (moto's account of it)
    and the region of the SigV4 credential scope."""
    auth = environ.get("HTTP_AUTHORIZATION", "")
    marker = "Credential="
    if marker not in auth:
        return None, None
    scope = auth.split(marker, 1)[1].split(",", 1)[0].split("/")
    if len(scope) < 3:
        return None, None
    from moto.iam.models import get_account_id_from

    return get_account_id_from(scope[0]), scope[2]


def _organization(spec: dict) -> dict:
    """An organization in the default account with ``accounts`` member accounts (``closed`` of
    them closed, so SUSPENDED): what `--org` lists. Answers the members' ids and states."""
    from moto.organizations.models import organizations_backends

    backend = organizations_backends["123456789012"]["aws"]
    if backend.org is None:
        backend.create_organization("us-east-1", FeatureSet="ALL")
    made = []
    for i in range(int(spec.get("accounts", 0))):
        status = backend.create_account(AccountName=f"member-{i}", Email=f"member-{i}@example.com")
        made.append(status["CreateAccountStatus"]["AccountId"])
    for account_id in made[: int(spec.get("closed", 0))]:
        backend.close_account(AccountId=account_id)
    # ``ou``: the last N accounts made go under a new unit, the last of them in a unit nested
    # in it (what `--ou` lists: the unit and its child units).
    ou_id = None
    in_ou = int(spec.get("ou", 0))
    if in_ou:
        root = backend.org.root_id
        ou_id = backend.create_organizational_unit(Name="team", ParentId=root)["OrganizationalUnit"]["Id"]
        nested = backend.create_organizational_unit(Name="nested", ParentId=ou_id)["OrganizationalUnit"]["Id"]
        chosen = made[-in_ou:]
        for i, account_id in enumerate(chosen):
            dest = nested if i == len(chosen) - 1 else ou_id
            backend.move_account(AccountId=account_id, SourceParentId=root, DestinationParentId=dest)
    return {
        "master": backend.org.master_account_id,
        "ou": ou_id,
        "accounts": [
            {"id": a.id, "state": a.state} for a in backend.accounts if a.id in made
        ],
    }


def bed_api(app):
    """WSGI middleware: ``/_rosa_bed/*`` is ours, everything else goes to moto."""
    import re

    def wrapped(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/_rosa_bed/"):
            if path.startswith("/moto-api/"):
                return app(environ, start_response)
            op = operation_of(environ)
            account, region = _caller_of(environ)
            form = environ.get("rosa.form", "")
            with STATE_LOCK:
                REQUESTS.append({
                    "operation": op,
                    "method": environ.get("REQUEST_METHOD", ""),
                    "expected_owner": environ.get("HTTP_X_AMZ_EXPECTED_BUCKET_OWNER"),
                    "account": account,
                    "region": region,
                    # sts:AssumeRole's session name (who assumed, as CloudTrail shows it).
                    "session": (parse_qs(form).get("RoleSessionName") or [None])[0] if form else None,
                })
                STATE_LOCK.notify_all()
                fault = next((
                    f for f in FAULTS
                    if f["count"] > 0 and re.search(f["match"], op)
                    and (f.get("account") is None or f["account"] == account)
                    and (f.get("body") is None or re.search(f["body"], unquote_plus(form)))
                ), None)
                if fault:
                    fault["count"] -= 1
            if fault and fault.get("delete_errors"):
                return _delete_errors(environ, fault["code"])(environ, start_response)
            if fault:
                message = fault["message"] or f"fault injected by the test bed for {op}"
                return _fault_response(op, fault["status"], fault["code"], message)(environ, start_response)
            if path.startswith("/service/GraniteServiceVersion20100801/operation/"):
                return _cloudwatch_cbor(app, environ, start_response, path.rsplit("/", 1)[1])
            if op.startswith("lambda:GET /2016-08-19/account-settings"):
                return _account_settings(environ)(environ, start_response)
            if op.startswith("s3:PUT /") and path.strip("/").count("/") == 0 and not environ.get("QUERY_STRING"):
                return _create_bucket_with_tags(app, environ, start_response, path.strip("/"))
            return app(environ, start_response)
        request = Request(environ)
        if path == "/_rosa_bed/faults":
            with STATE_LOCK:
                if request.method == "DELETE":
                    FAULTS.clear()
                else:
                    spec = request.get_json(force=True)
                    FAULTS.append({
                        "match": str(spec["match"]),
                        "status": int(spec.get("status", 400)),
                        "code": str(spec.get("code", "InjectedFault")),
                        "message": spec.get("message"),
                        "count": int(spec.get("count", 1)),
                        "delete_errors": bool(spec.get("delete_errors", False)),
                        # Only requests signed for this account (its credentials, as moto
                        # maps them: AssumeRole's keys belong to the role's account) ...
                        "account": spec.get("account"),
                        # ... or whose form body (query APIs: STS, IAM) matches this regex.
                        "body": spec.get("body"),
                    })
            return Response('{"ok":true}', 200, content_type="application/json")(environ, start_response)
        if path == "/_rosa_bed/organization" and request.method == "POST":
            with STATE_LOCK:
                body = json.dumps(_organization(request.get_json(force=True)))
            return Response(body, 200, content_type="application/json")(environ, start_response)
        if path == "/_rosa_bed/requests":
            with STATE_LOCK:
                if request.method == "DELETE":
                    REQUESTS.clear()
                    body = "[]"
                else:
                    body = json.dumps(REQUESTS)
            return Response(body, 200, content_type="application/json")(environ, start_response)
        if path == "/_rosa_bed/wait":
            # Until COUNT logged operations end with SUFFIX (or TIMEOUT seconds): a test waits
            # for what it expects to have been called, without polling.
            suffix = request.args.get("suffix", "")
            count = int(request.args.get("count", "1"))
            timeout = float(request.args.get("timeout", "60"))
            seen = lambda: sum(1 for r in REQUESTS if r["operation"].endswith(suffix))
            with STATE_LOCK:
                reached = STATE_LOCK.wait_for(lambda: seen() >= count, timeout)
                body = json.dumps({"count": seen(), "reached": bool(reached)})
            return Response(body, 200, content_type="application/json")(environ, start_response)
        if path == "/_rosa_bed/quotas" and request.method == "POST":
            spec = request.get_json(force=True)
            try:
                key = (
                    str(spec.get("account_id", "123456789012")),
                    str(spec["region"]),
                    str(spec["service_code"]),
                    str(spec["quota_code"]),
                )
                APPLIED[key] = float(spec["value"])
            except (KeyError, TypeError, ValueError) as e:
                return Response(json.dumps({"error": f"bad quota spec: {e}"}), 400)(environ, start_response)
            return Response('{"ok":true}', 200, content_type="application/json")(environ, start_response)
        if path == "/_rosa_bed/health":
            return Response('{"ok":true}', 200, content_type="application/json")(environ, start_response)
        return Response('{"error":"unknown bed route"}', 404)(environ, start_response)

    return wrapped


def _exit_when_parent_goes() -> None:
    try:
        while sys.stdin.buffer.read(1):
            pass
    finally:
        os._exit(0)


def main() -> None:
    global MOTO_ENDPOINT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--no-stdin-watch",
        action="store_true",
        help="keep running when standard input closes (default: exit, so the bed never outlives its parent)",
    )
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)

    app = bed_api(DomainDispatcherApplication(create_backend_app))
    server = quiet_resets(make_server(args.host, args.port, app, threaded=True))
    port = server.socket.getsockname()[1]
    MOTO_ENDPOINT = f"http://{args.host}:{port}"
    os.environ["MOTO_PORT"] = str(port)
    if not args.no_stdin_watch:
        threading.Thread(target=_exit_when_parent_goes, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(f"ROSA_BED_READY port={port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

//! Where the Platform API URL and the region come from: flag > environment > rosactl's config
//! file (written by `rosactl login`) > default. The config file lives under the XDG config
//! directory (`$XDG_CONFIG_HOME/rosactl/config.json`, else `~/.config/rosactl/config.json`;
//! `ROSACTL_CONFIG` names another file),
//! is written atomically with mode 0600, and never holds credentials: requests are signed
//! with the AWS credentials of the moment.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exit::{Exit, Failure};
use crate::output::Format;

/// What `rosactl login` keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "from", content = "name")]
pub enum Source {
    /// A command-line flag (`--api-url`, `--region`).
    Flag(String),
    /// An environment variable.
    Environment(String),
    /// rosactl's config file (its path).
    Config(String),
    /// The AWS SDK's own chain (the profile's region), or nothing.
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(n) => write!(f, "flag {n}"),
            Source::Environment(n) => write!(f, "environment {n}"),
            Source::Config(p) => write!(f, "config {p}"),
            Source::Default => f.write_str("default (AWS profile)"),
        }
    }
}

/// The sources of the resolved settings, for `whoami` and `init`.
#[derive(Debug, Clone, Serialize)]
pub struct Sources {
    pub api_url: Source,
    pub region: Source,
}

impl Default for Sources {
    fn default() -> Self {
        Sources {
            api_url: Source::Default,
            region: Source::Default,
        }
    }
}

/// The config file's path: `ROSACTL_CONFIG` (a file), else under `XDG_CONFIG_HOME`, else
/// under `HOME/.config`; `None` when none of them is set.
pub fn config_path() -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("ROSACTL_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(file));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("rosactl").join("config.json"))
}

/// Reads the config file; a missing one is an empty config, an unreadable or malformed one
/// an error naming the file.
pub fn read(path: &Path) -> Result<Config, Failure> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(Failure::new(
                Exit::Failed,
                format!("cannot read rosactl's config {}: {e}", path.display()),
            ));
        }
    };
    serde_json::from_str(&text).map_err(|e| {
        Failure::usage(format!(
            "rosactl's config {} is not valid ({e}); expected {{\"api_url\": \"https://...\", \"region\": \"us-east-1\"}}: fix it, or remove it with `rosactl logout`",
            path.display()
        ))
    })
}

/// Writes the config atomically (a temporary file in the same directory, fsync, rename),
/// readable by its owner only; an empty config removes the file.
pub fn write(path: &Path, config: &Config) -> Result<(), Failure> {
    let fail = |what: &str, e: std::io::Error| {
        Failure::new(
            Exit::Failed,
            format!("cannot {what} rosactl's config {}: {e}", path.display()),
        )
    };
    if *config == Config::default() {
        return match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(fail("remove", e)),
        };
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| fail("create the directory of", e))?;
    let mut body =
        serde_json::to_vec_pretty(config).map_err(|e| fail("write", std::io::Error::other(e)))?;
    body.push(b'\n');
    crate::files::write_private(path, "config.json", &body).map_err(|e| fail("write", e))?;
    Ok(())
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The global options as every command and the layers below read them: resolved once,
/// from the command line (`cli::GlobalArgs::settings`), the environment
/// and rosactl's config, with where the API URL and the region came from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub api_url: Option<String>,
    pub output: Format,
    pub yes: bool,
    pub debug: bool,
    pub resource_prefix: Option<String>,
    pub sources: Sources,
}

/// `given` (the command line's values) with the API URL and region filled by precedence
/// (flag, then environment, then rosactl's config), and their sources recorded.
pub fn resolve(given: Settings) -> Result<Settings, Failure> {
    let mut global = given;
    fill(&mut global)?;
    Ok(global)
}

fn fill(global: &mut Settings) -> Result<(), Failure> {
    let path = config_path();
    let config = match &path {
        Some(p) => read(p)?,
        None => Config::default(),
    };
    let shown = path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut sources = Sources::default();
    if global
        .api_url
        .as_deref()
        .is_some_and(|u| !u.trim().is_empty())
    {
        sources.api_url = Source::Flag("--api-url".into());
    } else if let Some(url) = env("ROSACTL_API_URL") {
        global.api_url = Some(url);
        sources.api_url = Source::Environment("ROSACTL_API_URL".into());
    } else if let Some(url) = config.api_url.clone() {
        global.api_url = Some(url);
        sources.api_url = Source::Config(shown.clone());
    } else {
        global.api_url = None;
    }
    if global.region.is_some() {
        sources.region = Source::Flag("--region".into());
    } else if let Some(name) = ["AWS_REGION", "AWS_DEFAULT_REGION"]
        .into_iter()
        .find(|n| env(n).is_some())
    {
        // The AWS SDK reads it itself.
        sources.region = Source::Environment(name.into());
    } else if let Some(region) = config.region.clone() {
        global.region = Some(region);
        sources.region = Source::Config(shown);
    }
    global.sources = sources;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_atomically_owner_only_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rosactl").join("config.json");
        assert_eq!(read(&path).unwrap(), Config::default(), "missing is empty");
        let config = Config {
            api_url: Some("https://api.example.com/prod".into()),
            region: Some("eu-west-1".into()),
        };
        write(&path, &config).unwrap();
        assert_eq!(read(&path).unwrap(), config);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("config.json")]);
        write(&path, &Config::default()).unwrap();
        assert!(!path.exists(), "an empty config is no file");

        std::fs::write(&path, "{\"api_url\": 3}").unwrap();
        let e = read(&path).unwrap_err();
        assert_eq!(e.exit, Exit::Usage);
        assert!(
            e.message.contains("config.json is not valid"),
            "{}",
            e.message
        );
    }
}

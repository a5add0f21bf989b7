//! Where output goes: results on stdout (a table for people, JSON or YAML for scripts),
//! messages and progress on stderr, so `-o json | jq` always sees clean JSON.

use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON document on stdout.
    Json,
    /// One YAML document on stdout.
    Yaml,
    /// CSV rows (`audit` only; refused for every other command before it runs).
    Csv,
}

/// How a command should render and talk to the user.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub format: Format,
    /// Whether stderr is a terminal (prompts and spinners are only used there).
    pub interactive: bool,
    pub debug: bool,
}

impl Output {
    pub fn new(format: Format, debug: bool) -> Self {
        Output {
            format,
            interactive: std::io::stderr().is_terminal() && std::io::stdin().is_terminal(),
            debug,
        }
    }

    /// Writes `value` as JSON or YAML on stdout. For `Format::Table` the caller renders.
    pub fn document<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        match self.format {
            Format::Json | Format::Table | Format::Csv => {
                serde_json::to_writer_pretty(&mut out, value)?;
                writeln!(out)?;
            }
            Format::Yaml => {
                serde_norway::to_writer(&mut out, value)?;
            }
        }
        Ok(())
    }

    /// A human message on stderr. With `-o json|yaml` a successful command writes nothing on
    /// stderr: only warnings (messages starting `warning:`, which ask the user to act) are
    /// written then.
    pub fn say(&self, msg: impl AsRef<str>) {
        let msg = msg.as_ref();
        if self.format == Format::Table || msg.starts_with("warning:") {
            eprintln!("{msg}");
        }
    }

    /// A long wait: on a terminal, a spinner with `what` and the time elapsed until the
    /// handle is dropped; elsewhere (CI logs) one plain line, nothing animated.
    pub fn waiting(&self, what: impl Into<String>) -> Waiting {
        let what = what.into();
        if self.interactive && self.format == Format::Table {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.set_message(what);
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            Waiting {
                bar: Some(bar),
                quiet: false,
            }
        } else {
            self.say(&what);
            Waiting {
                bar: None,
                quiet: self.format != Format::Table,
            }
        }
    }
}

/// See [`Output::waiting`].
pub struct Waiting {
    bar: Option<indicatif::ProgressBar>,
    /// `-o json|yaml`: progress is not written.
    quiet: bool,
}

impl Waiting {
    /// A message while waiting: above the spinner on a terminal, a plain line elsewhere.
    pub fn say(&self, msg: impl AsRef<str>) {
        match &self.bar {
            Some(bar) => bar.println(msg.as_ref()),
            None if self.quiet => {}
            None => eprintln!("{}", msg.as_ref()),
        }
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A table with the style used everywhere: no borders, header row, wraps to the terminal.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| h.to_string()));
    t
}

/// Prints a table on stdout, trimming the padding comfy-table leaves at line ends.
pub fn print_table(t: &Table) {
    let mut out = std::io::stdout().lock();
    for line in t.to_string().lines() {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// `1536` → `1.5 KiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(12), "12 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(3 * 1024 * 1024), "3.0 MiB");
    }
}

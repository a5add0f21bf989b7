//! One line per function with its current step: spinners on a terminal, plain lines
//! elsewhere (CI logs). Always on stderr, so stdout stays clean for `-o json`; with `-o
//! json|yaml` the steps are not written at all (a successful run writes nothing on stderr),
//! only a failed step and, with `--debug`, the debug lines.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bars: Option<(MultiProgress, Mutex<BTreeMap<String, ProgressBar>>)>,
    debug: bool,
    /// Steps are not written (a document goes to stdout).
    quiet: bool,
}

const BUCKET: &str = "artifact bucket";

impl Progress {
    pub fn new(interactive: bool, debug: bool, quiet: bool) -> Self {
        let bars = (interactive && !quiet).then(|| {
            (
                MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
                Mutex::new(BTreeMap::new()),
            )
        });
        Progress { bars, debug, quiet }
    }

    fn bar(&self, who: &str) -> Option<ProgressBar> {
        let (multi, bars) = self.bars.as_ref()?;
        let mut bars = bars.lock().unwrap_or_else(|e| e.into_inner());
        Some(
            bars.entry(who.to_string())
                .or_insert_with(|| {
                    let bar = multi.add(ProgressBar::new_spinner());
                    bar.set_style(
                        ProgressStyle::with_template(
                            "{spinner} {prefix:.bold} {wide_msg} ({elapsed})",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    );
                    bar.set_prefix(format!("{who:<24}"));
                    bar.enable_steady_tick(Duration::from_millis(120));
                    bar
                })
                .clone(),
        )
    }

    pub fn step(&self, function: Option<&str>, what: &str) {
        let who = function.unwrap_or(BUCKET);
        match self.bar(who) {
            Some(bar) => {
                // The time shown is the current step's: a long wait (IAM propagation, a
                // canary's bake) shows how long it has lasted.
                bar.reset_elapsed();
                bar.set_message(what.to_string());
            }
            None if self.quiet && !self.debug => {}
            None => eprintln!("{who}: {what}"),
        }
    }

    pub fn done(&self, function: Option<&str>, what: &str) {
        let who = function.unwrap_or(BUCKET);
        match self.bar(who) {
            Some(bar) => bar.finish_with_message(format!("✓ {what}")),
            None if self.quiet && !self.debug => {}
            None => eprintln!("{who}: {what}"),
        }
    }

    pub fn failed(&self, function: Option<&str>, what: &str) {
        let who = function.unwrap_or(BUCKET);
        match self.bar(who) {
            Some(bar) => bar.abandon_with_message(format!("✗ {what}")),
            None => eprintln!("{who}: FAILED: {what}"),
        }
    }

    pub fn debug(&self, function: Option<&str>, what: &str) {
        if self.debug {
            let who = function.unwrap_or(BUCKET);
            match &self.bars {
                Some((multi, _)) => {
                    let _ = multi.println(format!("debug: {who}: {what}"));
                }
                None => eprintln!("debug: {who}: {what}"),
            }
        }
    }
}

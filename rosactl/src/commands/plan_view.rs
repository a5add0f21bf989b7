//! Shows a plan (for `--dry-run`) and the failures of an apply.

use serde_json::json;

use crate::deploy::apply::StepFailure;
use crate::deploy::plan::Plan;
use crate::output::{Format, Output, print_table, table};

pub fn show_plan(out: &Output, plan: &Plan, header: &str) -> anyhow::Result<()> {
    if out.format != Format::Table {
        return out.document(&json!({"dry_run": true, "steps": plan.steps(), "notes": plan.notes}));
    }
    if plan.is_empty() {
        println!("{header}: nothing to do, everything is up to date.");
    } else {
        println!(
            "{header}: {} steps (dry run, nothing was changed)",
            plan.len()
        );
        let mut t = table(&["#", "FUNCTION", "STEP"]);
        for (i, step) in plan.steps().iter().enumerate() {
            t.add_row(vec![
                (i + 1).to_string(),
                step.function.unwrap_or("(bucket)").to_string(),
                step.summary.clone(),
            ]);
        }
        print_table(&t);
    }
    for note in &plan.notes {
        println!("note: {note}");
    }
    Ok(())
}

pub fn report_failures(out: &Output, failures: &[StepFailure]) {
    for f in failures {
        out.say(format!("error: {f}"));
    }
}

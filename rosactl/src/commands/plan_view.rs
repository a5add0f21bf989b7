//! Shows a plan (for `--dry-run`, and for a run with nothing to do).

use serde_json::json;

use crate::deploy::plan::{Gate, Plan};
use crate::output::{Format, Output, print_table, table};

/// The plan as the JSON document `--dry-run -o json` prints.
pub fn plan_document(plan: &Plan, dry_run: bool) -> serde_json::Value {
    json!({
        "dry_run": dry_run,
        "changed": false,
        "steps": plan.steps(),
        "stages": plan.stages,
        "notes": plan.notes,
    })
}

pub fn show_plan(out: &Output, plan: &Plan, header: &str, dry_run: bool) -> anyhow::Result<()> {
    if out.format != Format::Table {
        return out.document(&plan_document(plan, dry_run));
    }
    if plan.is_empty() {
        println!("{header}: nothing to do, everything is up to date.");
    } else {
        println!(
            "{header}: {} steps (dry run, nothing was changed)",
            plan.len()
        );
        let mut t = table(&["#", "FUNCTION", "STEP"]);
        let mut i = 0;
        for stage in plan.stages.iter().filter(|s| !s.is_empty()) {
            match &stage.gate {
                Some(Gate::Check { qualifiers }) => {
                    for (f, q) in qualifiers {
                        t.add_row(vec![
                            "-".into(),
                            f.to_string(),
                            format!("check: invoke {f}:{q} first; refuse to move anything on a function error"),
                        ]);
                    }
                }
                Some(Gate::Bake {
                    seconds,
                    qualifiers,
                }) => {
                    for (f, q) in qualifiers {
                        t.add_row(vec![
                            "-".into(),
                            f.to_string(),
                            format!(
                                "bake {seconds} s, then invoke {f}:{q}; go on only if it answers"
                            ),
                        ]);
                    }
                }
                None => {}
            }
            for step in stage
                .bucket
                .iter()
                .chain(stage.functions.iter().flat_map(|(_, s)| s.iter()))
            {
                i += 1;
                t.add_row(vec![
                    i.to_string(),
                    step.function.unwrap_or("(bucket)").to_string(),
                    step.summary.clone(),
                ]);
            }
        }
        print_table(&t);
    }
    for note in &plan.notes {
        println!("note: {note}");
    }
    Ok(())
}

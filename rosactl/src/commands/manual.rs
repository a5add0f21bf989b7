//! `setup-account --mode manual --out DIR`: the setup plan, written for an administrator
//! instead of applied. The plan is the one `--mode auto` would apply to the account as it is
//! now (same observation, same planner); each step becomes the AWS CLI command(s) making the
//! same call with the same arguments. Policies and tags are files beside the script, the
//! packages too, with their SHA-256.
//!
//! A script rather than a CloudFormation template: a stack would own the functions (and tag
//! them `aws:cloudformation:*`), so every later `update-lambdas`/`promote-lambdas` would be
//! stack drift; a version published by CloudFormation cannot be tied to the manifest's hash
//! before an alias moves to it; and the script is the plan, step for step, reviewable line by
//! line against `setup-account --dry-run`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::deploy::desired::{Desired, PackageTarget};
use crate::deploy::history::{self, MoveKind, Record};
use crate::deploy::names::{PROD, STATEMENT_ID};
use crate::deploy::plan::{Action, AliasTarget, Plan, Step};
use crate::exit::{Exit, Failure};

/// What was written.
#[derive(Debug, serde::Serialize)]
pub struct Written {
    pub dir: PathBuf,
    pub script: PathBuf,
    pub steps: usize,
    pub files: Vec<PathBuf>,
}

/// Single-quotes `s` for bash.
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

struct Script {
    body: String,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Script {
    fn file(&mut self, path: &str, bytes: Vec<u8>) -> String {
        self.files.insert(PathBuf::from(path), bytes);
        format!("file://{path}")
    }

    fn json(&mut self, path: &str, value: &Value) -> String {
        let mut bytes = serde_json::to_vec_pretty(value).expect("JSON serializes");
        bytes.push(b'\n');
        self.file(path, bytes)
    }

    fn line(&mut self, line: impl AsRef<str>) {
        self.body.push_str(line.as_ref());
        self.body.push('\n');
    }
}

fn iam_tags(tags: &BTreeMap<String, String>) -> Value {
    Value::Array(
        tags.iter()
            .map(|(k, v)| json!({"Key": k, "Value": v}))
            .collect(),
    )
}

/// Writes the plan to `dir` (which must not exist, or be empty).
pub fn write(
    desired: &Desired,
    plan: &Plan,
    caller_arn: &str,
    dir: &Path,
) -> Result<Written, Failure> {
    let shown = dir.display();
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(|e| Failure::usage(format!("--out {shown}: cannot read it: {e}")))?
            .next()
            .is_none();
        if !empty {
            return Err(Failure::usage(format!(
                "--out {shown}: expected a new or empty directory (it holds files already; rosactl does not overwrite an administrator's review)"
            )));
        }
    }
    let script = render(desired, plan, caller_arn)?;
    let mut files = Vec::new();
    let write_file = |rel: &Path, bytes: &[u8]| -> Result<PathBuf, Failure> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!("--out: cannot create {}: {e}", parent.display()),
                )
            })?;
        }
        std::fs::write(&path, bytes).map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!("--out: cannot write {}: {e}", path.display()),
            )
        })?;
        Ok(path)
    };
    for (rel, bytes) in &script.files {
        files.push(write_file(rel, bytes)?);
    }
    let setup = write_file(Path::new("setup.sh"), script.body.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&setup, std::fs::Permissions::from_mode(0o755));
    }
    files.push(setup.clone());
    Ok(Written {
        dir: dir.to_path_buf(),
        script: setup,
        steps: plan.len(),
        files,
    })
}

fn render(d: &Desired, plan: &Plan, caller_arn: &str) -> Result<Script, Failure> {
    let a = &d.account;
    let mut s = Script {
        body: String::new(),
        files: BTreeMap::new(),
    };
    // The packages, whatever the plan uploads: the administrator checks what they run.
    let mut sums = String::new();
    for pkg in d.packages.values() {
        let rel = format!("packages/{}.zip", pkg.package.spec.function_name);
        s.file(&rel, pkg.package.zip.to_vec());
        let _ = writeln!(sums, "{}  {rel}", pkg.package.manifest.sha256);
    }
    s.file("packages/SHA256SUMS", sums.into_bytes());

    s.line("#!/usr/bin/env bash");
    s.line(format!(
        "# Written by rosactl {} (setup-account --mode manual) for account {}, region {}, partition {}.",
        env!("CARGO_PKG_VERSION"),
        a.account,
        a.region,
        a.partition
    ));
    s.line(format!("# Asked by {caller_arn}."));
    s.line(
        "# It makes exactly the calls `rosactl setup-account` would make on the account as it was",
    );
    s.line(
        "# observed: review policies/ and tags/, check packages/SHA256SUMS, then run it with the",
    );
    s.line("# account's administrator credentials (AWS CLI v1 or v2). Afterwards `rosactl status --check`");
    s.line("# exits 0 and `rosactl setup-account` has nothing to change. If a step fails, fix the cause");
    s.line("# and run `rosactl setup-account --mode manual --out NEWDIR` again: it writes what is left.");
    s.line("set -euo pipefail");
    s.line("cd \"$(dirname \"$0\")\"");
    s.line(format!("REGION={}", q(&a.region)));
    s.line(format!("ACCOUNT={}", q(&a.account)));
    s.line("aws() { command aws --region \"$REGION\" --output json \"$@\"; }");
    s.line("step() { printf '== %s\\n' \"$*\" >&2; }");
    s.line("# IAM roles take a few seconds to be usable by Lambda: retry those calls a bounded number of times.");
    s.line("retry() { local n=0; until \"$@\"; do n=$((n + 1)); if [ \"$n\" -ge 12 ]; then return 1; fi; echo \"retrying in 5 s ($n/12)\" >&2; sleep 5; done; }");
    s.line("have=$(aws sts get-caller-identity --query Account --output text)");
    s.line("if [ \"$have\" != \"$ACCOUNT\" ]; then echo \"these credentials are for account $have; this script is for $ACCOUNT\" >&2; exit 1; fi");
    s.line("CALLER=$(aws sts get-caller-identity --query Arn --output text)");
    s.line("if command -v sha256sum >/dev/null; then sha256sum --quiet -c packages/SHA256SUMS; else shasum -a 256 -c packages/SHA256SUMS >/dev/null; fi");
    s.line("new_id() { printf '%016d-%08x' \"$(($(date +%s) * 1000))\" \"$(( (RANDOM << 15) | RANDOM ))\"; }");
    s.line("now() { date -u +%Y-%m-%dT%H:%M:%SZ; }");
    s.line("RECORD_FILE=$(mktemp); trap 'rm -f \"$RECORD_FILE\"' EXIT");
    s.line("");
    let mut n = 0;
    for stage in &plan.stages {
        if stage.gate.is_some() {
            return Err(Failure::new(
                Exit::Failed,
                "this plan has a validation gate, which manual mode cannot write as a script; run setup-account --mode auto".to_string(),
            ));
        }
        for step in &stage.bucket {
            n += 1;
            bucket_step(&mut s, d, step, n)?;
        }
        for (name, steps) in &stage.functions {
            for step in steps {
                n += 1;
                function_step(&mut s, d, name, step, n)?;
            }
        }
    }
    s.line("");
    s.line(format!(
        "echo \"done: {n} steps. Check with: rosactl status --check --region $REGION\" >&2"
    ));
    Ok(s)
}

fn bucket_step(s: &mut Script, d: &Desired, step: &Step, n: usize) -> Result<(), Failure> {
    let a = &d.account;
    let b = q(&a.bucket);
    let owner = "--expected-bucket-owner \"$ACCOUNT\"";
    s.line(format!("step {}", q(&format!("{n}. {}", step.summary))));
    match &step.action {
        Action::CreateBucket => {
            let mut config = json!({"Tags": iam_tags(&d.bucket_tags)});
            if a.region != "us-east-1" {
                config["LocationConstraint"] = json!(a.region);
            }
            let f = s.json("tags/bucket-create.json", &config);
            s.line(format!(
                "aws s3api create-bucket --bucket {b} --object-ownership BucketOwnerEnforced --create-bucket-configuration {f} >/dev/null"
            ));
            let f = s.json("tags/bucket.json", &json!({"TagSet": iam_tags(&d.bucket_tags)}));
            s.line(format!("aws s3api put-bucket-tagging --bucket {b} {owner} --tagging {f}"));
        }
        Action::EnforceOwnership => s.line(format!(
            "aws s3api put-bucket-ownership-controls --bucket {b} {owner} --ownership-controls 'Rules=[{{ObjectOwnership=BucketOwnerEnforced}}]'"
        )),
        Action::BlockPublicAccess => s.line(format!(
            "aws s3api put-public-access-block --bucket {b} {owner} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"
        )),
        Action::EncryptBucket => s.line(format!(
            "aws s3api put-bucket-encryption --bucket {b} {owner} --server-side-encryption-configuration '{{\"Rules\":[{{\"ApplyServerSideEncryptionByDefault\":{{\"SSEAlgorithm\":\"AES256\"}}}}]}}'"
        )),
        Action::EnableVersioning => s.line(format!(
            "aws s3api put-bucket-versioning --bucket {b} {owner} --versioning-configuration Status=Enabled"
        )),
        Action::PutBucketPolicy => {
            let f = s.json("policies/bucket-policy.json", &d.bucket_policy);
            s.line(format!("aws s3api put-bucket-policy --bucket {b} {owner} --policy {f}"));
        }
        Action::TagBucket => {
            let f = s.json("tags/bucket.json", &json!({"TagSet": iam_tags(&d.bucket_tags)}));
            s.line(format!("aws s3api put-bucket-tagging --bucket {b} {owner} --tagging {f}"));
        }
        Action::PutDashboard => {
            let (name, body) = d.dashboard.as_ref().ok_or_else(|| unsupported(&step.action))?;
            let file = s.json("dashboard.json", body);
            s.line(format!(
                "aws cloudwatch put-dashboard --dashboard-name {} --dashboard-body {file} >/dev/null",
                q(name)
            ));
        }
        Action::DeleteDashboard => s.line(format!(
            "aws cloudwatch delete-dashboards --dashboard-names {}",
            q(&crate::deploy::dashboard::name(&d.account))
        )),
        other => return Err(unsupported(other)),
    }
    Ok(())
}

fn unsupported(action: &Action) -> Failure {
    Failure::new(
        Exit::Failed,
        format!("manual mode has no script for {action:?}: run setup-account --mode auto"),
    )
}

/// The shell variable holding the version this script publishes for `name`.
fn version_var(name: &str) -> String {
    format!(
        "VERSION_{}",
        name.trim_start_matches("rosa-")
            .replace('-', "_")
            .to_uppercase()
    )
}

fn function_step(
    s: &mut Script,
    d: &Desired,
    name: &'static str,
    step: &Step,
    n: usize,
) -> Result<(), Failure> {
    let a = &d.account;
    let names = d.names(name);
    let f = q(&names.function_name);
    let role = q(&names.role_name);
    let pkg = d.packages.get(name);
    let pkg =
        || -> Result<&PackageTarget, Failure> { pkg.ok_or_else(|| unsupported(&step.action)) };
    let stem = &names.function_name;
    s.line(format!("step {}", q(&format!("{n}. {}", step.summary))));
    match &step.action {
        Action::UploadPackage => {
            let p = pkg()?;
            s.line(format!(
                "aws s3api put-object --bucket {} --expected-bucket-owner \"$ACCOUNT\" --key {} --content-type application/zip --body {} >/dev/null",
                q(&a.bucket),
                q(&p.object_key),
                q(&format!("packages/{}.zip", p.package.spec.function_name))
            ));
        }
        Action::CreateRole => {
            let p = pkg()?;
            let trust = s.json(&format!("policies/{stem}-trust.json"), &p.trust_policy);
            let tags = s.json(
                &format!("tags/{stem}-iam.json"),
                &iam_tags(&d.role_tags(name, &d.role_regions(p, None))),
            );
            let boundary = a
                .rules
                .permissions_boundary
                .as_deref()
                .map(|b| format!(" --permissions-boundary {}", q(b)))
                .unwrap_or_default();
            s.line(format!(
                "aws iam create-role --role-name {role} --path {}{boundary} --assume-role-policy-document {trust} --description {} --tags {tags} >/dev/null",
                q(&a.rules.role_path),
                q(&format!(
                    "Execution role of {name} (ROSA Regional Platform), managed by rosactl"
                ))
            ));
        }
        Action::UpdateTrustPolicy => {
            let trust = s.json(&format!("policies/{stem}-trust.json"), &pkg()?.trust_policy);
            s.line(format!(
                "aws iam update-assume-role-policy --role-name {role} --policy-document {trust}"
            ));
        }
        Action::PutRolePolicy { tracing } => {
            let policy = s.json(
                &format!("policies/{stem}-execution.json"),
                &d.execution_policy(name, *tracing),
            );
            s.line(format!(
                "aws iam put-role-policy --role-name {role} --policy-name {role} --policy-document {policy}"
            ));
        }
        Action::DeleteExtraPolicy { policy } => s.line(format!(
            "aws iam delete-role-policy --role-name {role} --policy-name {}",
            q(policy)
        )),
        Action::DetachPolicy { policy_arn } => s.line(format!(
            "aws iam detach-role-policy --role-name {role} --policy-arn {}",
            q(policy_arn)
        )),
        Action::TagRole { regions } => {
            let tags = s.json(
                &format!("tags/{stem}-iam.json"),
                &iam_tags(&d.role_tags(name, regions)),
            );
            s.line(format!("aws iam tag-role --role-name {role} --tags {tags}"));
        }
        Action::PutRoleBoundary { policy_arn } => s.line(format!(
            "aws iam put-role-permissions-boundary --role-name {role} --permissions-boundary {}",
            q(policy_arn)
        )),
        Action::CreateLogGroup => {
            let tags = s.json(&format!("tags/{stem}-logs.json"), &json!(pkg()?.resource_tags));
            let kms = d
                .log_kms_key_arn
                .as_deref()
                .map(|k| format!(" --kms-key-id {}", q(k)))
                .unwrap_or_default();
            s.line(format!(
                "aws logs create-log-group --log-group-name {}{kms} --tags {tags}",
                q(&names.log_group)
            ));
        }
        Action::SetRetention { days, .. } => s.line(format!(
            "aws logs put-retention-policy --log-group-name {} --retention-in-days {days}",
            q(&names.log_group)
        )),
        Action::DeleteRetention => s.line(format!(
            "aws logs delete-retention-policy --log-group-name {}",
            q(&names.log_group)
        )),
        Action::AssociateKmsKey { key } => s.line(format!(
            "aws logs associate-kms-key --log-group-name {} --kms-key-id {}",
            q(&names.log_group),
            q(key)
        )),
        Action::TagLogGroup => {
            let tags = s.json(&format!("tags/{stem}-logs.json"), &json!(pkg()?.resource_tags));
            s.line(format!(
                "aws logs tag-resource --resource-arn {} --tags {tags}",
                q(&format!(
                    "arn:{}:logs:{}:{}:log-group:{}",
                    a.partition, a.region, a.account, names.log_group
                ))
            ));
        }
        Action::CreateFunction => {
            let p = pkg()?;
            let tags = s.json(&format!("tags/{stem}.json"), &json!(p.tags));
            s.line(format!(
                "retry aws lambda create-function --function-name {f} {} --architectures {} --code {} --tags {tags} --no-publish >/dev/null",
                configuration(d, names),
                q(&p.package.manifest.architecture),
                q(&format!("S3Bucket={},S3Key={}", a.bucket, p.object_key)),
            ));
            s.line(format!("aws lambda wait function-active-v2 --function-name {f}"));
        }
        Action::UpdateCode => {
            let p = pkg()?;
            s.line(format!(
                "aws lambda update-function-code --function-name {f} --s3-bucket {} --s3-key {} >/dev/null",
                q(&a.bucket),
                q(&p.object_key)
            ));
            s.line(format!("aws lambda wait function-updated-v2 --function-name {f}"));
        }
        Action::UpdateConfiguration => {
            s.line(format!(
                "retry aws lambda update-function-configuration --function-name {f} {} >/dev/null",
                configuration(d, names)
            ));
            s.line(format!("aws lambda wait function-updated-v2 --function-name {f}"));
        }
        Action::TagFunction => {
            for key in crate::deploy::operating::TAGS {
                if !pkg()?.tags.contains_key(key) {
                    s.line(format!(
                        "aws lambda untag-resource --resource {} --tag-keys {}",
                        q(&names.function_arn),
                        q(key)
                    ));
                }
            }
            let tags = s.json(&format!("tags/{stem}.json"), &json!(pkg()?.tags));
            s.line(format!(
                "aws lambda tag-resource --resource {} --tags {tags}",
                q(&names.function_arn)
            ));
        }
        Action::PublishVersion => {
            let p = pkg()?;
            let var = version_var(name);
            s.line(format!(
                "{var}=$(aws lambda publish-version --function-name {f} --code-sha256 {} --description {} --query Version --output text)",
                q(&p.code_sha256),
                q(&p.version_description)
            ));
            s.line(format!("echo \"published {stem} version ${var}\" >&2"));
        }
        Action::CreateAlias { alias, target } => {
            let version = version_of(name, target);
            s.line(format!(
                "aws lambda create-alias --function-name {f} --name {} --function-version \"{version}\" --description \"{}\" >/dev/null",
                q(alias),
                alias_description(MoveKind::Create, &version)
            ));
            record(s, d, name, alias, MoveKind::Create, None, &version);
        }
        Action::UpdateAlias {
            alias,
            from_version,
            target,
            weights,
            kind,
            ..
        } => {
            if !weights.is_empty() {
                return Err(unsupported(&step.action));
            }
            let version = version_of(name, target);
            s.line(format!(
                "aws lambda update-alias --function-name {f} --name {} --function-version \"{version}\" --routing-config '{{\"AdditionalVersionWeights\":{{}}}}' --description \"{}\" >/dev/null",
                q(alias),
                alias_description(*kind, &version)
            ));
            record(s, d, name, alias, *kind, Some(from_version), &version);
        }
        Action::RemovePermission => s.line(format!(
            "aws lambda remove-permission --function-name {f} --qualifier {PROD} --statement-id {STATEMENT_ID}"
        )),
        Action::AddPermission { principal } => s.line(format!(
            "aws lambda add-permission --function-name {f} --qualifier {PROD} --statement-id {STATEMENT_ID} --action lambda:InvokeFunction --principal {} >/dev/null",
            q(principal)
        )),
        Action::PutAlarm { kind } => {
            let spec = pkg()?.alarm(*kind).ok_or_else(|| unsupported(&step.action))?;
            let input = s.json(&format!("alarms/{}.json", spec.name), &spec.cli_input());
            s.line(format!(
                "aws cloudwatch put-metric-alarm --cli-input-json {input}"
            ));
        }
        Action::TagAlarm { kind } => {
            let spec = pkg()?.alarm(*kind).ok_or_else(|| unsupported(&step.action))?;
            let tags: Vec<Value> = spec
                .tags
                .iter()
                .map(|(k, v)| json!({"Key": k, "Value": v}))
                .collect();
            let file = s.json(&format!("tags/{}.json", spec.name), &json!(tags));
            s.line(format!(
                "aws cloudwatch tag-resource --resource-arn \"$(aws cloudwatch describe-alarms --alarm-names {} --query 'MetricAlarms[0].AlarmArn' --output text)\" --tags {file}",
                q(&spec.name)
            ));
        }
        Action::DeleteAlarm { name } => s.line(format!(
            "aws cloudwatch delete-alarms --alarm-names {}",
            q(name)
        )),
        Action::PutConcurrency { reserved } => s.line(format!(
            "aws lambda put-function-concurrency --function-name {f} --reserved-concurrent-executions {reserved} >/dev/null"
        )),
        Action::DeleteConcurrency => s.line(format!(
            "aws lambda delete-function-concurrency --function-name {f}"
        )),
        other => return Err(unsupported(other)),
    }
    Ok(())
}

/// The function configuration `--mode auto` sets, as AWS CLI arguments.
fn configuration(d: &Desired, names: &crate::deploy::account::FunctionNames) -> String {
    let spec = names.spec;
    let traced = d
        .packages
        .get(spec.function_name)
        .is_some_and(|p| p.tracing);
    format!(
        "--description {} --runtime {} --handler {} --role {} --memory-size {} --timeout {} --tracing-config Mode={}",
        q(spec.description),
        q(d.runtime()),
        q(rosa_lambda_packaging::BOOTSTRAP),
        q(&names.role_arn),
        spec.memory_mb,
        spec.timeout_s,
        crate::deploy::plan::tracing_mode(traced)
    )
}

/// The alias description `--mode auto` writes; `version` may be a shell variable.
fn alias_description(kind: MoveKind, version: &str) -> String {
    crate::deploy::apply::alias_description(kind, "@v@").replace("@v@", version)
}

/// The version an alias goes to, as shell text (`$VERSION_X` when this script publishes it).
fn version_of(name: &str, target: &AliasTarget) -> String {
    match target {
        AliasTarget::Version(v) => v.clone(),
        AliasTarget::Published => format!("${}", version_var(name)),
    }
}

/// Records an alias move in the account's history, as `--mode auto` does.
fn record(
    s: &mut Script,
    d: &Desired,
    name: &str,
    alias: &str,
    kind: MoveKind,
    from: Option<&str>,
    version: &str,
) {
    let code = d
        .packages
        .get(name)
        .map(|p| p.code_sha256.clone())
        .unwrap_or_default();
    let template = Record {
        id: "@ID@".into(),
        function: name.to_string(),
        alias: alias.to_string(),
        kind,
        from_version: from.map(String::from),
        from_weights: BTreeMap::new(),
        to_version: "@VERSION@".into(),
        to_weights: BTreeMap::new(),
        code_sha256: code,
        rosactl_version: env!("CARGO_PKG_VERSION").to_string(),
        caller_arn: "@CALLER@".into(),
        time: "@TIME@".into(),
        undoes: None,
    };
    let rel = format!("history/{name}-{alias}.json");
    let text = serde_json::to_string_pretty(&template).expect("a record serializes");
    s.file(&rel, text.into_bytes());
    let key = history::key(name, alias, "$ID");
    s.line(format!(
        "ID=$(new_id); sed -e \"s|@ID@|$ID|\" -e \"s|@VERSION@|{version}|\" -e \"s|@CALLER@|$CALLER|\" -e \"s|@TIME@|$(now)|\" {} > \"$RECORD_FILE\"",
        q(&rel)
    ));
    s.line(format!(
        "aws s3api put-object --bucket {} --expected-bucket-owner \"$ACCOUNT\" --key \"{key}\" --content-type application/json --body \"$RECORD_FILE\" >/dev/null",
        q(&d.account.bucket)
    ));
}

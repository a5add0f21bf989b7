//! The account's fixed names: what every command (setup, update, status, logs, cleanup...)
//! agrees on whatever it is asked to do. Derived from the catalog, the caller's identity and
//! region only: no package, no invoker, no retention.

use rosa_lambda_packaging::{FUNCTIONS, FunctionSpec};

use super::names;
use super::rules::AccountRules;

/// One function's names.
#[derive(Debug, Clone)]
pub struct FunctionNames {
    pub spec: &'static FunctionSpec,
    /// The function's name in AWS: the account's prefix and the catalog name.
    pub function_name: String,
    pub role_name: String,
    pub role_arn: String,
    pub log_group: String,
    /// The unqualified function ARN.
    pub function_arn: String,
}

impl FunctionNames {
    /// The catalog name: the key commands and plans use (the AWS name is `function_name`).
    pub fn name(&self) -> &'static str {
        self.spec.function_name
    }
}

#[derive(Debug, Clone)]
pub struct Account {
    pub account: String,
    pub region: String,
    pub partition: String,
    pub bucket: String,
    pub functions: Vec<FunctionNames>,
    pub rules: AccountRules,
}

impl Account {
    pub fn new(account: &str, region: &str, partition: &str, rules: AccountRules) -> Self {
        let prefix = rules.prefix.as_str();
        let path = rules.role_path.as_str();
        let functions = FUNCTIONS
            .iter()
            .map(|spec| {
                let function_name = format!("{prefix}{}", spec.function_name);
                let role_name = names::role_name(&function_name);
                FunctionNames {
                    spec,
                    role_arn: format!("arn:{partition}:iam::{account}:role{path}{role_name}"),
                    role_name,
                    log_group: names::log_group(&function_name),
                    function_arn: format!(
                        "arn:{partition}:lambda:{region}:{account}:function:{function_name}"
                    ),
                    function_name,
                }
            })
            .collect();
        Account {
            account: account.to_string(),
            region: region.to_string(),
            partition: partition.to_string(),
            bucket: names::bucket_name(prefix, account, region),
            functions,
            rules,
        }
    }

    /// The AWS name of the catalog function `name`.
    pub fn aws_name<'a>(&'a self, name: &'a str) -> &'a str {
        self.function(name)
            .map(|f| f.function_name.as_str())
            .unwrap_or(name)
    }

    pub fn function(&self, name: &str) -> Option<&FunctionNames> {
        self.functions.iter().find(|f| f.name() == name)
    }

    /// Only the named functions (all when `only` is empty), by function name or component.
    pub fn select(only: &[String]) -> Result<Vec<&'static str>, String> {
        if only.is_empty() {
            return Ok(FUNCTIONS.iter().map(|f| f.function_name).collect());
        }
        let mut picked = Vec::new();
        for wanted in only {
            let spec = rosa_lambda_packaging::function(wanted).ok_or_else(|| {
                let known: Vec<&str> = FUNCTIONS.iter().map(|f| f.component).collect();
                format!(
                    "--function: unknown function {wanted:?}; expected one of: {}",
                    known.join(", ")
                )
            })?;
            if !picked.contains(&spec.function_name) {
                picked.push(spec.function_name);
            }
        }
        // In catalog order, so plans and output are stable.
        Ok(FUNCTIONS
            .iter()
            .map(|f| f.function_name)
            .filter(|n| picked.contains(n))
            .collect())
    }
}

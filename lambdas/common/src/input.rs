//! Field-by-field reading of a JSON event.
//!
//! serde's derive would reject bad input too, but its messages name Rust types and stop at
//! the first problem in an order the caller cannot predict. The functions' callers (the
//! platform and `rosactl test-lambda`) need the wire name of the offending field and what was
//! expected, so events are read through [`Fields`], which also rejects unknown fields: a
//! misspelt `issuerUrl` must not silently fall back to a default.

use serde_json::{Map, Value};

/// A rejected input: which field (dotted path, list indexes in brackets) and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {field}: {problem}")]
pub struct InputError {
    pub field: String,
    pub problem: String,
}

impl InputError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        InputError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

/// Names a JSON value's type the way a caller writing JSON thinks of it.
pub fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A key as it can be shown in a field path: plain when it is a plain name, quoted otherwise
/// (an empty key, spaces, control characters).
fn key_label(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        quote(key)
    }
}

/// Shortens user-supplied text before it is quoted back in an error message.
pub fn quote(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}… ({} characters)", s.chars().count())
    }
}

/// The fields of one JSON object, with the path that leads to it.
pub struct Fields<'a> {
    obj: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    /// Reads the top-level event. `allowed` lists every field the schema knows.
    pub fn event(value: &'a Value, allowed: &[&str]) -> Result<Self, InputError> {
        Self::at(value, String::new(), allowed)
    }

    fn at(value: &'a Value, path: String, allowed: &[&str]) -> Result<Self, InputError> {
        let obj = value.as_object().ok_or_else(|| {
            let what = if path.is_empty() { "event" } else { &path };
            InputError::new(
                what,
                format!("expected a JSON object, got {}", json_type(value)),
            )
        })?;
        let mut unknown: Vec<&str> = obj
            .keys()
            .map(String::as_str)
            .filter(|k| !allowed.contains(k))
            .collect();
        unknown.sort_unstable();
        if let Some(first) = unknown.first() {
            let field = Self::join(&path, &key_label(first));
            return Err(InputError::new(
                field,
                format!("unknown field; expected one of: {}", allowed.join(", ")),
            ));
        }
        Ok(Fields { obj, path })
    }

    fn join(path: &str, name: &str) -> String {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    }

    /// The full path of a field of this object, for error messages.
    pub fn path(&self, name: &str) -> String {
        Self::join(&self.path, name)
    }

    /// An error about field `name` of this object.
    pub fn error(&self, name: &str, problem: impl Into<String>) -> InputError {
        InputError::new(self.path(name), problem)
    }

    /// The field's value; JSON `null` counts as absent.
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.obj.get(name).filter(|v| !v.is_null())
    }

    pub fn required(&self, name: &str, expected: &str) -> Result<&'a Value, InputError> {
        self.get(name).ok_or_else(|| {
            self.error(
                name,
                format!("required field is missing; expected {expected}"),
            )
        })
    }

    pub fn opt_str(&self, name: &str, expected: &str) -> Result<Option<&'a str>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(self.error(
                name,
                format!("expected {expected}, got {}", json_type(other)),
            )),
        }
    }

    pub fn str(&self, name: &str, expected: &str) -> Result<&'a str, InputError> {
        self.required(name, expected)?;
        Ok(self.opt_str(name, expected)?.unwrap_or_default())
    }

    /// A list of strings; with `accept_single`, a lone string is read as a list of one.
    pub fn opt_str_list(
        &self,
        name: &str,
        expected: &str,
        accept_single: bool,
    ) -> Result<Option<Vec<(String, &'a str)>>, InputError> {
        let items = match self.get(name) {
            None => return Ok(None),
            Some(Value::String(s)) if accept_single => {
                return Ok(Some(vec![(self.path(name), s.as_str())]));
            }
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(self.error(
                    name,
                    format!("expected {expected}, got {}", json_type(other)),
                ));
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.path(name));
            match item {
                Value::String(s) => out.push((path, s.as_str())),
                other => {
                    return Err(InputError::new(
                        path,
                        format!("expected a string, got {}", json_type(other)),
                    ));
                }
            }
        }
        Ok(Some(out))
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.error(
                name,
                format!("expected true or false, got {}", json_type(other)),
            )),
        }
    }

    /// A whole number within `min..=max`.
    pub fn opt_u64(&self, name: &str, min: u64, max: u64) -> Result<Option<u64>, InputError> {
        let expected = format!("a whole number from {min} to {max}");
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if (min..=max).contains(&v) => Ok(Some(v)),
                _ => Err(self.error(name, format!("expected {expected}, got {n}"))),
            },
            Some(other) => Err(self.error(
                name,
                format!("expected {expected}, got {}", json_type(other)),
            )),
        }
    }

    /// A nested object with its own set of known fields.
    pub fn opt_object(
        &self,
        name: &str,
        allowed: &[&str],
    ) -> Result<Option<Fields<'a>>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => Fields::at(v, self.path(name), allowed).map(Some),
        }
    }

    pub fn object(&self, name: &str, allowed: &[&str]) -> Result<Fields<'a>, InputError> {
        self.required(name, "an object")?;
        Ok(self
            .opt_object(name, allowed)?
            .expect("checked present above"))
    }
}

/// Checks that only ASCII characters from `extra` or alphanumerics are used.
fn only(s: &str, extra: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
}

/// An `https://` URL with a host, an optional port and path, and no user info, query or
/// fragment: the shape IAM accepts for an OIDC issuer.
pub fn check_issuer_url(field: &str, url: &str) -> Result<(), InputError> {
    let bad = |why: &str| {
        InputError::new(
            field,
            format!(
                "expected an https:// URL with a host and no query or fragment ({why}), got {}",
                quote(url)
            ),
        )
    };
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| bad("scheme must be https"))?;
    if url.len() > 255 {
        return Err(bad("longer than 255 characters"));
    }
    if rest.contains('?') || rest.contains('#') {
        return Err(bad("has a query or fragment"));
    }
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("contains white space"));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err(bad("has user info"));
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if host.is_empty() {
        return Err(bad("no host"));
    }
    let label_ok = |l: &str| {
        !l.is_empty() && l.len() <= 63 && only(l, "-") && !l.starts_with('-') && !l.ends_with('-')
    };
    if !host.split('.').all(label_ok) {
        return Err(bad("the host is not a valid DNS name"));
    }
    if let Some(p) = port {
        if p.parse::<u16>().map_or(true, |p| p == 0) {
            return Err(bad("the port is not a number from 1 to 65535"));
        }
    }
    Ok(())
}

/// A certificate thumbprint: 40 hexadecimal characters (a SHA-1 digest). Returns it lowercased.
pub fn check_thumbprint(field: &str, value: &str) -> Result<String, InputError> {
    if value.len() == 40 && value.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected 40 hexadecimal characters (a SHA-1 thumbprint), got {}",
                quote(value)
            ),
        ))
    }
}

/// A value that can be stored in an AWS tag: 1 to 256 of letters, digits, spaces and `_.:/=+-@`.
pub fn check_tag_value(field: &str, value: &str) -> Result<(), InputError> {
    if !value.is_empty() && value.len() <= 256 && only(value, " _.:/=+-@") {
        Ok(())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected 1 to 256 letters, digits, spaces or _.:/=+-@ (it is stored in a tag), got {}",
                quote(value)
            ),
        ))
    }
}

/// A region name such as `us-east-1` or `us-gov-west-1`.
pub fn check_region(field: &str, value: &str) -> Result<(), InputError> {
    let parts: Vec<&str> = value.split('-').collect();
    let ok = parts.len() >= 3
        && parts.len() <= 4
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1]
            .parse::<u8>()
            .is_ok_and(|n| n > 0 && parts[parts.len() - 1].len() <= 2)
        && parts[0].len() == 2;
    if ok {
        Ok(())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected an AWS region name such as us-east-1, got {}",
                quote(value)
            ),
        ))
    }
}

/// An EC2 resource id with the given prefix: `vpc-` / `subnet-` / `sg-` and 8 or 17 hex digits.
pub fn check_resource_id(field: &str, prefix: &str, value: &str) -> Result<(), InputError> {
    let ok = value.strip_prefix(prefix).is_some_and(|hex| {
        (hex.len() == 8 || hex.len() == 17)
            && hex
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    });
    if ok {
        Ok(())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected an id like {prefix}0123456789abcdef0 ({prefix} and 8 or 17 lowercase hex digits), got {}",
                quote(value)
            ),
        ))
    }
}

/// An EC2 instance type such as `m5.xlarge` or `m7i-flex.large`.
pub fn check_instance_type(field: &str, value: &str) -> Result<(), InputError> {
    let ok = match value.split_once('.') {
        Some((family, size)) => {
            !family.is_empty()
                && family
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase())
                && family
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !size.is_empty()
                && size
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                && value.len() <= 40
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected an EC2 instance type such as m5.xlarge, got {}",
                quote(value)
            ),
        ))
    }
}

/// An availability zone name in `region`, such as `us-east-1a` for `us-east-1`.
pub fn check_zone(field: &str, region: &str, value: &str) -> Result<(), InputError> {
    let ok = value
        .strip_prefix(region)
        .is_some_and(|suffix| !suffix.is_empty() && suffix.len() <= 8 && only(suffix, "-"));
    if ok {
        Ok(())
    } else {
        Err(InputError::new(
            field,
            format!(
                "expected an availability zone of {region} such as {region}a, got {}",
                quote(value)
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_field_is_named() {
        let v = json!({"issuerUrl": "x"});
        let e = Fields::event(&v, &["issuer_url"]).err().unwrap();
        assert_eq!(e.field, "issuerUrl");
        assert!(e.problem.contains("issuer_url"));
    }

    #[test]
    fn strange_unknown_keys_are_quoted() {
        let e = Fields::event(&json!({"": 1}), &["a"]).err().unwrap();
        assert_eq!(e.field, "\"\"");
        let e = Fields::event(&json!({"a b\n": 1}), &["x"]).err().unwrap();
        assert_eq!(e.field, "\"a b\\n\"");
    }

    #[test]
    fn nested_paths_and_indexes() {
        let v = json!({"cfg": {"zones": ["a", 3]}});
        let top = Fields::event(&v, &["cfg"]).unwrap();
        let cfg = top.object("cfg", &["zones"]).unwrap();
        let e = cfg
            .opt_str_list("zones", "a list of zones", false)
            .unwrap_err();
        assert_eq!(e.field, "cfg.zones[1]");
    }

    #[test]
    fn non_object_event() {
        let e = Fields::event(&json!([1]), &[]).err().unwrap();
        assert_eq!(e.field, "event");
        assert!(e.problem.contains("a list"));
    }

    #[test]
    fn numbers_in_range() {
        let v = json!({"n": 0, "m": 2.5, "k": 7});
        let f = Fields::event(&v, &["n", "m", "k"]).unwrap();
        assert!(f.opt_u64("n", 1, 10).is_err());
        assert!(f.opt_u64("m", 1, 10).is_err());
        assert_eq!(f.opt_u64("k", 1, 10).unwrap(), Some(7));
    }

    #[test]
    fn issuer_urls() {
        for good in [
            "https://oidc.example.com",
            "https://d1234.cloudfront.net/2abc",
            "https://oidc.example.com:8443/x/y",
        ] {
            check_issuer_url("issuer_url", good).unwrap();
        }
        for bad in [
            "http://oidc.example.com",
            "https://",
            "https:///path",
            "https://a.example.com?x=1",
            "https://a.example.com/#frag",
            "https://user@a.example.com",
            "https://a b.com",
            "https://a.example.com:0",
            "https://a.example.com:99999",
            "https://-a.example.com",
            "oidc.example.com",
        ] {
            let e = check_issuer_url("issuer_url", bad).unwrap_err();
            assert_eq!(e.field, "issuer_url", "{bad}");
        }
    }

    #[test]
    fn thumbprints_tags_regions_ids() {
        assert_eq!(
            check_thumbprint("t", &"A".repeat(40)).unwrap(),
            "a".repeat(40)
        );
        assert!(check_thumbprint("t", &"g".repeat(40)).is_err());
        assert!(check_thumbprint("t", &"a".repeat(39)).is_err());
        check_tag_value("c", "cluster-1_x:y/z=+@").unwrap();
        assert!(check_tag_value("c", "").is_err());
        assert!(check_tag_value("c", "a\"b").is_err());
        assert!(check_tag_value("c", &"a".repeat(257)).is_err());
        for r in [
            "us-east-1",
            "us-gov-west-1",
            "ap-southeast-2",
            "eu-central-1",
        ] {
            check_region("region", r).unwrap();
        }
        for r in [
            "useast1",
            "us-east",
            "US-EAST-1",
            "us-east-0",
            "u-east-1",
            "us-east-123",
            "",
        ] {
            assert!(check_region("region", r).is_err(), "{r}");
        }
        check_resource_id("v", "vpc-", "vpc-0123456789abcdef0").unwrap();
        check_resource_id("v", "vpc-", "vpc-01234567").unwrap();
        assert!(check_resource_id("v", "vpc-", "vpc-0123456789ABCDEF0").is_err());
        assert!(check_resource_id("v", "vpc-", "subnet-01234567").is_err());
        check_instance_type("i", "m5.xlarge").unwrap();
        check_instance_type("i", "m7i-flex.large").unwrap();
        assert!(check_instance_type("i", "m5").is_err());
        assert!(check_instance_type("i", "M5.large").is_err());
        check_zone("z", "us-east-1", "us-east-1a").unwrap();
        check_zone("z", "us-east-1", "us-east-1-bos-1a").unwrap();
        assert!(check_zone("z", "us-east-1", "us-west-2a").is_err());
        assert!(check_zone("z", "us-east-1", "us-east-1").is_err());
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let q = quote(&"x".repeat(500));
        assert!(q.len() < 120);
        assert!(q.contains("500 characters"));
    }
}

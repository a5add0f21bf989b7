use std::net::IpAddr;

use crate::ClientError;

/// A validated Platform API base URL, without a trailing slash; its path (a stage such as
/// `/prod`) is kept and prefixed to every request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiUrl {
    base: String,
    host: String,
}

impl ApiUrl {
    pub fn parse(input: &str) -> Result<Self, ClientError> {
        let bad = |reason: &str| ClientError::InvalidUrl {
            url: input.to_string(),
            reason: reason.to_string(),
        };
        let uri: http::Uri = input
            .trim()
            .parse()
            .map_err(|e: http::uri::InvalidUri| bad(&e.to_string()))?;
        let scheme = uri
            .scheme_str()
            .ok_or_else(|| bad("expected https://host[/stage]"))?;
        let host = uri.host().ok_or_else(|| bad("no host"))?.to_string();
        if uri.query().is_some() {
            return Err(bad("a base URL has no query string"));
        }
        if let Some((_, after)) = uri.authority().and_then(|a| a.as_str().rsplit_once('@')) {
            // Never echo what stood before the '@': it may be a password.
            return Err(ClientError::InvalidUrl {
                url: format!("{scheme}://***@{after}"),
                reason: "a base URL carries no user:password@ (requests are signed with your AWS credentials)".into(),
            });
        }
        match scheme {
            "https" => {}
            "http" if is_loopback(&host) => {}
            "http" => {
                return Err(bad(
                    "plain http is only allowed for loopback addresses; use https",
                ));
            }
            _ => return Err(bad("expected an https:// URL")),
        }
        let authority = uri.authority().map(|a| a.as_str()).unwrap_or(&host);
        let path = uri.path().trim_end_matches('/');
        Ok(ApiUrl {
            base: format!("{scheme}://{authority}{path}"),
            host,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.base
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    /// The region named in the host, if any (`abc.execute-api.us-east-1.amazonaws.com`).
    pub fn region_hint(&self) -> Option<&str> {
        region_from_host(&self.host)
    }

    /// The full URL of `path_and_query` (which starts with `/`).
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base, path_and_query)
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The first host label shaped like a region: `xx-name-N` or `xx-gov-name-N`.
pub fn region_from_host(host: &str) -> Option<&str> {
    host.split('.').find(|label| {
        let parts: Vec<&str> = label.split('-').collect();
        (3..=4).contains(&parts.len())
            && parts[0].len() == 2
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
            && (1..=2).contains(&parts[parts.len() - 1].len())
            && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_stage_and_drops_trailing_slashes() {
        let u = ApiUrl::parse("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/").unwrap();
        assert_eq!(
            u.as_str(),
            "https://abc123.execute-api.eu-west-1.amazonaws.com/prod"
        );
        assert_eq!(
            u.join("/api/v0/live"),
            "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/api/v0/live"
        );
        assert_eq!(u.region_hint(), Some("eu-west-1"));
        let custom = ApiUrl::parse("https://api.rosa.example.com").unwrap();
        assert_eq!(
            custom.join("/api/v0/live"),
            "https://api.rosa.example.com/api/v0/live"
        );
        assert_eq!(custom.region_hint(), None);
    }

    #[test]
    fn https_unless_loopback() {
        assert!(ApiUrl::parse("http://127.0.0.1:8080/prod").is_ok());
        assert!(ApiUrl::parse("http://localhost:8080").is_ok());
        assert!(ApiUrl::parse("http://[::1]:8080").is_ok());
        for bad in [
            "http://api.example.com",
            "ftp://x",
            "api.example.com",
            "https://x/?a=b",
            "",
            "https://user:pass@api.us-east-1.example.com/prod",
        ] {
            assert!(ApiUrl::parse(bad).is_err(), "{bad}");
        }
        let err = ApiUrl::parse("https://me:s3cret@api.example.com")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("user:password@") && !err.contains("s3cret"),
            "{err}"
        );
    }

    #[test]
    fn regions_in_host_names() {
        assert_eq!(
            region_from_host("x.execute-api.us-gov-west-1.amazonaws.com"),
            Some("us-gov-west-1")
        );
        assert_eq!(
            region_from_host("api.us-east-2.rosa.example"),
            Some("us-east-2")
        );
        assert_eq!(region_from_host("execute-api.amazonaws.com"), None);
        assert_eq!(region_from_host("api.us-east-.rosa.example"), None);
        assert_eq!(region_from_host("127.0.0.1"), None);
    }
}

//! An inventory of the AWS stand-in and the Platform API stand-in taken through the SDK and the
//! stand-in's state: everything rosactl makes, without what differs between two equal runs
//! (random ids, times, history record ids). Two runs that left the same resources, versions,
//! aliases, statements, objects and clusters have equal inventories; anything duplicated or
//! orphaned shows up as a difference.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::TestBed;

/// `%xx` decoding of IAM's URL-encoded policy documents.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(hi), Some(lo)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn policy(doc: Option<&str>) -> Value {
    let Some(doc) = doc else { return Value::Null };
    serde_json::from_str(doc)
        .or_else(|_| serde_json::from_str(&percent_decode(doc)))
        .unwrap_or_else(|_| Value::String(doc.to_string()))
}

fn tags<K: ToString, V: ToString>(pairs: impl IntoIterator<Item = (K, V)>) -> Value {
    let map: BTreeMap<String, String> = pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    json!(map)
}

fn sorted(mut v: Vec<Value>) -> Value {
    v.sort_by_key(|x| x.to_string());
    Value::Array(v)
}

/// The whole inventory: `lambda`, `iam`, `logs`, `s3`, `ec2`, `platform`. EC2 ids are
/// replaced by what they stand for (a VPC by its CIDR, a subnet by its CIDR...), there and in
/// the platform's records. `known` keeps the labels of ids seen by earlier inventories of the
/// same bed (a cluster's record still names a VPC deleted since).
pub async fn take(bed: &TestBed, known: &mut BTreeMap<String, String>) -> Value {
    let config = bed.sdk_config().await;
    let (ec2, ids) = ec2(&config).await;
    known.extend(ids);
    let ids = &*known;
    let mut platform = bed.platform.snapshot().to_string();
    let mut longest_first: Vec<(&String, &String)> = ids.iter().collect();
    longest_first.sort_by_key(|(id, _)| std::cmp::Reverse(id.len()));
    for (id, label) in longest_first {
        platform = platform.replace(id.as_str(), label);
    }
    json!({
        "lambda": lambda(&config).await,
        "iam": iam(&config).await,
        "logs": logs(&config).await,
        "s3": s3(&config).await,
        "ec2": ec2,
        "platform": serde_json::from_str::<Value>(&platform).unwrap_or(Value::Null),
    })
}

/// The paths at which two inventories differ (empty: equal), for a readable assertion.
pub fn differences(a: &Value, b: &Value) -> Vec<String> {
    fn walk(path: String, a: &Value, b: &Value, out: &mut Vec<String>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                for k in keys {
                    let (va, vb) = (
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                    );
                    walk(format!("{path}/{k}"), va, vb, out);
                }
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
                for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                    walk(format!("{path}[{i}]"), va, vb, out);
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                let short = |v: &Value| v.to_string().chars().take(400).collect::<String>();
                for v in x.iter().filter(|v| !y.contains(v)) {
                    out.push(format!("{path}: only in the first: {}", short(v)));
                }
                for v in y.iter().filter(|v| !x.contains(v)) {
                    out.push(format!("{path}: only in the second: {}", short(v)));
                }
                if out.is_empty() {
                    out.push(format!(
                        "{path}: {} items != {} items (repeats)",
                        x.len(),
                        y.len()
                    ));
                }
            }
            _ if a != b => {
                let short = |v: &Value| v.to_string().chars().take(300).collect::<String>();
                out.push(format!("{path}: {} != {}", short(a), short(b)));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), a, b, &mut out);
    out
}

async fn lambda(config: &aws_config::SdkConfig) -> Value {
    let c = aws_sdk_lambda::Client::new(config);
    let mut out = serde_json::Map::new();
    let mut marker = None;
    loop {
        let page = c
            .list_functions()
            .set_marker(marker)
            .send()
            .await
            .expect("ListFunctions");
        for f in page.functions() {
            let name = f.function_name().unwrap_or_default().to_string();
            let got = c
                .get_function()
                .function_name(&name)
                .send()
                .await
                .expect("GetFunction");
            let conf = got.configuration();
            let env = conf
                .and_then(|c| c.environment())
                .and_then(|e| e.variables())
                .map(|v| tags(v.iter()))
                .unwrap_or(Value::Null);
            let mut versions = Vec::new();
            let mut vmarker = None;
            loop {
                let page = c
                    .list_versions_by_function()
                    .function_name(&name)
                    .set_marker(vmarker)
                    .send()
                    .await
                    .expect("ListVersionsByFunction");
                for v in page.versions() {
                    versions.push(json!([v.version(), v.code_sha256(), v.description()]));
                }
                vmarker = page.next_marker().map(String::from);
                if vmarker.is_none() {
                    break;
                }
            }
            let aliases: Vec<Value> = c
                .list_aliases()
                .function_name(&name)
                .send()
                .await
                .expect("ListAliases")
                .aliases()
                .iter()
                .map(|a| {
                    let weights = a
                        .routing_config()
                        .and_then(|r| r.additional_version_weights())
                        .map(|w| json!(w.iter().collect::<BTreeMap<_, _>>()))
                        .unwrap_or(Value::Null);
                    json!({"name": a.name(), "version": a.function_version(), "weights": weights})
                })
                .collect();
            let mut statements: Vec<Value> = Vec::new();
            for qualifier in [None, Some("prod"), Some("staging")] {
                if let Ok(p) = c
                    .get_policy()
                    .function_name(&name)
                    .set_qualifier(qualifier.map(String::from))
                    .send()
                    .await
                {
                    if let Some(s) = policy(p.policy())
                        .get("Statement")
                        .and_then(Value::as_array)
                    {
                        // Each statement once (its Resource names its qualifier): the
                        // stand-in answers one policy whatever the qualifier asked.
                        for st in s {
                            if !statements.contains(st) {
                                statements.push(st.clone());
                            }
                        }
                    }
                }
            }
            out.insert(
                name,
                json!({
                    "memory": conf.and_then(|c| c.memory_size()),
                    "timeout": conf.and_then(|c| c.timeout()),
                    "role": conf.and_then(|c| c.role()),
                    "runtime": conf.and_then(|c| c.runtime()).map(|r| r.as_str().to_string()),
                    "handler": conf.and_then(|c| c.handler()),
                    "description": conf.and_then(|c| c.description()),
                    "code_sha256": conf.and_then(|c| c.code_sha256()),
                    "environment": env,
                    "tags": got.tags().map(|t| tags(t.iter())).unwrap_or(Value::Null),
                    "versions": versions,
                    "aliases": sorted(aliases),
                    "statements": sorted(statements),
                }),
            );
        }
        marker = page.next_marker().map(String::from);
        if marker.is_none() {
            break;
        }
    }
    Value::Object(out)
}

async fn iam(config: &aws_config::SdkConfig) -> Value {
    let c = aws_sdk_iam::Client::new(config);
    let mut roles = serde_json::Map::new();
    let listed = c
        .list_roles()
        .max_items(1000)
        .send()
        .await
        .expect("ListRoles");
    for r in listed.roles() {
        let name = r.role_name();
        let got = c.get_role().role_name(name).send().await.expect("GetRole");
        let role = got.role();
        let mut inline = serde_json::Map::new();
        for p in c
            .list_role_policies()
            .role_name(name)
            .send()
            .await
            .expect("ListRolePolicies")
            .policy_names()
        {
            let doc = c
                .get_role_policy()
                .role_name(name)
                .policy_name(p)
                .send()
                .await
                .expect("GetRolePolicy");
            inline.insert(p.clone(), policy(Some(doc.policy_document())));
        }
        let mut attached: Vec<String> = c
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await
            .expect("ListAttachedRolePolicies")
            .attached_policies()
            .iter()
            .filter_map(|p| p.policy_arn().map(String::from))
            .collect();
        attached.sort();
        let role_tags = c
            .list_role_tags()
            .role_name(name)
            .send()
            .await
            .expect("ListRoleTags");
        roles.insert(
            name.to_string(),
            json!({
                "path": role.map(|r| r.path()),
                "arn": role.map(|r| r.arn()),
                "trust": policy(role.and_then(|r| r.assume_role_policy_document())),
                "boundary": role.and_then(|r| r.permissions_boundary()).and_then(|b| b.permissions_boundary_arn()),
                "inline": inline,
                "attached": attached,
                "tags": tags(role_tags.tags().iter().map(|t| (t.key(), t.value()))),
            }),
        );
    }
    let mut policies = serde_json::Map::new();
    let local = c
        .list_policies()
        .scope(aws_sdk_iam::types::PolicyScopeType::Local)
        .max_items(1000)
        .send()
        .await
        .expect("ListPolicies");
    for p in local.policies() {
        let arn = p.arn().unwrap_or_default();
        let version = c
            .get_policy_version()
            .policy_arn(arn)
            .version_id(p.default_version_id().unwrap_or("v1"))
            .send()
            .await
            .ok();
        let doc = version
            .as_ref()
            .and_then(|v| v.policy_version())
            .and_then(|v| v.document());
        policies.insert(arn.to_string(), policy(doc));
    }
    let mut oidc = Vec::new();
    for p in c
        .list_open_id_connect_providers()
        .send()
        .await
        .expect("ListOpenIDConnectProviders")
        .open_id_connect_provider_list()
    {
        let arn = p.arn().unwrap_or_default();
        let got = c
            .get_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
            .expect("GetOpenIDConnectProvider");
        oidc.push(json!({
            "arn": arn,
            "clients": got.client_id_list(),
            "tags": tags(got.tags().iter().map(|t| (t.key(), t.value()))),
        }));
    }
    json!({"roles": roles, "policies": policies, "oidc_providers": sorted(oidc)})
}

async fn logs(config: &aws_config::SdkConfig) -> Value {
    let c = aws_sdk_cloudwatchlogs::Client::new(config);
    let mut out = serde_json::Map::new();
    let groups = c
        .describe_log_groups()
        .send()
        .await
        .expect("DescribeLogGroups");
    for g in groups.log_groups() {
        let name = g.log_group_name().unwrap_or_default();
        let arn = g
            .arn()
            .unwrap_or_default()
            .trim_end_matches(":*")
            .to_string();
        let t = c
            .list_tags_for_resource()
            .resource_arn(&arn)
            .send()
            .await
            .ok()
            .and_then(|t| t.tags().map(|t| tags(t.iter())))
            .unwrap_or(Value::Null);
        out.insert(
            name.to_string(),
            json!({"retention": g.retention_in_days(), "kms": g.kms_key_id(), "tags": t}),
        );
    }
    Value::Object(out)
}

async fn s3(config: &aws_config::SdkConfig) -> Value {
    let conf = aws_sdk_s3::config::Builder::from(config)
        .force_path_style(true)
        .build();
    let c = aws_sdk_s3::Client::from_conf(conf);
    let mut out = serde_json::Map::new();
    let buckets = c.list_buckets().send().await.expect("ListBuckets");
    for b in buckets.buckets() {
        let name = b.name().unwrap_or_default();
        let t = c
            .get_bucket_tagging()
            .bucket(name)
            .send()
            .await
            .ok()
            .map(|t| tags(t.tag_set().iter().map(|t| (t.key(), t.value()))))
            .unwrap_or(Value::Null);
        let mut objects = serde_json::Map::new();
        let mut history = Vec::new();
        let mut token = None;
        loop {
            let page = c
                .list_objects_v2()
                .bucket(name)
                .set_continuation_token(token)
                .send()
                .await
                .expect("ListObjectsV2");
            // An object's JSON (null when it is not JSON).
            let c = &c;
            let json_of = move |key: String| async move {
                let body = c
                    .get_object()
                    .bucket(name)
                    .key(key)
                    .send()
                    .await
                    .expect("GetObject");
                let bytes = body.body.collect().await.expect("object body").into_bytes();
                serde_json::from_slice::<Value>(&bytes).unwrap_or(Value::Null)
            };
            for o in page.contents() {
                let key = o.key().unwrap_or_default();
                if key.starts_with("history/") {
                    // A record's id and time differ between runs; what it says does not.
                    let mut record = json_of(key.to_string()).await;
                    if let Some(r) = record.as_object_mut() {
                        for k in ["id", "time", "undoes"] {
                            if let Some(v) = r.get_mut(k) {
                                *v = json!(!v.is_null());
                            }
                        }
                    }
                    history.push(record);
                } else if key.starts_with("migration/") {
                    objects.insert(key.to_string(), json!("migration inventory"));
                } else if key == "locks/aliases.json" {
                    // The alias lock: its holder (token, process, times) differs between
                    // runs; whether it is held does not.
                    let lock = json_of(key.to_string()).await;
                    let released = lock.get("released").and_then(Value::as_bool) == Some(true);
                    objects.insert(
                        key.to_string(),
                        json!(if released { "released" } else { "held" }),
                    );
                } else {
                    objects.insert(key.to_string(), json!(o.e_tag()));
                }
            }
            token = page.next_continuation_token().map(String::from);
            if token.is_none() {
                break;
            }
        }
        out.insert(
            name.to_string(),
            json!({"tags": t, "objects": objects, "history": sorted(history)}),
        );
    }
    Value::Object(out)
}

/// EC2's inventory and a map from each id to a stable label.
async fn ec2(config: &aws_config::SdkConfig) -> (Value, BTreeMap<String, String>) {
    let c = aws_sdk_ec2::Client::new(config);
    let mut ids = BTreeMap::new();
    let tag_map = |t: &[aws_sdk_ec2::types::Tag]| {
        tags(
            t.iter()
                .map(|t| (t.key().unwrap_or_default(), t.value().unwrap_or_default())),
        )
    };
    let vpcs = c.describe_vpcs().send().await.expect("DescribeVpcs");
    let mut vpc_out = Vec::new();
    for v in vpcs.vpcs() {
        if v.is_default() == Some(true) {
            continue;
        }
        let label = format!("vpc<{}>", v.cidr_block().unwrap_or_default());
        ids.insert(v.vpc_id().unwrap_or_default().to_string(), label.clone());
        vpc_out.push(json!({"vpc": label, "tags": tag_map(v.tags())}));
    }
    let subnets = c.describe_subnets().send().await.expect("DescribeSubnets");
    let mut subnet_out = Vec::new();
    for s in subnets.subnets() {
        if s.default_for_az() == Some(true) {
            continue;
        }
        let label = format!("subnet<{}>", s.cidr_block().unwrap_or_default());
        ids.insert(s.subnet_id().unwrap_or_default().to_string(), label.clone());
        subnet_out.push(
            json!({"subnet": label, "zone": s.availability_zone(), "tags": tag_map(s.tags())}),
        );
    }
    let mut igw_out = Vec::new();
    for g in c
        .describe_internet_gateways()
        .send()
        .await
        .expect("DescribeInternetGateways")
        .internet_gateways()
    {
        let attached: Vec<String> = g
            .attachments()
            .iter()
            .filter_map(|a| a.vpc_id())
            .map(|id| ids.get(id).cloned().unwrap_or_else(|| "default vpc".into()))
            .collect();
        if attached == ["default vpc"] {
            continue;
        }
        let label = format!("igw<{}>", attached.join(","));
        ids.insert(
            g.internet_gateway_id().unwrap_or_default().to_string(),
            label.clone(),
        );
        igw_out.push(json!({"igw": label, "tags": tag_map(g.tags())}));
    }
    let mut nat_out = Vec::new();
    for n in c
        .describe_nat_gateways()
        .send()
        .await
        .expect("DescribeNatGateways")
        .nat_gateways()
    {
        let state = n.state().map(|s| s.as_str().to_string());
        if state.as_deref() == Some("deleted") {
            continue;
        }
        let subnet = n.subnet_id().and_then(|s| ids.get(s)).cloned();
        let label = format!("nat<{}>", subnet.clone().unwrap_or_default());
        ids.insert(
            n.nat_gateway_id().unwrap_or_default().to_string(),
            label.clone(),
        );
        nat_out.push(json!({"nat": label, "state": state, "tags": tag_map(n.tags())}));
    }
    let mut eip_out = Vec::new();
    for a in c
        .describe_addresses()
        .send()
        .await
        .expect("DescribeAddresses")
        .addresses()
    {
        eip_out.push(json!({"tags": tag_map(a.tags())}));
        if let Some(id) = a.allocation_id() {
            ids.insert(id.to_string(), "eipalloc".into());
        }
    }
    let mut rt_out = Vec::new();
    for t in c
        .describe_route_tables()
        .send()
        .await
        .expect("DescribeRouteTables")
        .route_tables()
    {
        let vpc = t.vpc_id().and_then(|v| ids.get(v)).cloned();
        let Some(vpc) = vpc else { continue };
        let label = |id: Option<&str>| {
            id.map(|i| {
                ids.get(i)
                    .cloned()
                    .unwrap_or_else(|| i.split('-').next().unwrap_or(i).to_string())
            })
        };
        let mut routes: Vec<Value> = t
            .routes()
            .iter()
            .map(|r| {
                json!({
                    "to": r.destination_cidr_block().or(r.destination_prefix_list_id().map(|_| "prefix list")),
                    "via": label(r.gateway_id().or(r.nat_gateway_id())),
                })
            })
            .collect();
        routes.sort_by_key(|v| v.to_string());
        let mut assoc: Vec<Value> = t
            .associations()
            .iter()
            .map(|a| {
                json!(if a.main() == Some(true) {
                    Some("main".to_string())
                } else {
                    label(a.subnet_id())
                })
            })
            .collect();
        assoc.sort_by_key(|v| v.to_string());
        rt_out.push(
            json!({"vpc": vpc, "routes": routes, "associations": assoc, "tags": tag_map(t.tags())}),
        );
    }
    let mut endpoint_out = Vec::new();
    for e in c
        .describe_vpc_endpoints()
        .send()
        .await
        .expect("DescribeVpcEndpoints")
        .vpc_endpoints()
    {
        endpoint_out.push(json!({
            "vpc": e.vpc_id().and_then(|v| ids.get(v)),
            "service": e.service_name(),
            "type": e.vpc_endpoint_type().map(|t| t.as_str().to_string()),
            "tags": tag_map(e.tags()),
        }));
    }
    let mut sg_out = Vec::new();
    for g in c
        .describe_security_groups()
        .send()
        .await
        .expect("DescribeSecurityGroups")
        .security_groups()
    {
        let Some(vpc) = g.vpc_id().and_then(|v| ids.get(v)).cloned() else {
            continue;
        };
        if let Some(id) = g.group_id() {
            let label = format!("sg<{vpc},{}>", g.group_name().unwrap_or_default());
            ids.insert(id.to_string(), label);
        }
        sg_out.push(json!({"vpc": vpc, "name": g.group_name(), "tags": tag_map(g.tags())}));
    }
    (
        json!({
            "vpcs": sorted(vpc_out),
            "subnets": sorted(subnet_out),
            "internet_gateways": sorted(igw_out),
            "nat_gateways": sorted(nat_out),
            "addresses": sorted(eip_out),
            "route_tables": sorted(rt_out),
            "endpoints": sorted(endpoint_out),
            "security_groups": sorted(sg_out),
        }),
        ids,
    )
}

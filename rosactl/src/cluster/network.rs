//! A hosted cluster's network (the contract's "What the customer's account needs"): a VPC
//! with DNS support and hostnames, an internet gateway, per zone a public and a private
//! subnet, NAT (one per zone, or one shared), a public route table to the gateway and a
//! private one per zone to its NAT, a worker security group, and the private hosted zone
//! `NAME.hypershift.local` associated with the VPC.
//!
//! Every resource carries `rosa:managed-by=rosactl`, `rosa:cluster-name=NAME` and a
//! `rosa:resource` key naming its part (`vpc`, `igw`, `public-us-east-1a`, ...): [`observe`]
//! finds them by those tags (reads only), [`plan`] lists what is missing or wrong, [`converge`]
//! applies it in order, so a re-run writes nothing and an interrupted run continues. Nothing
//! without those tags is ever adopted. Deleting: [`observe_leftovers`] reads what a cluster
//! left in the VPC (load balancers, VPC endpoints, other security groups, hosted-zone
//! records), [`plan_delete`] orders it all, [`remove_all`] runs it.

use std::collections::BTreeMap;
use std::time::Duration;

use aws_sdk_ec2::types::{
    AttributeBooleanValue, DomainType, Filter, IpPermission, IpRange, ResourceType, Tag,
    TagSpecification, UserIdGroupPair,
};
use serde::Serialize;

use super::{MANAGED_BY, Progress, TAG_CLUSTER_NAME, TAG_MANAGED_BY, check_name};
use crate::aws::{Aws, describe};
use crate::deploy::retry::{self, Backoff};
use crate::exit::{Exit, Failure};

const TAG_RESOURCE: &str = "rosa:resource";

/// What `cluster-vpc create` builds.
#[derive(Debug, Clone)]
pub struct Desired {
    pub cluster: String,
    pub cidr: String,
    /// The first two octets of the /16.
    pub base: (u8, u8),
    pub zones: Vec<String>,
    pub single_nat: bool,
    /// The organisation's tags, put on every resource at creation (`--tags`, or what
    /// `setup-account --tags` recorded).
    pub tags: std::collections::BTreeMap<String, String>,
}

impl Desired {
    /// The organisation's tags, less the keys rosactl sets itself on network resources.
    fn org_tags(&self) -> impl Iterator<Item = (&String, &String)> {
        self.tags
            .iter()
            .filter(|(k, _)| *k != "Name" && !k.starts_with("kubernetes.io/"))
    }

    pub fn hosted_zone(&self) -> String {
        format!("{}.hypershift.local", self.cluster)
    }

    pub fn public(&self, i: usize) -> String {
        format!("public-{}", self.zones[i])
    }

    pub fn private(&self, i: usize) -> String {
        format!("private-{}", self.zones[i])
    }

    /// The NAT a zone's private subnet goes out through.
    fn nat_for(&self, i: usize) -> String {
        format!("nat-{}", self.zones[if self.single_nat { 0 } else { i }])
    }

    fn nat_zones(&self) -> std::ops::Range<usize> {
        0..if self.single_nat { 1 } else { self.zones.len() }
    }

    /// `/20`s: public subnets from the bottom of the /16, private ones from its middle.
    fn subnet_cidr(&self, public: bool, i: usize) -> String {
        let third = if public { 16 * i } else { 128 + 16 * i };
        format!("{}.{}.{third}.0/20", self.base.0, self.base.1)
    }
}

/// Checks the flags: zones of `region` (one to three), a /16 CIDR.
pub fn desired(
    cluster: &str,
    zones: &[String],
    cidr: &str,
    single_nat: bool,
    region: &str,
) -> Result<Desired, Failure> {
    check_name(cluster).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if zones.is_empty() || zones.len() > 3 {
        return Err(Failure::usage(format!(
            "--availability-zones: expected one to three zones of {region} (such as {region}a,{region}b), got {}",
            zones.len()
        )));
    }
    for z in zones {
        let ok = z.strip_prefix(region).is_some_and(|rest| {
            !rest.is_empty()
                && rest.len() <= 8
                && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        if !ok {
            return Err(Failure::usage(format!(
                "--availability-zones: {z:?} is not a zone of {region} (such as {region}a)"
            )));
        }
    }
    let mut unique = zones.to_vec();
    unique.dedup();
    if unique.len() != zones.len() {
        return Err(Failure::usage(
            "--availability-zones: a zone is named twice",
        ));
    }
    let bad_cidr = || {
        Failure::usage(format!(
            "--vpc-cidr: expected a private /16 such as 10.0.0.0/16, got {cidr:?}"
        ))
    };
    let (addr, bits) = cidr.split_once('/').ok_or_else(bad_cidr)?;
    let octets: Vec<u8> = addr
        .split('.')
        .map(|o| o.parse::<u8>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad_cidr())?;
    if bits != "16" || octets.len() != 4 || octets[2] != 0 || octets[3] != 0 {
        return Err(bad_cidr());
    }
    let private = octets[0] == 10
        || (octets[0] == 172 && (16..=31).contains(&octets[1]))
        || (octets[0] == 192 && octets[1] == 168);
    if !private {
        return Err(bad_cidr());
    }
    Ok(Desired {
        cluster: cluster.to_string(),
        cidr: cidr.to_string(),
        base: (octets[0], octets[1]),
        zones: zones.to_vec(),
        single_nat,
        tags: Default::default(),
    })
}

/// A route table as found: its id, default route's target, associated subnets.
#[derive(Debug, Clone, Default)]
pub struct TableObserved {
    pub id: String,
    pub default_target: Option<String>,
    pub subnets: Vec<String>,
}

/// What exists, by `rosa:resource` key.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    pub vpc: Option<String>,
    pub dns_support: bool,
    pub dns_hostnames: bool,
    pub igw: Option<(String, bool)>,
    pub subnets: BTreeMap<String, String>,
    pub eips: BTreeMap<String, String>,
    pub nats: BTreeMap<String, String>,
    pub tables: BTreeMap<String, TableObserved>,
    pub sg: Option<(String, bool)>,
    pub zone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Step {
    CreateVpc,
    EnableDns,
    CreateInternetGateway,
    AttachInternetGateway,
    CreateSubnet {
        key: String,
        zone: String,
        cidr: String,
        public: bool,
    },
    AllocateAddress {
        key: String,
    },
    CreateNatGateway {
        key: String,
        subnet: String,
        eip: String,
    },
    CreateRouteTable {
        key: String,
    },
    SetDefaultRoute {
        table: String,
        target: String,
    },
    Associate {
        table: String,
        subnet: String,
    },
    CreateSecurityGroup,
    AuthorizeWorkerTraffic,
    CreateHostedZone,
}

/// The steps `create` takes from `seen`. Pure.
pub fn plan(t: &Desired, seen: &Observed) -> Vec<Step> {
    let mut steps = Vec::new();
    if seen.vpc.is_none() {
        steps.push(Step::CreateVpc);
    }
    if !(seen.dns_support && seen.dns_hostnames) {
        steps.push(Step::EnableDns);
    }
    match &seen.igw {
        None => {
            steps.push(Step::CreateInternetGateway);
            steps.push(Step::AttachInternetGateway);
        }
        Some((_, false)) => steps.push(Step::AttachInternetGateway),
        Some(_) => {}
    }
    for (i, zone) in t.zones.iter().enumerate() {
        for public in [true, false] {
            let key = if public { t.public(i) } else { t.private(i) };
            if !seen.subnets.contains_key(&key) {
                steps.push(Step::CreateSubnet {
                    cidr: t.subnet_cidr(public, i),
                    zone: zone.clone(),
                    public,
                    key,
                });
            }
        }
    }
    for i in t.nat_zones() {
        let nat = t.nat_for(i);
        let eip = format!("eip-{}", t.zones[i]);
        if !seen.eips.contains_key(&eip) && !seen.nats.contains_key(&nat) {
            steps.push(Step::AllocateAddress { key: eip.clone() });
        }
        if !seen.nats.contains_key(&nat) {
            steps.push(Step::CreateNatGateway {
                key: nat,
                subnet: t.public(i),
                eip,
            });
        }
    }
    let mut tables = vec![(
        "rt-public".to_string(),
        "igw".to_string(),
        (0..t.zones.len()).map(|i| t.public(i)).collect::<Vec<_>>(),
    )];
    for i in 0..t.zones.len() {
        tables.push((
            format!("rt-{}", t.private(i)),
            t.nat_for(i),
            vec![t.private(i)],
        ));
    }
    for (key, target, subnets) in tables {
        let found = seen.tables.get(&key);
        if found.is_none() {
            steps.push(Step::CreateRouteTable { key: key.clone() });
        }
        let wanted = match target.as_str() {
            "igw" => seen.igw.as_ref().map(|(id, _)| id.clone()),
            nat => seen.nats.get(nat).cloned(),
        };
        let current = found.and_then(|f| f.default_target.clone());
        if current.is_none() || current != wanted {
            steps.push(Step::SetDefaultRoute {
                table: key.clone(),
                target,
            });
        }
        for s in subnets {
            let id = seen.subnets.get(&s);
            if !found.is_some_and(|f| id.is_some_and(|id| f.subnets.contains(id))) {
                steps.push(Step::Associate {
                    table: key.clone(),
                    subnet: s,
                });
            }
        }
    }
    match &seen.sg {
        None => {
            steps.push(Step::CreateSecurityGroup);
            steps.push(Step::AuthorizeWorkerTraffic);
        }
        Some((_, false)) => steps.push(Step::AuthorizeWorkerTraffic),
        Some(_) => {}
    }
    if seen.zone.is_none() {
        steps.push(Step::CreateHostedZone);
    }
    steps
}

pub fn summary(t: &Desired, step: &Step) -> String {
    match step {
        Step::CreateVpc => format!("create VPC {}-vpc ({})", t.cluster, t.cidr),
        Step::EnableDns => "turn on DNS support and DNS hostnames in the VPC".into(),
        Step::CreateInternetGateway => "create the internet gateway".into(),
        Step::AttachInternetGateway => "attach the internet gateway to the VPC".into(),
        Step::CreateSubnet { key, cidr, .. } => format!("create subnet {key} ({cidr})"),
        Step::AllocateAddress { key } => format!("allocate an Elastic IP ({key})"),
        Step::CreateNatGateway { key, subnet, .. } => {
            format!("create NAT gateway {key} in {subnet}")
        }
        Step::CreateRouteTable { key } => format!("create route table {key}"),
        Step::SetDefaultRoute { table, target } => {
            format!("route 0.0.0.0/0 of {table} to {target}")
        }
        Step::Associate { table, subnet } => format!("associate {subnet} with {table}"),
        Step::CreateSecurityGroup => format!("create security group {}-worker-sg", t.cluster),
        Step::AuthorizeWorkerTraffic => {
            "allow the workers' traffic (from the group itself and the VPC CIDR)".into()
        }
        Step::CreateHostedZone => format!("create private hosted zone {}", t.hosted_zone()),
    }
}

fn ec2_err(what: String) -> impl FnOnce(String) -> Failure {
    move |e| Failure::new(Exit::Failed, format!("{what}: {e}"))
}

fn filter(name: &str, value: &str) -> Filter {
    Filter::builder().name(name).values(value).build()
}

fn tag_of<'a>(tags: &'a [Tag], key: &str) -> Option<&'a str> {
    tags.iter()
        .find(|t| t.key() == Some(key))
        .and_then(|t| t.value())
}

/// Whether a resource's tags say it is cluster `cluster`'s, made by rosactl. Checked on every
/// answer, besides the filters sent: a server that ignores or misreads a tag filter (moto
/// does, for NAT gateways) must not make another cluster's resource look like this one's.
fn tagged_ours(tags: &[Tag], cluster: &str) -> bool {
    tag_of(tags, TAG_MANAGED_BY) == Some(MANAGED_BY)
        && tag_of(tags, TAG_CLUSTER_NAME) == Some(cluster)
}

fn ours(cluster: &str) -> [Filter; 2] {
    [
        filter(&format!("tag:{TAG_MANAGED_BY}"), MANAGED_BY),
        filter(&format!("tag:{TAG_CLUSTER_NAME}"), cluster),
    ]
}

/// Reads what exists (tagged as this cluster's). Every kind of resource is described at once;
/// only the VPC's attributes and its hosted zone wait for the VPC's id.
pub async fn observe(
    ec2: &aws_sdk_ec2::Client,
    r53: &aws_sdk_route53::Client,
    cluster: &str,
) -> anyhow::Result<Observed> {
    let mut seen = Observed::default();
    let failed = |what: &'static str| move |e: String| ec2_err(what.into())(e);
    let vpc_side = async {
        let vpcs = ec2
            .describe_vpcs()
            .set_filters(Some(ours(cluster).to_vec()))
            .send()
            .await
            .map_err(|e| failed("DescribeVpcs")(describe(&e)))?;
        let vpcs: Vec<String> = vpcs
            .vpcs()
            .iter()
            .filter(|v| tagged_ours(v.tags(), cluster))
            .filter_map(|v| v.vpc_id().map(String::from))
            .collect();
        if vpcs.len() > 1 {
            return Err(Failure::new(
                Exit::Failed,
                format!(
                    "{} VPCs are tagged as cluster {cluster}'s; rosactl expects one",
                    vpcs.len()
                ),
            )
            .into());
        }
        let Some(vpc) = vpcs.into_iter().next() else {
            return anyhow::Ok(None);
        };
        let attribute = |attr: aws_sdk_ec2::types::VpcAttributeName| {
            ec2.describe_vpc_attribute()
                .vpc_id(&vpc)
                .attribute(attr)
                .send()
        };
        let region = ec2
            .config()
            .region()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let (support, hostnames, zone) = tokio::join!(
            attribute(aws_sdk_ec2::types::VpcAttributeName::EnableDnsSupport),
            attribute(aws_sdk_ec2::types::VpcAttributeName::EnableDnsHostnames),
            find_zone(r53, cluster, &vpc, &region)
        );
        let support = support
            .map_err(|e| failed("DescribeVpcAttribute")(describe(&e)))?
            .enable_dns_support()
            .and_then(|a| a.value())
            .unwrap_or(false);
        let hostnames = hostnames
            .map_err(|e| failed("DescribeVpcAttribute")(describe(&e)))?
            .enable_dns_hostnames()
            .and_then(|a| a.value())
            .unwrap_or(false);
        Ok(Some((vpc, support, hostnames, zone?)))
    };
    let filters = Some(ours(cluster).to_vec());
    let (vpc, igws, subnets, eips, nats, tables, sgs) = tokio::join!(
        vpc_side,
        ec2.describe_internet_gateways()
            .set_filters(filters.clone())
            .send(),
        ec2.describe_subnets().set_filters(filters.clone()).send(),
        ec2.describe_addresses().set_filters(filters.clone()).send(),
        ec2.describe_nat_gateways()
            .set_filter(filters.clone())
            .send(),
        ec2.describe_route_tables()
            .set_filters(filters.clone())
            .send(),
        ec2.describe_security_groups().set_filters(filters).send(),
    );
    if let Some((vpc, support, hostnames, zone)) = vpc? {
        seen.vpc = Some(vpc);
        seen.dns_support = support;
        seen.dns_hostnames = hostnames;
        seen.zone = zone;
    }
    let igws = igws.map_err(|e| failed("DescribeInternetGateways")(describe(&e)))?;
    if let Some(g) = igws
        .internet_gateways()
        .iter()
        .find(|g| tagged_ours(g.tags(), cluster))
    {
        let attached = seen
            .vpc
            .as_deref()
            .is_some_and(|v| g.attachments().iter().any(|a| a.vpc_id() == Some(v)));
        seen.igw = Some((
            g.internet_gateway_id().unwrap_or_default().to_string(),
            attached,
        ));
    }
    let subnets = subnets.map_err(|e| failed("DescribeSubnets")(describe(&e)))?;
    for s in subnets.subnets() {
        if !tagged_ours(s.tags(), cluster) {
            continue;
        }
        if let (Some(key), Some(id)) = (tag_of(s.tags(), TAG_RESOURCE), s.subnet_id()) {
            seen.subnets.insert(key.to_string(), id.to_string());
        }
    }
    let eips = eips.map_err(|e| failed("DescribeAddresses")(describe(&e)))?;
    for a in eips.addresses() {
        if !tagged_ours(a.tags(), cluster) {
            continue;
        }
        if let (Some(key), Some(id)) = (tag_of(a.tags(), TAG_RESOURCE), a.allocation_id()) {
            seen.eips.insert(key.to_string(), id.to_string());
        }
    }
    let nats = nats.map_err(|e| failed("DescribeNatGateways")(describe(&e)))?;
    for n in nats.nat_gateways() {
        if !tagged_ours(n.tags(), cluster) {
            continue;
        }
        let gone = matches!(
            n.state(),
            Some(
                aws_sdk_ec2::types::NatGatewayState::Deleted
                    | aws_sdk_ec2::types::NatGatewayState::Deleting
                    | aws_sdk_ec2::types::NatGatewayState::Failed
            )
        );
        if let (false, Some(key), Some(id)) =
            (gone, tag_of(n.tags(), TAG_RESOURCE), n.nat_gateway_id())
        {
            seen.nats.insert(key.to_string(), id.to_string());
        }
    }
    let tables = tables.map_err(|e| failed("DescribeRouteTables")(describe(&e)))?;
    for rt in tables.route_tables() {
        if !tagged_ours(rt.tags(), cluster) {
            continue;
        }
        let Some(key) = tag_of(rt.tags(), TAG_RESOURCE) else {
            continue;
        };
        let default_target = rt
            .routes()
            .iter()
            .find(|r| r.destination_cidr_block() == Some("0.0.0.0/0"))
            .and_then(|r| r.gateway_id().or(r.nat_gateway_id()).map(String::from));
        seen.tables.insert(
            key.to_string(),
            TableObserved {
                id: rt.route_table_id().unwrap_or_default().to_string(),
                default_target,
                subnets: rt
                    .associations()
                    .iter()
                    .filter_map(|a| a.subnet_id().map(String::from))
                    .collect(),
            },
        );
    }
    let sgs = sgs.map_err(|e| failed("DescribeSecurityGroups")(describe(&e)))?;
    if let Some(g) = sgs
        .security_groups()
        .iter()
        .find(|g| tagged_ours(g.tags(), cluster))
    {
        let id = g.group_id().unwrap_or_default().to_string();
        let from_self = g.ip_permissions().iter().any(|p| {
            p.user_id_group_pairs()
                .iter()
                .any(|u| u.group_id() == Some(id.as_str()))
        });
        seen.sg = Some((id, from_self));
    }
    Ok(seen)
}

/// The private hosted zone `NAME.hypershift.local` tagged as this cluster's and associated
/// with its VPC `vpc` in `region`. Route 53 is global and EC2 regional: the same cluster name
/// in another region (or a wrong `--region`) finds a zone by name and tags that belongs to
/// another network; only the association ties a zone to this one.
async fn find_zone(
    r53: &aws_sdk_route53::Client,
    cluster: &str,
    vpc: &str,
    region: &str,
) -> anyhow::Result<Option<String>> {
    let name = format!("{cluster}.hypershift.local.");
    let zones = r53
        .list_hosted_zones_by_name()
        .dns_name(&name)
        .send()
        .await
        .map_err(|e| ec2_err("ListHostedZonesByName".into())(describe(&e)))?;
    for z in zones.hosted_zones() {
        if z.name() != name {
            continue;
        }
        let id = z.id().trim_start_matches("/hostedzone/").to_string();
        let tags = r53
            .list_tags_for_resource()
            .resource_type(aws_sdk_route53::types::TagResourceType::Hostedzone)
            .resource_id(&id)
            .send()
            .await
            .map_err(|e| ec2_err(format!("reading the tags of hosted zone {id}"))(describe(&e)))?;
        let tags = tags
            .resource_tag_set()
            .map(|s| s.tags())
            .unwrap_or_default();
        let has = |k: &str, v: &str| {
            tags.iter()
                .any(|t| t.key() == Some(k) && t.value() == Some(v))
        };
        if !(has(TAG_MANAGED_BY, MANAGED_BY) && has(TAG_CLUSTER_NAME, cluster)) {
            continue;
        }
        let zone = r53
            .get_hosted_zone()
            .id(&id)
            .send()
            .await
            .map_err(|e| ec2_err(format!("reading hosted zone {id}"))(describe(&e)))?;
        if zone
            .vpcs()
            .iter()
            .any(|v| v.vpc_id() == Some(vpc) && v.vpc_region().map(|r| r.as_str()) == Some(region))
        {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

fn tag_spec(t: &Desired, kind: ResourceType, key: &str, name: &str) -> TagSpecification {
    let mut spec = TagSpecification::builder()
        .resource_type(kind)
        .tags(Tag::builder().key(TAG_MANAGED_BY).value(MANAGED_BY).build())
        .tags(
            Tag::builder()
                .key(TAG_CLUSTER_NAME)
                .value(&t.cluster)
                .build(),
        )
        .tags(Tag::builder().key(TAG_RESOURCE).value(key).build())
        .tags(Tag::builder().key("Name").value(name).build());
    for (k, v) in t.org_tags() {
        spec = spec.tags(Tag::builder().key(k).value(v).build());
    }
    if key.starts_with("public-") {
        spec = spec.tags(
            Tag::builder()
                .key("kubernetes.io/role/elb")
                .value("1")
                .build(),
        );
    } else if key.starts_with("private-") {
        spec = spec.tags(
            Tag::builder()
                .key("kubernetes.io/role/internal-elb")
                .value("1")
                .build(),
        );
    }
    spec.build()
}

/// Why a step failed, and whether its outcome is unknown or it may simply be tried again
/// (throttling, a 5xx, a connection that broke, an answer cut short).
#[derive(Debug)]
struct StepFail {
    message: String,
    transient: bool,
}

impl StepFail {
    fn of<E>(e: &aws_sdk_ec2::error::SdkError<E, crate::aws::HttpResponse>) -> StepFail
    where
        E: aws_sdk_ec2::error::ProvideErrorMetadata + std::error::Error + 'static,
    {
        StepFail {
            message: describe(e),
            transient: crate::aws::transient(e),
        }
    }
}

impl From<String> for StepFail {
    fn from(message: String) -> StepFail {
        StepFail {
            message,
            transient: false,
        }
    }
}

impl From<&str> for StepFail {
    fn from(message: &str) -> StepFail {
        StepFail::from(message.to_string())
    }
}

impl std::fmt::Display for StepFail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Runs one step, updating `seen` with what it made.
async fn apply(
    t: &Desired,
    ec2: &aws_sdk_ec2::Client,
    r53: &aws_sdk_route53::Client,
    seen: &mut Observed,
    step: &Step,
) -> Result<(), StepFail> {
    let need =
        |v: Option<&String>, what: &str| v.cloned().ok_or_else(|| format!("{what} is missing"));
    let vpc = || need(seen.vpc.as_ref(), "the VPC");
    let name = |suffix: &str| format!("{}-{suffix}", t.cluster);
    match step {
        Step::CreateVpc => {
            let out = ec2
                .create_vpc()
                .cidr_block(&t.cidr)
                .tag_specifications(tag_spec(t, ResourceType::Vpc, "vpc", &name("vpc")))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.vpc = out.vpc().and_then(|v| v.vpc_id()).map(String::from);
        }
        Step::EnableDns => {
            let vpc = vpc()?;
            // One attribute per call (EC2's rule); both calls at once.
            let on = || AttributeBooleanValue::builder().value(true).build();
            let (support, hostnames) = tokio::join!(
                ec2.modify_vpc_attribute()
                    .vpc_id(&vpc)
                    .enable_dns_support(on())
                    .send(),
                ec2.modify_vpc_attribute()
                    .vpc_id(&vpc)
                    .enable_dns_hostnames(on())
                    .send()
            );
            support.map_err(|e| StepFail::of(&e))?;
            hostnames.map_err(|e| StepFail::of(&e))?;
            seen.dns_support = true;
            seen.dns_hostnames = true;
        }
        Step::CreateInternetGateway => {
            let out = ec2
                .create_internet_gateway()
                .tag_specifications(tag_spec(
                    t,
                    ResourceType::InternetGateway,
                    "igw",
                    &name("igw"),
                ))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            let id = out
                .internet_gateway()
                .and_then(|g| g.internet_gateway_id())
                .unwrap_or_default();
            seen.igw = Some((id.to_string(), false));
        }
        Step::AttachInternetGateway => {
            let (id, _) = seen.igw.clone().ok_or("the internet gateway is missing")?;
            ec2.attach_internet_gateway()
                .internet_gateway_id(&id)
                .vpc_id(vpc()?)
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.igw = Some((id, true));
        }
        Step::CreateSubnet {
            key, zone, cidr, ..
        } => {
            let out = ec2
                .create_subnet()
                .vpc_id(vpc()?)
                .cidr_block(cidr)
                .availability_zone(zone)
                .tag_specifications(tag_spec(t, ResourceType::Subnet, key, &name(key)))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.subnets.insert(
                key.clone(),
                out.subnet()
                    .and_then(|s| s.subnet_id())
                    .unwrap_or_default()
                    .to_string(),
            );
        }
        Step::AllocateAddress { key } => {
            let out = ec2
                .allocate_address()
                .domain(DomainType::Vpc)
                .tag_specifications(tag_spec(t, ResourceType::ElasticIp, key, &name(key)))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.eips.insert(
                key.clone(),
                out.allocation_id().unwrap_or_default().to_string(),
            );
        }
        Step::CreateNatGateway { key, subnet, eip } => {
            let out = ec2
                .create_nat_gateway()
                .subnet_id(need(seen.subnets.get(subnet), subnet)?)
                .allocation_id(need(seen.eips.get(eip), eip)?)
                .tag_specifications(tag_spec(t, ResourceType::Natgateway, key, &name(key)))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            let id = out
                .nat_gateway()
                .and_then(|n| n.nat_gateway_id())
                .unwrap_or_default()
                .to_string();
            // Routes to it wait until it is available.
            let (state, _) = retry::until(
                Backoff::every(Duration::from_secs(5), Duration::from_secs(600)),
                || async {
                    ec2.describe_nat_gateways()
                        .nat_gateway_ids(&id)
                        .send()
                        .await
                        .map(|o| o.nat_gateways().first().and_then(|n| n.state().cloned()))
                        .map_err(|e| StepFail::of(&e))
                },
                |r| {
                    !matches!(
                        r,
                        Ok(Some(aws_sdk_ec2::types::NatGatewayState::Available))
                            | Ok(Some(aws_sdk_ec2::types::NatGatewayState::Failed))
                            | Err(_)
                    )
                },
            )
            .await;
            match state? {
                Some(aws_sdk_ec2::types::NatGatewayState::Available) => {}
                other => return Err(format!("NAT gateway {id} is {other:?}, not available").into()),
            }
            seen.nats.insert(key.clone(), id);
        }
        Step::CreateRouteTable { key } => {
            let out = ec2
                .create_route_table()
                .vpc_id(vpc()?)
                .tag_specifications(tag_spec(t, ResourceType::RouteTable, key, &name(key)))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            let id = out
                .route_table()
                .and_then(|r| r.route_table_id())
                .unwrap_or_default()
                .to_string();
            seen.tables.insert(
                key.clone(),
                TableObserved {
                    id,
                    ..Default::default()
                },
            );
        }
        Step::SetDefaultRoute { table, target } => {
            let rt = seen
                .tables
                .get(table)
                .cloned()
                .ok_or_else(|| format!("{table} is missing"))?;
            let (igw, nat) = if target == "igw" {
                (
                    Some(seen.igw.clone().ok_or("the internet gateway is missing")?.0),
                    None,
                )
            } else {
                (None, Some(need(seen.nats.get(target), target)?))
            };
            let result = if rt.default_target.is_some() {
                ec2.replace_route()
                    .route_table_id(&rt.id)
                    .destination_cidr_block("0.0.0.0/0")
                    .set_gateway_id(igw.clone())
                    .set_nat_gateway_id(nat.clone())
                    .send()
                    .await
                    .map(drop)
                    .map_err(|e| StepFail::of(&e))
            } else {
                ec2.create_route()
                    .route_table_id(&rt.id)
                    .destination_cidr_block("0.0.0.0/0")
                    .set_gateway_id(igw.clone())
                    .set_nat_gateway_id(nat.clone())
                    .send()
                    .await
                    .map(drop)
                    .map_err(|e| StepFail::of(&e))
            };
            result?;
            if let Some(entry) = seen.tables.get_mut(table) {
                entry.default_target = igw.or(nat);
            }
        }
        Step::Associate { table, subnet } => {
            let rt = seen
                .tables
                .get(table)
                .cloned()
                .ok_or_else(|| format!("{table} is missing"))?;
            let subnet_id = need(seen.subnets.get(subnet), subnet)?;
            ec2.associate_route_table()
                .route_table_id(&rt.id)
                .subnet_id(&subnet_id)
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            if let Some(entry) = seen.tables.get_mut(table) {
                entry.subnets.push(subnet_id);
            }
        }
        Step::CreateSecurityGroup => {
            let out = ec2
                .create_security_group()
                .group_name(name("worker-sg"))
                .description(format!("ROSA cluster {} worker nodes", t.cluster))
                .vpc_id(vpc()?)
                .tag_specifications(tag_spec(
                    t,
                    ResourceType::SecurityGroup,
                    "sg-worker",
                    &name("worker-sg"),
                ))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.sg = Some((out.group_id().unwrap_or_default().to_string(), false));
        }
        Step::AuthorizeWorkerTraffic => {
            let (id, _) = seen
                .sg
                .clone()
                .ok_or("the worker security group is missing")?;
            ec2.authorize_security_group_ingress()
                .group_id(&id)
                .ip_permissions(
                    IpPermission::builder()
                        .ip_protocol("-1")
                        .user_id_group_pairs(UserIdGroupPair::builder().group_id(&id).build())
                        .ip_ranges(IpRange::builder().cidr_ip(&t.cidr).build())
                        .build(),
                )
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.sg = Some((id, true));
        }
        Step::CreateHostedZone => {
            let out = r53
                .create_hosted_zone()
                .name(t.hosted_zone())
                .caller_reference(format!(
                    "rosactl-{}-{}",
                    t.cluster,
                    crate::deploy::history::new_id()
                ))
                .vpc(
                    aws_sdk_route53::types::Vpc::builder()
                        .vpc_id(vpc()?)
                        .vpc_region(aws_sdk_route53::types::VpcRegion::from(
                            ec2.config()
                                .region()
                                .map(|r| r.to_string())
                                .unwrap_or_default()
                                .as_str(),
                        ))
                        .build(),
                )
                .hosted_zone_config(
                    aws_sdk_route53::types::HostedZoneConfig::builder()
                        .private_zone(true)
                        .comment(format!("ROSA cluster {}", t.cluster))
                        .build(),
                )
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            let id = out
                .hosted_zone()
                .map(|z| z.id().trim_start_matches("/hostedzone/").to_string())
                .unwrap_or_default();
            let tag = |k: &str, v: &str| {
                aws_sdk_route53::types::Tag::builder()
                    .key(k)
                    .value(v)
                    .build()
            };
            // Route 53 takes no tags on CreateHostedZone: they follow at once.
            r53.change_tags_for_resource()
                .resource_type(aws_sdk_route53::types::TagResourceType::Hostedzone)
                .resource_id(&id)
                .set_add_tags(Some(t.org_tags().map(|(k, v)| tag(k, v)).collect()))
                .add_tags(tag(TAG_MANAGED_BY, MANAGED_BY))
                .add_tags(tag(TAG_CLUSTER_NAME, &t.cluster))
                .add_tags(tag(
                    &format!("kubernetes.io/cluster/{}", t.cluster),
                    "owned",
                ))
                .send()
                .await
                .map_err(|e| StepFail::of(&e))?;
            seen.zone = Some(id);
        }
    }
    Ok(())
}

pub fn clients(aws: &Aws) -> (aws_sdk_ec2::Client, aws_sdk_route53::Client) {
    (
        aws_sdk_ec2::Client::new(&aws.config),
        aws_sdk_route53::Client::new(&aws.config),
    )
}

/// Clients that never send a call twice: most EC2 creations have no idempotency token, and a
/// call whose answer was lost, sent again, makes a second VPC. `create` looks at the account
/// again instead and goes on from what it finds.
fn clients_once(aws: &Aws) -> (aws_sdk_ec2::Client, aws_sdk_route53::Client) {
    use aws_sdk_ec2::config::retry::RetryConfig;
    (
        aws_sdk_ec2::Client::from_conf(
            aws_sdk_ec2::config::Builder::from(&aws.config)
                .retry_config(RetryConfig::disabled())
                .build(),
        ),
        aws_sdk_route53::Client::from_conf(
            aws_sdk_route53::config::Builder::from(&aws.config)
                .retry_config(RetryConfig::disabled())
                .build(),
        ),
    )
}

/// The network `cluster-vpc create` made for `cluster`, if any: (vpc, private subnet of the
/// first zone, that zone, all private subnets, worker security group).
pub struct Network {
    pub vpc: String,
    pub private_subnets: Vec<(String, String)>,
    pub worker_sg: Option<String>,
}

/// What `cluster create` / `nodepool create` use when no flag names a network.
pub async fn find(aws: &Aws, cluster: &str) -> anyhow::Result<Option<Network>> {
    let (ec2, r53) = clients(aws);
    let seen = observe(&ec2, &r53, cluster).await?;
    let Some(vpc) = seen.vpc.clone() else {
        return Ok(None);
    };
    let private_subnets = seen
        .subnets
        .iter()
        .filter_map(|(k, id)| {
            k.strip_prefix("private-")
                .map(|zone| (id.clone(), zone.to_string()))
        })
        .collect();
    Ok(Some(Network {
        vpc,
        private_subnets,
        worker_sg: seen.sg.map(|(id, _)| id),
    }))
}

/// A delete whose target is already gone is done: its answer may have been lost on the way
/// and the SDK sent it again, or another run got there first.
fn deleted<T, E: aws_sdk_ec2::error::ProvideErrorMetadata>(r: Result<T, E>) -> Result<(), E> {
    match r {
        Ok(_) => Ok(()),
        Err(e)
            if e.code().is_some_and(|c| {
                c.ends_with(".NotFound")
                    || matches!(c, "NoSuchHostedZone" | "LoadBalancerNotFound")
                    || (c == "InvalidChangeBatch"
                        && e.message().is_some_and(|m| m.contains("not found")))
            }) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Sends a delete until it is done: "already gone" counts as done (see [`deleted`]), and a
/// delete whose answer was lost on the way (a reset, an answer cut short, throttling, a 5xx)
/// is sent again, up to `attempts` times in all: the SDK does not resend every such EC2 call.
async fn delete_until_done<T, E, F, Fut>(
    attempts: u32,
    mut send: F,
) -> Result<(), aws_sdk_ec2::error::SdkError<E, crate::aws::HttpResponse>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<
            Output = Result<T, aws_sdk_ec2::error::SdkError<E, crate::aws::HttpResponse>>,
        >,
    E: aws_sdk_ec2::error::ProvideErrorMetadata + std::error::Error + 'static,
{
    let mut attempt = 1;
    let mut delay = Duration::from_millis(200);
    loop {
        match deleted(send().await) {
            Ok(()) => return Ok(()),
            Err(e) if attempt < attempts && crate::aws::transient(&e) => {
                crate::pace::pause(delay).await;
                delay = (delay * 2).min(Duration::from_secs(5));
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// What a cluster left in its network, read for `delete` besides [`Observed`].
#[derive(Debug, Clone, Default)]
pub struct Leftovers {
    /// The hosted zone (as `Observed` found it) and its records but its SOA and NS.
    pub zone: Option<String>,
    pub records: Vec<aws_sdk_route53::types::ResourceRecordSet>,
    /// Load balancers (application, network, gateway) in the VPC: (ARN, name).
    pub load_balancers: Vec<(String, String)>,
    /// Network interfaces of classic load balancers in the VPC: (interface, description).
    pub classic: Vec<(String, String)>,
    pub endpoints: Vec<String>,
    /// The VPC's security groups, its default one aside.
    pub groups: Vec<GroupObserved>,
    /// Route table associations to remove: (table key, association id).
    pub associations: Vec<(String, String)>,
}

/// A security group of the VPC as `delete` finds it.
#[derive(Debug, Clone, Default)]
pub struct GroupObserved {
    pub id: String,
    /// Tagged as this cluster's (the worker group); else a cluster left it.
    pub ours: bool,
    /// Its rules that name another group: revoked first, as a group another group's rule
    /// names cannot be deleted (AWS answers DependencyViolation).
    pub ingress_refs: Vec<aws_sdk_ec2::types::IpPermission>,
    pub egress_refs: Vec<aws_sdk_ec2::types::IpPermission>,
}

impl GroupObserved {
    /// The other groups its rules name.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .ingress_refs
            .iter()
            .chain(&self.egress_refs)
            .flat_map(|p| p.user_id_group_pairs())
            .filter_map(|u| u.group_id().map(String::from))
            .filter(|g| *g != self.id)
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// One step of `delete`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Removal {
    DeleteRecord { name: String, kind: String },
    DeleteHostedZone { id: String },
    DeleteLoadBalancer { arn: String, name: String },
    DeleteVpcEndpoints { ids: Vec<String> },
    DeleteNatGateway { key: String, id: String },
    RevokeGroupReferences { id: String, names: Vec<String> },
    DeleteSecurityGroup { id: String, ours: bool },
    DisassociateRouteTable { table: String, association: String },
    DeleteRouteTable { key: String, id: String },
    DeleteSubnet { key: String, id: String },
    DetachInternetGateway { id: String, vpc: String },
    DeleteInternetGateway { id: String },
    ReleaseAddress { key: String, id: String },
    DeleteVpc { id: String },
}

pub fn removal_summary(r: &Removal) -> String {
    const LEFT: &str = " (left by the cluster)";
    match r {
        Removal::DeleteRecord { name, kind } => format!("delete record {name} {kind}{LEFT}"),
        Removal::DeleteHostedZone { id } => format!("delete hosted zone {id}"),
        Removal::DeleteLoadBalancer { name, .. } => format!("delete load balancer {name}{LEFT}"),
        Removal::DeleteVpcEndpoints { ids } => {
            format!("delete VPC endpoints {}{LEFT}", ids.join(", "))
        }
        Removal::DeleteNatGateway { id, .. } => format!("delete NAT gateway {id}"),
        Removal::RevokeGroupReferences { id, names } => format!(
            "revoke the rules of security group {id} that name {} (a group another group's rule names cannot be deleted)",
            names.join(", ")
        ),
        Removal::DeleteSecurityGroup { id, ours } => {
            format!(
                "delete security group {id}{}",
                if *ours { "" } else { LEFT }
            )
        }
        Removal::DisassociateRouteTable { table, association } => {
            format!("disassociate {association} from route table {table}")
        }
        Removal::DeleteRouteTable { key, .. } => format!("delete route table {key}"),
        Removal::DeleteSubnet { key, id } => format!("delete subnet {key} ({id})"),
        Removal::DetachInternetGateway { id, .. } => format!("detach internet gateway {id}"),
        Removal::DeleteInternetGateway { id } => format!("delete internet gateway {id}"),
        Removal::ReleaseAddress { key, .. } => format!("release Elastic IP {key}"),
        Removal::DeleteVpc { id } => format!("delete VPC {id}"),
    }
}

/// Reads what a cluster left in the network `seen` found (every page of each listing).
pub async fn observe_leftovers(
    ec2: &aws_sdk_ec2::Client,
    r53: &aws_sdk_route53::Client,
    elb: &aws_sdk_elasticloadbalancingv2::Client,
    cluster: &str,
    seen: &Observed,
) -> anyhow::Result<Leftovers> {
    let mut left = Leftovers {
        zone: seen.zone.clone(),
        ..Leftovers::default()
    };
    if let Some(zone) = &seen.zone {
        // Every page: Route 53 pages records by (name, type, identifier).
        let mut next: Option<(String, aws_sdk_route53::types::RrType, Option<String>)> = None;
        loop {
            let mut req = r53.list_resource_record_sets().hosted_zone_id(zone);
            if let Some((name, kind, id)) = next.take() {
                req = req
                    .start_record_name(name)
                    .start_record_type(kind)
                    .set_start_record_identifier(id);
            }
            let page = req.send().await.map_err(|e| {
                ec2_err(format!("listing the records of hosted zone {zone}"))(describe(&e))
            })?;
            left.records.extend(
                page.resource_record_sets()
                    .iter()
                    .filter(|rr| {
                        !matches!(
                            rr.r#type(),
                            aws_sdk_route53::types::RrType::Soa
                                | aws_sdk_route53::types::RrType::Ns
                        )
                    })
                    .cloned(),
            );
            match (
                page.is_truncated(),
                page.next_record_name(),
                page.next_record_type(),
            ) {
                (true, Some(name), Some(kind)) => {
                    next = Some((
                        name.to_string(),
                        kind.clone(),
                        page.next_record_identifier().map(String::from),
                    ))
                }
                _ => break,
            }
        }
    }
    let Some(vpc) = &seen.vpc else {
        return Ok(left);
    };
    let mut pages = elb.describe_load_balancers().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| ec2_err("listing load balancers".into())(describe(&e)))?;
        for lb in page.load_balancers() {
            if lb.vpc_id() == Some(vpc.as_str()) {
                let arn = lb.load_balancer_arn().unwrap_or_default().to_string();
                let name = lb.load_balancer_name().unwrap_or(&arn).to_string();
                left.load_balancers.push((arn, name));
            }
        }
    }
    // A classic load balancer (what Kubernetes makes for a `LoadBalancer` service without
    // the NLB annotation) shows as its interfaces, described "ELB NAME" (the newer kinds
    // are "ELB app/…", "ELB net/…", "ELB gwy/…").
    let mut pages = ec2
        .describe_network_interfaces()
        .filters(filter("vpc-id", vpc))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| ec2_err("listing network interfaces".into())(describe(&e)))?;
        for ni in page.network_interfaces() {
            let d = ni.description().unwrap_or_default();
            if let Some(name) = d.strip_prefix("ELB ")
                && !["app/", "net/", "gwy/"].iter().any(|p| name.starts_with(p))
                && ni.vpc_id() == Some(vpc.as_str())
            {
                left.classic.push((
                    ni.network_interface_id().unwrap_or_default().to_string(),
                    d.to_string(),
                ));
            }
        }
    }
    let mut pages = ec2
        .describe_vpc_endpoints()
        .filters(filter("vpc-id", vpc))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| ec2_err("listing VPC endpoints".into())(describe(&e)))?;
        left.endpoints.extend(
            page.vpc_endpoints()
                .iter()
                .filter(|e| e.vpc_id() == Some(vpc.as_str()))
                .filter_map(|e| e.vpc_endpoint_id().map(String::from)),
        );
    }
    let mut pages = ec2
        .describe_security_groups()
        .filters(filter("vpc-id", vpc))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| ec2_err("listing security groups".into())(describe(&e)))?;
        for g in page.security_groups() {
            // In this VPC (checked here too, not only by the filter), and not its default.
            if g.vpc_id() != Some(vpc.as_str()) || g.group_name() == Some("default") {
                continue;
            }
            let refs = |perms: &[aws_sdk_ec2::types::IpPermission]| -> Vec<_> {
                perms
                    .iter()
                    .filter(|p| !p.user_id_group_pairs().is_empty())
                    .cloned()
                    .collect()
            };
            left.groups.push(GroupObserved {
                id: g.group_id().unwrap_or_default().to_string(),
                ours: tagged_ours(g.tags(), cluster),
                ingress_refs: refs(g.ip_permissions()),
                egress_refs: refs(g.ip_permissions_egress()),
            });
        }
    }
    left.groups.sort_by(|a, b| a.id.cmp(&b.id));
    for (key, rt) in &seen.tables {
        let full = ec2
            .describe_route_tables()
            .route_table_ids(&rt.id)
            .send()
            .await
            .map_err(|e| ec2_err(format!("reading route table {key}"))(describe(&e)))?;
        for a in full.route_tables().iter().flat_map(|r| r.associations()) {
            if let (Some(id), false) = (a.route_table_association_id(), a.main().unwrap_or(false)) {
                left.associations.push((key.clone(), id.to_string()));
            }
        }
    }
    Ok(left)
}

/// `delete`: what a cluster left, then the network in dependency order; refused (before any
/// write) while a classic load balancer is in the VPC, as deleting it needs the classic
/// load-balancing API. Pure.
pub fn plan_delete(seen: &Observed, left: &Leftovers) -> Result<Vec<Removal>, Vec<String>> {
    if !left.classic.is_empty() {
        return Err(left
            .classic
            .iter()
            .map(|(ni, d)| {
                format!(
                    "classic load balancer {} is in the VPC (interface {ni}): delete it first (`aws elb delete-load-balancer --load-balancer-name {}`, or delete the cluster's LoadBalancer services), then run this again",
                    d.trim_start_matches("ELB "),
                    d.trim_start_matches("ELB ")
                )
            })
            .collect());
    }
    let mut steps = Vec::new();
    if let Some(zone) = &seen.zone {
        for rr in &left.records {
            steps.push(Removal::DeleteRecord {
                name: rr.name().to_string(),
                kind: rr.r#type().as_str().to_string(),
            });
        }
        steps.push(Removal::DeleteHostedZone { id: zone.clone() });
    }
    if let Some(vpc) = &seen.vpc {
        for (arn, name) in &left.load_balancers {
            steps.push(Removal::DeleteLoadBalancer {
                arn: arn.clone(),
                name: name.clone(),
            });
        }
        if !left.endpoints.is_empty() {
            steps.push(Removal::DeleteVpcEndpoints {
                ids: left.endpoints.clone(),
            });
        }
        for (key, id) in &seen.nats {
            steps.push(Removal::DeleteNatGateway {
                key: key.clone(),
                id: id.clone(),
            });
        }
        for g in &left.groups {
            let names = g.names();
            if !names.is_empty() {
                steps.push(Removal::RevokeGroupReferences {
                    id: g.id.clone(),
                    names,
                });
            }
        }
        for g in &left.groups {
            steps.push(Removal::DeleteSecurityGroup {
                id: g.id.clone(),
                ours: g.ours,
            });
        }
        for (table, association) in &left.associations {
            steps.push(Removal::DisassociateRouteTable {
                table: table.clone(),
                association: association.clone(),
            });
        }
        for (key, rt) in &seen.tables {
            steps.push(Removal::DeleteRouteTable {
                key: key.clone(),
                id: rt.id.clone(),
            });
        }
        for (key, id) in &seen.subnets {
            steps.push(Removal::DeleteSubnet {
                key: key.clone(),
                id: id.clone(),
            });
        }
        if let Some((igw, true)) = &seen.igw {
            steps.push(Removal::DetachInternetGateway {
                id: igw.clone(),
                vpc: vpc.clone(),
            });
        }
    }
    if let Some((igw, _)) = &seen.igw {
        steps.push(Removal::DeleteInternetGateway { id: igw.clone() });
    }
    for (key, id) in &seen.eips {
        steps.push(Removal::ReleaseAddress {
            key: key.clone(),
            id: id.clone(),
        });
    }
    if let Some(vpc) = &seen.vpc {
        steps.push(Removal::DeleteVpc { id: vpc.clone() });
    }
    Ok(steps)
}

/// The clients `delete` sends through: reads retry (the SDK's), deletions do not, as they
/// retry themselves ([`delete_until_done`]: one bound per call, not the SDK's times ours).
struct DeleteClients {
    ec2: aws_sdk_ec2::Client,
    ec2_once: aws_sdk_ec2::Client,
    r53_once: aws_sdk_route53::Client,
    elb_once: aws_sdk_elasticloadbalancingv2::Client,
    attempts: u32,
}

/// How long a security group still in use (the interfaces of a load balancer just deleted
/// go away a little later) is waited for.
const GROUP_WAIT: Duration = Duration::from_secs(300);

/// Runs one removal. "Already gone" counts as done, so an interrupted delete resumes.
async fn remove(c: &DeleteClients, left: &Leftovers, r: &Removal) -> Result<(), String> {
    let a = c.attempts;
    match r {
        Removal::DeleteRecord { name, kind } => {
            let Some(rr) = left
                .records
                .iter()
                .find(|rr| rr.name() == name && rr.r#type().as_str() == kind)
            else {
                return Ok(());
            };
            let Some(zone) = &left.zone else {
                return Ok(());
            };
            let change = aws_sdk_route53::types::Change::builder()
                .action(aws_sdk_route53::types::ChangeAction::Delete)
                .resource_record_set(rr.clone())
                .build()
                .map_err(|e| e.to_string())?;
            let batch = aws_sdk_route53::types::ChangeBatch::builder()
                .changes(change)
                .build()
                .map_err(|e| e.to_string())?;
            delete_until_done(a, || {
                c.r53_once
                    .change_resource_record_sets()
                    .hosted_zone_id(zone)
                    .change_batch(batch.clone())
                    .send()
            })
            .await
            .map_err(|e| describe(&e))
        }
        Removal::DeleteHostedZone { id } => {
            delete_until_done(a, || c.r53_once.delete_hosted_zone().id(id).send())
                .await
                .map_err(|e| describe(&e))
        }
        Removal::DeleteLoadBalancer { arn, .. } => delete_until_done(a, || {
            c.elb_once
                .delete_load_balancer()
                .load_balancer_arn(arn)
                .send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::DeleteVpcEndpoints { ids } => delete_until_done(a, || {
            c.ec2_once
                .delete_vpc_endpoints()
                .set_vpc_endpoint_ids(Some(ids.clone()))
                .send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::DeleteNatGateway { id, .. } => {
            delete_until_done(a, || {
                c.ec2_once.delete_nat_gateway().nat_gateway_id(id).send()
            })
            .await
            .map_err(|e| describe(&e))?;
            let (state, _) = retry::until(
                Backoff::every(Duration::from_secs(5), Duration::from_secs(600)),
                || async {
                    c.ec2
                        .describe_nat_gateways()
                        .nat_gateway_ids(id)
                        .send()
                        .await
                        .map(|o| o.nat_gateways().first().and_then(|n| n.state().cloned()))
                        .map_err(|e| describe(&e))
                },
                |r| {
                    matches!(
                        r,
                        Ok(Some(aws_sdk_ec2::types::NatGatewayState::Deleting))
                            | Ok(Some(aws_sdk_ec2::types::NatGatewayState::Pending))
                            | Ok(Some(aws_sdk_ec2::types::NatGatewayState::Available))
                    )
                },
            )
            .await;
            state
                .map(drop)
                .map_err(|e| format!("waiting for it to go: {e}"))
        }
        Removal::RevokeGroupReferences { id, .. } => {
            let Some(g) = left.groups.iter().find(|g| g.id == *id) else {
                return Ok(());
            };
            if !g.ingress_refs.is_empty() {
                delete_until_done(a, || {
                    c.ec2_once
                        .revoke_security_group_ingress()
                        .group_id(id)
                        .set_ip_permissions(Some(g.ingress_refs.clone()))
                        .send()
                })
                .await
                .map_err(|e| describe(&e))?;
            }
            if !g.egress_refs.is_empty() {
                delete_until_done(a, || {
                    c.ec2_once
                        .revoke_security_group_egress()
                        .group_id(id)
                        .set_ip_permissions(Some(g.egress_refs.clone()))
                        .send()
                })
                .await
                .map_err(|e| describe(&e))?;
            }
            Ok(())
        }
        Removal::DeleteSecurityGroup { id, .. } => {
            delete_until_done(a, || c.ec2_once.delete_security_group().group_id(id).send())
                .await
                .map_err(|e| describe(&e))
        }
        Removal::DisassociateRouteTable { association, .. } => delete_until_done(a, || {
            c.ec2_once
                .disassociate_route_table()
                .association_id(association)
                .send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::DeleteRouteTable { id, .. } => delete_until_done(a, || {
            c.ec2_once.delete_route_table().route_table_id(id).send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::DeleteSubnet { id, .. } => {
            delete_until_done(a, || c.ec2_once.delete_subnet().subnet_id(id).send())
                .await
                .map_err(|e| describe(&e))
        }
        Removal::DetachInternetGateway { id, vpc } => delete_until_done(a, || {
            c.ec2_once
                .detach_internet_gateway()
                .internet_gateway_id(id)
                .vpc_id(vpc)
                .send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::DeleteInternetGateway { id } => delete_until_done(a, || {
            c.ec2_once
                .delete_internet_gateway()
                .internet_gateway_id(id)
                .send()
        })
        .await
        .map_err(|e| describe(&e)),
        Removal::ReleaseAddress { id, .. } => {
            delete_until_done(a, || c.ec2_once.release_address().allocation_id(id).send())
                .await
                .map_err(|e| describe(&e))
        }
        Removal::DeleteVpc { id } => {
            delete_until_done(a, || c.ec2_once.delete_vpc().vpc_id(id).send())
                .await
                .map_err(|e| describe(&e))
        }
    }
}

/// Deletes the security groups of `groups` (each a `DeleteSecurityGroup`), in rounds: a
/// group still in use (DependencyViolation) waits for the next round while the others go,
/// until every one is gone, or nothing moved for [`GROUP_WAIT`]; then the error names each
/// group left and why.
async fn remove_groups(
    c: &DeleteClients,
    groups: &[&Removal],
    mut done: impl FnMut(&Removal),
) -> Result<(), String> {
    use aws_sdk_ec2::error::ProvideErrorMetadata;
    let mut pending: Vec<&Removal> = groups.to_vec();
    let mut delay = Duration::from_secs(2);
    let mut waited = Duration::ZERO;
    loop {
        let mut blocked = Vec::new();
        let before = pending.len();
        for r in pending {
            let Removal::DeleteSecurityGroup { id, .. } = r else {
                continue;
            };
            match deleted(c.ec2_once.delete_security_group().group_id(id).send().await) {
                Ok(()) => done(r),
                Err(e) if e.code() == Some("DependencyViolation") => {
                    blocked.push((r, describe(&e)))
                }
                Err(e) if crate::aws::transient(&e) => blocked.push((r, describe(&e))),
                Err(e) => return Err(format!("security group {id}: {}", describe(&e))),
            }
        }
        if blocked.is_empty() {
            return Ok(());
        }
        if blocked.len() == before {
            if waited >= GROUP_WAIT {
                return Err(blocked
                    .iter()
                    .map(|(r, why)| format!("{}: {why}", removal_summary(r)))
                    .collect::<Vec<_>>()
                    .join("; "));
            }
            crate::pace::pause(delay).await;
            waited += delay;
            delay = (delay * 2).min(Duration::from_secs(30));
        }
        pending = blocked.into_iter().map(|(r, _)| r).collect();
    }
}

/// "delete X" as done: "deleted X" (the report says what happened).
pub fn past(summary: &str) -> String {
    for (now, done) in [
        ("delete ", "deleted "),
        ("revoke ", "revoked "),
        ("disassociate ", "disassociated "),
        ("detach ", "detached "),
        ("release ", "released "),
    ] {
        if let Some(rest) = summary.strip_prefix(now) {
            return format!("{done}{rest}");
        }
    }
    summary.to_string()
}

/// The load-balancing client that never resends (see [`DeleteClients`]).
fn elb_once(aws: &Aws) -> aws_sdk_elasticloadbalancingv2::Client {
    aws_sdk_elasticloadbalancingv2::Client::from_conf(
        aws_sdk_elasticloadbalancingv2::config::Builder::from(&aws.config)
            .retry_config(aws_sdk_ec2::config::retry::RetryConfig::disabled())
            .build(),
    )
}

/// What a create step acts on; steps on one thing go in plan order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Thing<'a> {
    Vpc,
    Gateway,
    Subnet(&'a str),
    Address(&'a str),
    Nat(&'a str),
    Table(&'a str),
    Group,
    Zone,
}

fn thing(step: &Step) -> Thing<'_> {
    match step {
        Step::CreateVpc | Step::EnableDns => Thing::Vpc,
        Step::CreateInternetGateway | Step::AttachInternetGateway => Thing::Gateway,
        Step::CreateSubnet { key, .. } => Thing::Subnet(key),
        Step::AllocateAddress { key } => Thing::Address(key),
        Step::CreateNatGateway { key, .. } => Thing::Nat(key),
        Step::CreateRouteTable { key } => Thing::Table(key),
        Step::SetDefaultRoute { table, .. } | Step::Associate { table, .. } => Thing::Table(table),
        Step::CreateSecurityGroup | Step::AuthorizeWorkerTraffic => Thing::Group,
        Step::CreateHostedZone => Thing::Zone,
    }
}

/// Whether create step `later` waits for `earlier` (planned before it): what it names must
/// exist first. Everything else goes at once.
fn needs(later: &Step, earlier: &Step) -> bool {
    let (l, e) = (thing(later), thing(earlier));
    if l == e {
        return true;
    }
    let in_vpc = matches!(
        later,
        Step::AttachInternetGateway
            | Step::CreateSubnet { .. }
            | Step::CreateRouteTable { .. }
            | Step::CreateSecurityGroup
            | Step::CreateHostedZone
    );
    match (later, e) {
        // The VPC's id (and, for the private zone, its DNS settings).
        (_, Thing::Vpc) => in_vpc,
        // A NAT gateway: in its public subnet, with its address, once the VPC reaches the
        // internet.
        (Step::CreateNatGateway { subnet, eip, .. }, other) => {
            other == Thing::Subnet(subnet)
                || other == Thing::Address(eip)
                || other == Thing::Gateway
        }
        (Step::SetDefaultRoute { target, .. }, other) => {
            if target == "igw" {
                other == Thing::Gateway
            } else {
                other == Thing::Nat(target)
            }
        }
        (Step::Associate { subnet, .. }, other) => other == Thing::Subnet(subnet),
        _ => false,
    }
}

/// The steps each step waits for: places in `steps`, all earlier than it.
pub fn graph(steps: &[Step]) -> Vec<Vec<usize>> {
    steps
        .iter()
        .enumerate()
        .map(|(i, step)| (0..i).filter(|&j| needs(step, &steps[j])).collect())
        .collect()
}

fn copy_key<V: Clone>(to: &mut BTreeMap<String, V>, from: &BTreeMap<String, V>, key: &str) {
    if let Some(v) = from.get(key) {
        to.insert(key.to_string(), v.clone());
    }
}

/// Copies into `seen` what `step` found or made, from the copy it ran with.
fn take(seen: &mut Observed, mine: &Observed, step: &Step) {
    match thing(step) {
        Thing::Vpc => {
            seen.vpc.clone_from(&mine.vpc);
            seen.dns_support = mine.dns_support;
            seen.dns_hostnames = mine.dns_hostnames;
        }
        Thing::Gateway => seen.igw.clone_from(&mine.igw),
        Thing::Subnet(k) => copy_key(&mut seen.subnets, &mine.subnets, k),
        Thing::Address(k) => copy_key(&mut seen.eips, &mine.eips, k),
        Thing::Nat(k) => copy_key(&mut seen.nats, &mine.nats, k),
        Thing::Table(k) => copy_key(&mut seen.tables, &mine.tables, k),
        Thing::Group => seen.sg.clone_from(&mine.sg),
        Thing::Zone => seen.zone.clone_from(&mine.zone),
    }
}

/// Builds what `t` describes from what exists: observe, plan, apply. Every step whose steps
/// before it ([`graph`]) are done starts at once, with a copy of what is known then. A step
/// whose outcome is unknown (or that was throttled) is not sent again blindly, as EC2
/// creations have no idempotency token: once the steps in flight end, the account is looked
/// at again, the plan made again from it, and the run goes on. With `dry_run`, only the plan.
/// Returns the plan and what exists after.
pub async fn converge(
    aws: &Aws,
    t: &Desired,
    dry_run: bool,
    progress: Progress<'_>,
) -> anyhow::Result<(Vec<Step>, Observed)> {
    let (ec2, r53) = clients(aws);
    let (ec2_once, r53_once) = clients_once(aws);
    let mut seen = observe(&ec2, &r53, &t.cluster).await?;
    let steps = plan(t, &seen);
    if dry_run || steps.is_empty() {
        return Ok((steps, seen));
    }
    let mut todo = steps.clone();
    let mut done = 0;
    // How often each step failed: a step is tried at most as often as any AWS call is.
    let mut failures: Vec<(Step, u32)> = Vec::new();
    while !todo.is_empty() {
        let after = graph(&todo);
        let mut state = vec![0u8; todo.len()]; // 0 waiting, 1 running, 2 done
        let mut failed: Vec<(usize, StepFail)> = Vec::new();
        let mut running = futures_util::stream::FuturesUnordered::new();
        loop {
            if failed.is_empty() {
                for (i, step) in todo.iter().enumerate() {
                    if state[i] == 0 && after[i].iter().all(|&j| state[j] == 2) {
                        state[i] = 1;
                        progress(&summary(t, step));
                        let mut mine = seen.clone();
                        let (ec2, r53) = (&ec2_once, &r53_once);
                        running.push(async move {
                            let result = apply(t, ec2, r53, &mut mine, step).await;
                            (i, result.map(|()| mine))
                        });
                    }
                }
            }
            let Some((i, result)) = futures_util::StreamExt::next(&mut running).await else {
                break;
            };
            match result {
                Ok(mine) => {
                    take(&mut seen, &mine, &todo[i]);
                    state[i] = 2;
                    done += 1;
                }
                Err(e) => failed.push((i, e)),
            }
        }
        drop(running);
        if failed.is_empty() {
            break;
        }
        let left = state.iter().filter(|s| **s != 2).count();
        // Every step that failed in this round counts; the run goes on only when each may
        // be tried again.
        let mut last_chance = None;
        let mut worst = 1;
        for (i, e) in &failed {
            let n = match failures.iter_mut().find(|(s, _)| *s == todo[*i]) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    failures.push((todo[*i].clone(), 1));
                    1
                }
            };
            worst = worst.max(n);
            if (!e.transient || n >= crate::aws::max_attempts(&aws.config)) && last_chance.is_none()
            {
                last_chance = Some(*i);
            }
        }
        let (i, e) = match last_chance {
            None => {
                for (i, e) in &failed {
                    progress(&format!(
                        "{} did not complete ({e}); looking at the account again",
                        summary(t, &todo[*i])
                    ));
                }
                let delay = Duration::from_millis(500) * 2u32.pow(worst - 1);
                crate::pace::pause(delay.min(Duration::from_secs(8))).await;
                seen = observe(&ec2, &r53, &t.cluster).await?;
                todo = plan(t, &seen);
                continue;
            }
            Some(i) => failed
                .into_iter()
                .find(|(j, _)| *j == i)
                .expect("a failed step"),
        };
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "cluster-vpc create {}: {} failed: {e}; {done} steps done, {left} left; run it again to continue from there",
                t.cluster,
                summary(t, &todo[i]),
            ),
        )
        .into());
    }
    let seen = observe(&ec2, &r53, &t.cluster).await?;
    Ok((steps, seen))
}

/// What exists of `cluster`'s network, as a target that describes it (for `describe`).
pub async fn observed(aws: &Aws, cluster: &str) -> anyhow::Result<(Desired, Observed)> {
    let (ec2, r53) = clients(aws);
    let seen = observe(&ec2, &r53, cluster).await?;
    let zones: Vec<String> = seen
        .subnets
        .keys()
        .filter_map(|k| k.strip_prefix("private-").map(String::from))
        .collect();
    let t = Desired {
        cluster: cluster.to_string(),
        cidr: String::new(),
        base: (0, 0),
        zones,
        single_nat: seen.nats.len() <= 1,
        tags: Default::default(),
    };
    Ok((t, seen))
}

/// The networks rosactl made in this region: (cluster, VPC, CIDR).
pub async fn list(aws: &Aws) -> anyhow::Result<Vec<(String, String, String)>> {
    let ec2 = aws_sdk_ec2::Client::new(&aws.config);
    let mut rows = Vec::new();
    let mut pages = ec2
        .describe_vpcs()
        .filters(filter(&format!("tag:{TAG_MANAGED_BY}"), MANAGED_BY))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| ec2_err("DescribeVpcs".into())(describe(&e)))?;
        rows.extend(
            page.vpcs()
                .iter()
                .filter(|v| tag_of(v.tags(), TAG_MANAGED_BY) == Some(MANAGED_BY))
                .filter_map(|v| {
                    Some((
                        tag_of(v.tags(), TAG_CLUSTER_NAME)?.to_string(),
                        v.vpc_id()?.to_string(),
                        v.cidr_block().unwrap_or_default().to_string(),
                    ))
                }),
        );
    }
    Ok(rows)
}

/// What deleting `cluster`'s network involves: what exists, what a cluster left, and the
/// plan (refused, before any write, with the reasons); `None` when nothing of it exists.
pub async fn plan_teardown(
    aws: &Aws,
    cluster: &str,
) -> anyhow::Result<Option<(Observed, Leftovers, Vec<Removal>)>> {
    let (ec2, r53) = clients(aws);
    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&aws.config);
    let seen = observe(&ec2, &r53, cluster).await?;
    if seen.vpc.is_none() && seen.zone.is_none() && seen.eips.is_empty() && seen.igw.is_none() {
        return Ok(None);
    }
    let left = observe_leftovers(&ec2, &r53, &elb, cluster, &seen).await?;
    let steps = plan_delete(&seen, &left).map_err(|refused| {
        Failure::new(
            Exit::Failed,
            format!(
                "cluster-vpc delete {cluster}: refused, nothing was changed:\n{}",
                refused.join("\n")
            ),
        )
    })?;
    Ok(Some((seen, left, steps)))
}

/// Runs a teardown plan in order (security groups in rounds, see [`remove_groups`]);
/// `progress` hears each removal as done. Returns what was removed, as sentences.
pub async fn remove_all(
    aws: &Aws,
    cluster: &str,
    left: &Leftovers,
    steps: &[Removal],
    progress: Progress<'_>,
) -> Result<Vec<String>, Failure> {
    let (ec2, _) = clients(aws);
    let (ec2_once, r53_once) = clients_once(aws);
    let c = DeleteClients {
        ec2,
        ec2_once,
        r53_once,
        elb_once: elb_once(aws),
        attempts: crate::aws::max_attempts(&aws.config),
    };
    let removed = std::cell::RefCell::new(Vec::new());
    let record = |r: &Removal| {
        let line = past(&removal_summary(r));
        progress(&line);
        removed.borrow_mut().push(line);
    };
    let fail = |i: usize, what: String, e: String| {
        Failure::new(
            Exit::Failed,
            format!(
                "cluster-vpc delete {cluster}: {what} failed: {e}; {i} of {} steps done; run it again to finish",
                steps.len()
            ),
        )
    };
    let mut i = 0;
    while i < steps.len() {
        let step = &steps[i];
        if matches!(step, Removal::DeleteSecurityGroup { .. }) {
            let groups: Vec<&Removal> = steps[i..]
                .iter()
                .take_while(|s| matches!(s, Removal::DeleteSecurityGroup { .. }))
                .collect();
            let n = groups.len();
            remove_groups(&c, &groups, &record)
                .await
                .map_err(|e| fail(i, "deleting the security groups".into(), e))?;
            i += n;
            continue;
        }
        remove(&c, left, step)
            .await
            .map_err(|e| fail(i, removal_summary(step), e))?;
        record(step);
        i += 1;
    }
    Ok(removed.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_plans_leftovers_first_revokes_cross_references_and_refuses_classic_lbs() {
        let seen = Observed {
            vpc: Some("vpc-1".into()),
            igw: Some(("igw-1".into(), true)),
            subnets: BTreeMap::from([("private-a".into(), "subnet-1".into())]),
            eips: BTreeMap::from([("eip-a".into(), "eipalloc-1".into())]),
            nats: BTreeMap::from([("nat-a".into(), "nat-1".into())]),
            sg: Some(("sg-w".into(), true)),
            zone: Some("Z1".into()),
            ..Observed::default()
        };
        let pair = |g: &str| {
            aws_sdk_ec2::types::IpPermission::builder()
                .ip_protocol("tcp")
                .user_id_group_pairs(
                    aws_sdk_ec2::types::UserIdGroupPair::builder()
                        .group_id(g)
                        .build(),
                )
                .build()
        };
        let left = Leftovers {
            zone: Some("Z1".into()),
            load_balancers: vec![("arn:lb".into(), "k8s-lb".into())],
            groups: vec![
                GroupObserved {
                    id: "sg-elb".into(),
                    ours: false,
                    ..GroupObserved::default()
                },
                // The worker group admits itself (kept out of the names) and the ELB's group.
                GroupObserved {
                    id: "sg-w".into(),
                    ours: true,
                    ingress_refs: vec![pair("sg-w"), pair("sg-elb")],
                    egress_refs: vec![],
                },
            ],
            ..Leftovers::default()
        };
        let steps = plan_delete(&seen, &left).unwrap();
        let kinds: Vec<String> = steps
            .iter()
            .map(|s| {
                serde_json::to_value(s).unwrap()["action"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "delete_hosted_zone",
                "delete_load_balancer",
                "delete_nat_gateway",
                "revoke_group_references",
                "delete_security_group",
                "delete_security_group",
                "delete_subnet",
                "detach_internet_gateway",
                "delete_internet_gateway",
                "release_address",
                "delete_vpc",
            ]
        );
        assert_eq!(
            steps[3],
            Removal::RevokeGroupReferences {
                id: "sg-w".into(),
                names: vec!["sg-elb".into()]
            }
        );
        assert!(removal_summary(&steps[4]).ends_with("(left by the cluster)"));
        assert_eq!(past(&removal_summary(&steps[10])), "deleted VPC vpc-1");
        let classic = Leftovers {
            classic: vec![("eni-1".into(), "ELB old".into())],
            ..left
        };
        let refused = plan_delete(&seen, &classic).unwrap_err();
        assert!(
            refused[0].contains("classic load balancer old is in the VPC (interface eni-1)"),
            "{refused:?}"
        );
    }

    #[test]
    fn a_fresh_network_waits_only_for_what_each_step_names() {
        let zones = vec!["us-east-1a".to_string(), "us-east-1b".to_string()];
        let t = desired("cl1", &zones, "10.0.0.0/16", false, "us-east-1").unwrap();
        let steps = plan(&t, &Observed::default());
        let after = graph(&steps);
        let at = |want: &Step| steps.iter().position(|s| s == want).unwrap();
        let waits = |s: &Step| -> Vec<&Step> { after[at(s)].iter().map(|&j| &steps[j]).collect() };
        // Nothing before the VPC, the gateway, the addresses.
        for s in [
            Step::CreateVpc,
            Step::CreateInternetGateway,
            Step::AllocateAddress {
                key: "eip-us-east-1a".into(),
            },
        ] {
            assert!(waits(&s).is_empty(), "{s:?} waits for {:?}", waits(&s));
        }
        // A NAT gateway: its subnet, its address, the attached gateway; not the other zone's.
        let nat = steps
            .iter()
            .find(|s| matches!(s, Step::CreateNatGateway { key, .. } if key == "nat-us-east-1b"))
            .unwrap();
        let w = waits(nat);
        assert!(w.contains(&&Step::AllocateAddress {
            key: "eip-us-east-1b".into()
        }));
        assert!(w.contains(&&Step::AttachInternetGateway));
        assert!(
            w.iter()
                .any(|s| matches!(s, Step::CreateSubnet { key, .. } if key == "public-us-east-1b"))
        );
        assert!(
            !w.iter()
                .any(|s| matches!(s, Step::CreateSubnet { key, .. } if key.ends_with("1a")))
        );
        assert!(!w.iter().any(|s| matches!(s, Step::CreateNatGateway { .. })));
        // A private table's route waits for its zone's NAT gateway.
        let route = Step::SetDefaultRoute {
            table: "rt-private-us-east-1b".into(),
            target: "nat-us-east-1b".into(),
        };
        assert!(waits(&route).contains(&nat));
        // The longest chain: VPC, subnet, NAT, route, two associations of a table at most:
        // far fewer than the 28 steps one after the other.
        let mut depth = vec![0usize; steps.len()];
        for (i, a) in after.iter().enumerate() {
            assert!(a.iter().all(|&j| j < i));
            depth[i] = 1 + a.iter().map(|&j| depth[j]).max().unwrap_or(0);
        }
        let longest = depth.iter().max().copied().unwrap();
        assert!(longest <= 7, "{longest} steps in a row of {}", steps.len());
    }

    #[test]
    fn a_fresh_network_a_shared_nat_and_bad_flags() {
        let zones = vec!["us-east-1a".to_string(), "us-east-1b".to_string()];
        let t = desired("cl1", &zones, "10.0.0.0/16", false, "us-east-1").unwrap();
        let fresh = plan(&t, &Observed::default());
        // vpc, dns, igw+attach, 4 subnets, 2 eips, 2 nats, 3 tables + 3 routes + 4 associations, sg+rules, zone
        assert_eq!(
            fresh.len(),
            1 + 1 + 2 + 4 + 2 + 2 + 3 + 3 + 4 + 2 + 1,
            "{fresh:#?}"
        );
        assert!(fresh.contains(&Step::CreateSubnet {
            key: "private-us-east-1b".into(),
            zone: "us-east-1b".into(),
            cidr: "10.0.144.0/20".into(),
            public: false
        }));
        let single = desired("cl1", &zones, "10.0.0.0/16", true, "us-east-1").unwrap();
        let steps = plan(&single, &Observed::default());
        assert_eq!(
            steps
                .iter()
                .filter(|s| matches!(s, Step::CreateNatGateway { .. }))
                .count(),
            1
        );
        assert!(steps.contains(&Step::SetDefaultRoute {
            table: "rt-private-us-east-1b".into(),
            target: "nat-us-east-1a".into()
        }));
        for (zones, cidr, field) in [
            (vec![], "10.0.0.0/16", "--availability-zones"),
            (
                vec!["eu-west-1a".to_string()],
                "10.0.0.0/16",
                "--availability-zones",
            ),
            (zones.clone(), "10.0.0.0/24", "--vpc-cidr"),
            (zones.clone(), "8.8.0.0/16", "--vpc-cidr"),
        ] {
            let e = desired("cl1", &zones, cidr, false, "us-east-1").unwrap_err();
            assert!(e.message.starts_with(field), "{}", e.message);
        }
    }
}

//! Network topologies built in the AWS stand-in, for the network verifier's tests and the
//! demo journey.

use aws_sdk_ec2::types::{AttributeBooleanValue, DomainType, VpcEndpointType};

type Result<T> = std::result::Result<T, String>;

fn err<E: std::fmt::Display>(what: &str) -> impl Fn(E) -> String + '_ {
    move |e| format!("{what}: {e}")
}

/// What [`build`] made.
#[derive(Debug, Clone)]
pub struct Net {
    pub vpc: String,
    /// One per zone (us-east-1a, us-east-1b), routed to the internet gateway.
    pub public: Vec<String>,
    /// One per zone, routed to the NAT gateway (when built with one).
    pub private: Vec<String>,
    pub private_table: String,
}

pub async fn vpc(ec2: &aws_sdk_ec2::Client, cidr: &str, dns_hostnames: bool) -> Result<String> {
    let id = ec2
        .create_vpc()
        .cidr_block(cidr)
        .send()
        .await
        .map_err(err("CreateVpc"))?
        .vpc
        .and_then(|v| v.vpc_id)
        .unwrap_or_default();
    for (support, value) in [(true, true), (false, dns_hostnames)] {
        let v = AttributeBooleanValue::builder().value(value).build();
        let req = ec2.modify_vpc_attribute().vpc_id(&id);
        let req = if support {
            req.enable_dns_support(v)
        } else {
            req.enable_dns_hostnames(v)
        };
        req.send().await.map_err(err("ModifyVpcAttribute"))?;
    }
    Ok(id)
}

pub async fn subnet(
    ec2: &aws_sdk_ec2::Client,
    vpc: &str,
    cidr: &str,
    zone: &str,
) -> Result<String> {
    Ok(ec2
        .create_subnet()
        .vpc_id(vpc)
        .cidr_block(cidr)
        .availability_zone(zone)
        .send()
        .await
        .map_err(err("CreateSubnet"))?
        .subnet
        .and_then(|s| s.subnet_id)
        .unwrap_or_default())
}

pub async fn route_table(
    ec2: &aws_sdk_ec2::Client,
    vpc: &str,
    subnets: &[String],
) -> Result<String> {
    let id = ec2
        .create_route_table()
        .vpc_id(vpc)
        .send()
        .await
        .map_err(err("CreateRouteTable"))?
        .route_table
        .and_then(|t| t.route_table_id)
        .unwrap_or_default();
    for s in subnets {
        ec2.associate_route_table()
            .route_table_id(&id)
            .subnet_id(s)
            .send()
            .await
            .map_err(err("AssociateRouteTable"))?;
    }
    Ok(id)
}

pub async fn nat_gateway(ec2: &aws_sdk_ec2::Client, public_subnet: &str) -> Result<String> {
    let eip = ec2
        .allocate_address()
        .domain(DomainType::Vpc)
        .send()
        .await
        .map_err(err("AllocateAddress"))?
        .allocation_id
        .unwrap_or_default();
    Ok(ec2
        .create_nat_gateway()
        .subnet_id(public_subnet)
        .allocation_id(eip)
        .send()
        .await
        .map_err(err("CreateNatGateway"))?
        .nat_gateway
        .and_then(|n| n.nat_gateway_id)
        .unwrap_or_default())
}

pub async fn default_route(
    ec2: &aws_sdk_ec2::Client,
    table: &str,
    nat: Option<&str>,
    igw: Option<&str>,
) -> Result<()> {
    let mut req = ec2
        .create_route()
        .route_table_id(table)
        .destination_cidr_block("0.0.0.0/0");
    if let Some(n) = nat {
        req = req.nat_gateway_id(n);
    }
    if let Some(g) = igw {
        req = req.gateway_id(g);
    }
    req.send().await.map_err(err("CreateRoute"))?;
    Ok(())
}

/// A VPC `<prefix>.0.0/16` in two zones: public subnets to an internet gateway, private
/// subnets to a NAT gateway (`with_nat`), an S3 gateway endpoint, DNS support on, DNS
/// hostnames as asked.
pub async fn build(
    ec2: &aws_sdk_ec2::Client,
    prefix: &str,
    with_nat: bool,
    dns_hostnames: bool,
) -> Result<Net> {
    let region = ec2
        .config()
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "us-east-1".into());
    let vpc = vpc(ec2, &format!("{prefix}.0.0/16"), dns_hostnames).await?;
    let zones = [format!("{region}a"), format!("{region}b")];
    let public = vec![
        subnet(ec2, &vpc, &format!("{prefix}.0.0/24"), &zones[0]).await?,
        subnet(ec2, &vpc, &format!("{prefix}.1.0/24"), &zones[1]).await?,
    ];
    let private = vec![
        subnet(ec2, &vpc, &format!("{prefix}.10.0/24"), &zones[0]).await?,
        subnet(ec2, &vpc, &format!("{prefix}.11.0/24"), &zones[1]).await?,
    ];
    let igw = ec2
        .create_internet_gateway()
        .send()
        .await
        .map_err(err("CreateInternetGateway"))?
        .internet_gateway
        .and_then(|g| g.internet_gateway_id)
        .unwrap_or_default();
    ec2.attach_internet_gateway()
        .internet_gateway_id(&igw)
        .vpc_id(&vpc)
        .send()
        .await
        .map_err(err("AttachInternetGateway"))?;
    let public_table = route_table(ec2, &vpc, &public).await?;
    default_route(ec2, &public_table, None, Some(&igw)).await?;
    let private_table = route_table(ec2, &vpc, &private).await?;
    if with_nat {
        let nat = nat_gateway(ec2, &public[0]).await?;
        default_route(ec2, &private_table, Some(&nat), None).await?;
    }
    ec2.create_vpc_endpoint()
        .vpc_id(&vpc)
        .service_name(format!("com.amazonaws.{region}.s3"))
        .vpc_endpoint_type(VpcEndpointType::Gateway)
        .route_table_ids(&private_table)
        .send()
        .await
        .map_err(err("CreateVpcEndpoint"))?;
    Ok(Net {
        vpc,
        public,
        private,
        private_table,
    })
}

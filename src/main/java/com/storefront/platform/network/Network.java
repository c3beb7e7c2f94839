package com.storefront.platform.network;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLogConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpointConfig;
import com.storefront.platform.config.Ipv4Cidr;
import com.storefront.platform.config.NetworkConfig;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.Peer;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.aws.TcpRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The VPC of one environment: per availability zone a public, a private application and an isolated
 * database subnet; NAT for the application tier; flow logs of all traffic, encrypted with a key of its
 * own; the VPC's default security group stripped of every rule; and the application security group,
 * the one membership that lets a workload reach the database.
 *
 * <p>Secrets Manager is always reached through an interface endpoint in the application subnets, so that the
 * password rotation function needs no route out of the VPC; without NAT, so are the other AWS APIs operators need.
 * The endpoints share a security group that admits HTTPS from inside the VPC.
 *
 * <p>Database subnets share one route table with only the implicit local route: no NAT, no internet
 * gateway, so the database cannot reach or be reached from the internet even if a security group is
 * misconfigured.
 */
public final class Network extends Construct {

    private static final String ANYWHERE = "0.0.0.0/0";

    /** Reached through an endpoint in every environment: the rotation function talks to nothing outside the VPC. */
    public static final String SECRETS_MANAGER = "secretsmanager";

    /**
     * What instances in the application subnets and the database's operators need from AWS when there is no NAT:
     * Session Manager, secrets, keys, logs and metrics.
     */
    public static final List<String> ENDPOINT_SERVICES = List.of(
            "ssm", "ssmmessages", "ec2messages", SECRETS_MANAGER, "kms", "logs", "monitoring");

    // Ids are read once: every read of a resource attribute is a round trip to jsii's Node process.
    private final Vpc vpc;
    private final String vpcId;
    private final List<String> publicSubnetIds = new ArrayList<>();
    private final List<String> applicationSubnetIds = new ArrayList<>();
    private final List<String> databaseSubnetIds = new ArrayList<>();
    private final String applicationSecurityGroupId;
    private final String endpointsSecurityGroupId;

    public Network(Construct scope, String id, NetworkProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        NetworkConfig layout = props.layout();

        vpc = new Vpc(this, "vpc", VpcConfig.builder()
                .cidrBlock(layout.vpcCidr().toString())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", names.name("vpc")))
                .build());
        vpcId = vpc.getId();
        List<String> zones = layout.availabilityZones();
        for (int i = 0; i < zones.size(); i++) {
            publicSubnetIds.add(subnet(names, "public", zones.get(i), layout.publicSubnets().get(i)));
            applicationSubnetIds.add(subnet(names, "application", zones.get(i), layout.applicationSubnets().get(i)));
            databaseSubnetIds.add(subnet(names, "database", zones.get(i), layout.databaseSubnets().get(i)));
        }

        InternetGateway internetGateway = new InternetGateway(this, "internet-gateway", InternetGatewayConfig.builder()
                .vpcId(vpcId)
                .tags(Map.of("Name", names.name("igw")))
                .build());
        String publicRoutes = routeTable(names, "public", zones, "public", publicSubnetIds);
        new Route(this, "public-default-route", RouteConfig.builder()
                .routeTableId(publicRoutes)
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(internetGateway.getId())
                .build());

        List<String> natGateways = natGateways(names, zones, layout.natGateways().count(zones.size()), internetGateway);
        for (int i = 0; i < zones.size(); i++) {
            String applicationRoutes = routeTable(names, "application-" + zones.get(i), List.of(zones.get(i)), "application",
                    List.of(applicationSubnetIds.get(i)));
            if (!natGateways.isEmpty()) {
                new Route(this, "application-default-route-" + zones.get(i), RouteConfig.builder()
                        .routeTableId(applicationRoutes)
                        .destinationCidrBlock(ANYWHERE)
                        .natGatewayId(natGateways.get(Math.min(i, natGateways.size() - 1)))
                        .build());
            }
        }
        routeTable(names, "database", zones, "database", databaseSubnetIds);
        endpointsSecurityGroupId = interfaceEndpoints(names, layout.vpcCidr(),
                natGateways.isEmpty() ? ENDPOINT_SERVICES : List.of(SECRETS_MANAGER));

        flowLogs(names, props.accountId(), layout.flowLogRetentionDays(), layout.protectFlowLogs());

        // Terraform adopts the VPC's default group and, given no rules, removes AWS's allow-all defaults,
        // so nothing that lands in it by accident can talk to anything.
        new DefaultSecurityGroup(this, "default-security-group", DefaultSecurityGroupConfig.builder()
                .vpcId(vpcId)
                .tags(Map.of("Name", names.name("default-locked")))
                .build());

        applicationSecurityGroupId = new SecurityGroup(this, "application-security-group", SecurityGroupConfig.builder()
                .name(names.name("application"))
                .description("Attach to application tiers that connect to the " + names.environment() + " database")
                .vpcId(vpcId)
                .tags(Map.of("Name", names.name("application")))
                .build()).getId();
        for (int i = 0; i < zones.size(); i++) {
            Ipv4Cidr databaseSubnet = layout.databaseSubnets().get(i);
            TcpRules.allowOut(this, "application-to-database-" + zones.get(i), applicationSecurityGroupId, TcpRules.POSTGRES,
                    Peer.cidr(databaseSubnet.toString()), "PostgreSQL to the database subnet in " + zones.get(i));
        }
    }

    private String subnet(ResourceNames names, String tier, String zone, Ipv4Cidr block) {
        return new Subnet(this, tier + "-subnet-" + zone, SubnetConfig.builder()
                .vpcId(vpcId)
                .availabilityZone(zone)
                .cidrBlock(block.toString())
                .mapPublicIpOnLaunch(false)
                .tags(Map.of("Name", names.name(tier + "-" + zone), "Tier", tier))
                .build()).getId();
    }

    /** A route table for the subnets of {@code tier} in {@code zones} (ids in the same order); returns its id. */
    private String routeTable(ResourceNames names, String purpose, List<String> zones, String tier, List<String> subnetIds) {
        String table = new RouteTable(this, purpose + "-routes", RouteTableConfig.builder()
                .vpcId(vpcId)
                .tags(Map.of("Name", names.name(purpose)))
                .build()).getId();
        for (int i = 0; i < zones.size(); i++) {
            new RouteTableAssociation(this, purpose + "-routes-" + tier + "-subnet-" + zones.get(i), RouteTableAssociationConfig.builder()
                    .routeTableId(table)
                    .subnetId(subnetIds.get(i))
                    .build());
        }
        return table;
    }

    private List<String> natGateways(ResourceNames names, List<String> zones, int count, InternetGateway internetGateway) {
        List<String> gateways = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String zone = zones.get(i);
            Eip address = new Eip(this, "nat-address-" + zone, EipConfig.builder()
                    .domain("vpc")
                    .tags(Map.of("Name", names.name("nat-" + zone)))
                    .build());
            gateways.add(new NatGateway(this, "nat-gateway-" + zone, NatGatewayConfig.builder()
                    .allocationId(address.getId())
                    .subnetId(publicSubnetIds.get(i))
                    .tags(Map.of("Name", names.name("nat-" + zone)))
                    // A NAT gateway needs the internet gateway attached before it can route.
                    .dependsOn(List.of(internetGateway))
                    .build()).getId());
        }
        return gateways;
    }

    /** Interface endpoints for {@code services} in the application subnets; returns their security group's id. */
    private String interfaceEndpoints(ResourceNames names, Ipv4Cidr vpcCidr, List<String> services) {
        SecurityGroup endpoints = new SecurityGroup(this, "endpoints-security-group", SecurityGroupConfig.builder()
                .name(names.name("endpoints"))
                .description("Interface endpoints: HTTPS from inside the VPC only")
                .vpcId(vpcId)
                .tags(Map.of("Name", names.name("endpoints")))
                .build());
        String groupId = endpoints.getId();
        TcpRules.allowIn(this, "endpoints-from-vpc", groupId, TcpRules.HTTPS, Peer.cidr(vpcCidr.toString()), "HTTPS from the VPC");
        for (String service : services) {
            new VpcEndpoint(this, "endpoint-" + service, VpcEndpointConfig.builder()
                    .vpcId(vpcId)
                    .serviceName("com.amazonaws." + names.region() + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(applicationSubnetIds)
                    .securityGroupIds(List.of(groupId))
                    .tags(Map.of("Name", names.name(service)))
                    .build());
        }
        return groupId;
    }

    private void flowLogs(ResourceNames names, String accountId, int retentionDays, boolean protect) {
        String logGroupName = "/aws/vpc/" + names.name("flow-logs");
        String region = names.region();
        EncryptionKey key = new EncryptionKey(this, "flow-logs-key", new EncryptionKeyProps(
                names.name("flow-logs"),
                "Encrypts the " + names.environment() + " VPC flow logs",
                accountId,
                region,
                protect));
        key.grantLogGroups("CloudWatchLogsUsesKeyForFlowLogs", List.of(logGroupName));
        CloudwatchLogGroup logGroup = new CloudwatchLogGroup(this, "flow-logs", CloudwatchLogGroupConfig.builder()
                .name(logGroupName)
                .retentionInDays(retentionDays)
                .kmsKeyId(key.arn())
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(protect).build())
                .build());
        String logGroupArn = logGroup.getArn();
        IamRole role = new IamRole(this, "flow-logs-role", IamRoleConfig.builder()
                .name(names.iamRoleName("flow-logs"))
                .assumeRolePolicy(PolicyStatement.document(this, "flow-logs-trust", List.of(
                        PolicyStatement.allow("VpcFlowLogsAssumesRole")
                                .service("vpc-flow-logs.amazonaws.com")
                                .actions("sts:AssumeRole")
                                .condition("StringEquals", "aws:SourceAccount", accountId))).getJson())
                .build());
        IamRolePolicy delivery = new IamRolePolicy(this, "flow-logs-delivery", IamRolePolicyConfig.builder()
                .name("deliver-to-" + names.name("flow-logs"))
                .role(role.getId())
                .policy(PolicyStatement.document(this, "flow-logs-delivery-policy", List.of(
                        PolicyStatement.allow("WriteToOwnLogGroup")
                                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                                .resources(logGroupArn, logGroupArn + ":*"),
                        PolicyStatement.allow("FindOwnLogGroup")
                                .actions("logs:DescribeLogGroups")
                                .resources("arn:aws:logs:" + region + ":" + accountId + ":log-group:*"))).getJson())
                .build());
        new FlowLog(this, "flow-log", FlowLogConfig.builder()
                .vpcId(vpcId)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroupArn)
                .iamRoleArn(role.getArn())
                .maxAggregationInterval(60)
                .tags(Map.of("Name", names.name("flow-log")))
                // Delivery starts at once: a flow log made before its role may write reports an access error, which
                // a later policy does not clear.
                .dependsOn(List.of(delivery))
                .build());
    }

    public Vpc vpc() {
        return vpc;
    }

    public List<String> publicSubnetIds() {
        return List.copyOf(publicSubnetIds);
    }

    public List<String> applicationSubnetIds() {
        return List.copyOf(applicationSubnetIds);
    }

    public List<String> databaseSubnetIds() {
        return List.copyOf(databaseSubnetIds);
    }

    public String applicationSecurityGroupId() {
        return applicationSecurityGroupId;
    }

    /** The group of the interface endpoints: HTTPS to it reaches Secrets Manager (and, without NAT, the other APIs). */
    public String endpointsSecurityGroupId() {
        return endpointsSecurityGroupId;
    }
}

package com.storefront.platform.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.NatGateways;
import com.storefront.platform.config.Tier;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkTest {

    private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void protectsTheFlowLogKeyAndLogsWhereTheEnvironmentAsks(boolean protect) {
        StackJson json = synth(NatGateways.ONE_PER_AZ, protect);

        json.check(json.onlyResource("aws_kms_key").at("/lifecycle/prevent_destroy").asBoolean() == protect
                && json.onlyResource("aws_cloudwatch_log_group").at("/lifecycle/prevent_destroy").asBoolean() == protect,
                "without the key the retained flow logs are unreadable: both are kept, or neither, prevent_destroy " + protect);
    }

    @Test
    void createsOnePublicApplicationAndDatabaseSubnetPerZone() {
        StackJson json = synth(NatGateways.ONE_PER_AZ);

        for (String tier : List.of("public", "application", "database")) {
            Set<String> zones = json.resources("aws_subnet", s -> s.path("tags").path("Tier").asText().equals(tier)).stream()
                    .map(s -> s.path("availability_zone").asText())
                    .collect(Collectors.toSet());
            json.check(zones.equals(Set.copyOf(ZONES)), tier + " subnets should cover each zone once, got " + zones);
        }
        json.check(json.resources("aws_subnet").size() == 9, "expected 3 tiers x 3 zones of subnets");
    }

    @Test
    void databaseSubnetsRouteOnlyWithinTheVpc() {
        StackJson json = synth(NatGateways.ONE_PER_AZ);

        Set<String> databaseSubnets = json.resources("aws_subnet").entrySet().stream()
                .filter(e -> e.getValue().path("tags").path("Tier").asText().equals("database"))
                .map(e -> StackJson.reference("aws_subnet", e.getKey(), "id"))
                .collect(Collectors.toSet());
        Set<String> databaseRouteTables = json.resources("aws_route_table_association").values().stream()
                .filter(a -> databaseSubnets.contains(a.path("subnet_id").asText()))
                .map(a -> a.path("route_table_id").asText())
                .collect(Collectors.toSet());

        json.check(databaseRouteTables.size() == 1, "database subnets should share one route table, got " + databaseRouteTables);
        List<JsonNode> routesOut = json.resources("aws_route",
                r -> databaseRouteTables.contains(r.path("route_table_id").asText()));
        json.check(routesOut.isEmpty(), "database route table must have no route to a NAT or internet gateway: " + routesOut);
        json.resources("aws_route_table").values().forEach(table ->
                json.check(table.path("route").isMissingNode() || table.path("route").isEmpty(),
                        "route tables must not carry inline routes"));
    }

    @ParameterizedTest
    @EnumSource(NatGateways.class)
    void createsAsManyNatGatewaysAsTheEnvironmentAsks(NatGateways nat) {
        StackJson json = synth(nat);

        json.check(json.resources("aws_nat_gateway").size() == nat.count(ZONES.size()),
                nat + " should create " + nat.count(ZONES.size()) + " NAT gateways");
        json.check(json.resources("aws_eip").size() == nat.count(ZONES.size()), "one elastic IP per NAT gateway");
        List<JsonNode> natRoutes = json.resources("aws_route", r -> r.has("nat_gateway_id"));
        json.check(natRoutes.size() == (nat == NatGateways.NONE ? 0 : ZONES.size()),
                "every application route table routes through a NAT gateway when there is one, got " + natRoutes.size());
    }

    @ParameterizedTest
    @EnumSource(NatGateways.class)
    void reachesSecretsManagerPrivatelyEverywhereAndTheOtherApisOnlyWhereThereIsNoNat(NatGateways nat) {
        StackJson json = synth(nat);

        Set<String> services = json.resources("aws_vpc_endpoint").values().stream()
                .map(e -> e.path("service_name").asText())
                .collect(Collectors.toSet());

        Set<String> expected = (nat == NatGateways.NONE
                ? Set.of("ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "logs", "monitoring") : Set.of("secretsmanager")).stream()
                .map(s -> "com.amazonaws.eu-west-1." + s).collect(Collectors.toSet());
        json.check(services.equals(expected), nat + " should create endpoints " + expected + ", got " + services);
        json.resources("aws_vpc_endpoint").values().forEach(endpoint -> json.check(
                endpoint.path("vpc_endpoint_type").asText().equals("Interface") && endpoint.path("private_dns_enabled").asBoolean()
                        && endpoint.path("security_group_ids").size() == 1, "private-DNS interface endpoint with its own group: " + endpoint));
    }

    @Test
    void sendsEveryZoneThroughItsOwnNatGatewayWhenOnePerZone() {
        StackJson json = synth(NatGateways.ONE_PER_AZ);

        Set<String> gatewaysUsed = json.resources("aws_route", r -> r.has("nat_gateway_id")).stream()
                .map(r -> r.path("nat_gateway_id").asText())
                .collect(Collectors.toSet());

        json.check(gatewaysUsed.size() == ZONES.size(), "each zone's application routes use a distinct NAT, got " + gatewaysUsed);
    }

    @Test
    void publicSubnetsReachTheInternetThroughTheInternetGateway() {
        StackJson json = synth(NatGateways.SINGLE);

        String gateway = StackJson.reference("aws_internet_gateway", json.logicalId("aws_internet_gateway", g -> true), "id");

        json.check(json.resources("aws_route", r -> gateway.equals(r.path("gateway_id").asText())
                && r.path("destination_cidr_block").asText().equals("0.0.0.0/0")).size() == 1,
                "exactly one default route via the internet gateway (the public route table)");
    }

    @Test
    void capturesAllTrafficInFlowLogsEncryptedAndRetained() {
        StackJson json = synth(NatGateways.SINGLE);

        JsonNode logGroup = json.onlyResource("aws_cloudwatch_log_group");
        JsonNode flowLog = json.onlyResource("aws_flow_log");

        json.check(logGroup.path("retention_in_days").asInt() == 365, "prod keeps flow logs 365 days");
        json.check(logGroup.path("kms_key_id").asText().startsWith("${aws_kms_key."), "log group encrypted with the customer key");
        json.check(flowLog.path("traffic_type").asText().equals("ALL"), "flow log captures all traffic");
        json.check(flowLog.path("log_destination").asText().contains("aws_cloudwatch_log_group."), "flow log delivers to the log group");
        json.check(StackJson.strings(flowLog.path("depends_on")).equals(Set.of("aws_iam_role_policy." + json.logicalId("aws_iam_role_policy", p -> true))),
                "made once its role may write: " + flowLog);
        json.check(json.onlyResource("aws_kms_key").path("enable_key_rotation").asBoolean(), "flow log key rotates");
    }

    @Test
    void namesTheFlowLogRoleAfterEnvironmentAndRegion() {
        StackJson json = synth(NatGateways.SINGLE);

        json.assertHasResourceWithProperties("aws_iam_role", Map.of("name", "storefront-prod-eu-west-1-flow-logs"));
    }

    @Test
    void stripsEveryRuleFromTheDefaultSecurityGroup() {
        StackJson json = synth(NatGateways.SINGLE);

        JsonNode defaultGroup = json.onlyResource("aws_default_security_group");

        json.check(!defaultGroup.has("ingress") || defaultGroup.path("ingress").isEmpty(), "default security group has no ingress");
        json.check(!defaultGroup.has("egress") || defaultGroup.path("egress").isEmpty(), "default security group has no egress");
    }

    @Test
    void letsTheApplicationSecurityGroupReachOnlyPostgresInTheDatabaseSubnets() {
        StackJson json = synth(NatGateways.SINGLE);

        List<JsonNode> egress = List.copyOf(json.resources("aws_vpc_security_group_egress_rule").values());

        Set<String> destinations = egress.stream().map(r -> r.path("cidr_ipv4").asText()).collect(Collectors.toSet());
        json.check(destinations.equals(Set.of("10.30.160.0/20", "10.30.176.0/20", "10.30.192.0/20")),
                "egress only to the three database subnets, got " + destinations);
        for (JsonNode rule : egress) {
            json.check(rule.path("from_port").asInt() == 5432 && rule.path("to_port").asInt() == 5432, "only port 5432");
        }
        json.check(json.resources("aws_security_group").size() == 2, "the application group and the endpoints' group");
    }

    @Test
    void admitsOnlyHttpsFromTheVpcToTheEndpoints() {
        StackJson json = synth(NatGateways.SINGLE);

        List<JsonNode> ingress = List.copyOf(json.resources("aws_vpc_security_group_ingress_rule").values());

        json.check(ingress.size() == 1 && ingress.get(0).path("cidr_ipv4").asText().equals("10.30.0.0/16")
                && ingress.get(0).path("from_port").asInt() == 443 && ingress.get(0).path("to_port").asInt() == 443,
                "one rule: HTTPS from the VPC, got " + ingress);
    }

    private static StackJson synth(NatGateways nat) {
        return synth(nat, true);
    }

    private static StackJson synth(NatGateways nat, boolean protectFlowLogs) {
        EnvironmentConfig environment = EnvironmentConfig.builder("prod", Tier.PROD)
                .region("eu-west-1")
                .accountId("333333333333")
                .stateBucket("storefront-prod-tfstate")
                .network(n -> n.vpcCidr("10.30.0.0/16").natGateways(nat).protectFlowLogs(protectFlowLogs))
                // A bastion needs NAT (EnvironmentConfig).
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")).access(a -> a.bastion(nat != NatGateways.NONE)))
                .build();
        return TestStacks.construct(stack -> new Network(stack, "network",
                new NetworkProps(ResourceNames.of(environment), environment.accountId(), environment.network())));
    }
}

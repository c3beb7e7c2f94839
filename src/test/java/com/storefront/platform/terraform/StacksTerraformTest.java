package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.testing.OfflinePlans;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stack, planned offline by the real Terraform CLI and AWS provider (a plan validates the configuration
 * first), read back as JSON.
 */
@Tag("terraform")
class StacksTerraformTest {

    private static final List<String> ENDPOINTS_WITHOUT_NAT = List.of("ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "logs",
            "monitoring");

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyNetworkPlansOfflineWithTheResourcesItsConfigAsksFor(EnvironmentConfig environment) {
        JsonNode plan = OfflinePlans.of("network-" + environment.name());

        assertEquals(expectedNetwork(environment), OfflinePlans.countByType(plan, "[\"create\"]"));
        assertEquals(Map.of(), OfflinePlans.countByType(plan, "[\"delete\"]"));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyDatabasePlansOfflineWithAPrimaryAndItsReplicasAndNoPassword(EnvironmentConfig environment) {
        JsonNode plan = OfflinePlans.of("database-" + environment.name());

        Map<String, Integer> created = OfflinePlans.countByType(plan, "[\"create\"]");
        int replicas = environment.database().readReplicas();
        assertEquals(1 + replicas, created.get("aws_db_instance"), created.toString());
        assertEquals(2 * (1 + replicas), created.get("aws_cloudwatch_log_group"), created.toString());
        int proxies = environment.database().proxy().enabled() ? 1 : 0;
        assertEquals(proxies, created.getOrDefault("aws_db_proxy", 0), created.toString());
        // The master's credentials, and the proxy's.
        assertEquals(1 + proxies, created.get("aws_secretsmanager_secret_version"), created.toString());
        // The environment's key, and with disaster recovery the key of the copies in the other region.
        boolean recovery = environment.database().backups().disasterRecovery() != null;
        assertEquals(recovery ? 2 : 1, created.get("aws_kms_key"), created.toString());
        if (recovery) {
            // The environment's vault and the recovery vault; one plan of daily and monthly rules; the primary selected.
            assertEquals(2, created.get("aws_backup_vault"), created.toString());
            assertEquals(1, created.get("aws_backup_plan"), created.toString());
            assertEquals(1, created.get("aws_backup_selection"), created.toString());
        } else {
            assertEquals(null, created.get("aws_backup_plan"), created.toString());
        }
        // The export bucket, and the bucket its access logs go to.
        assertEquals(2, created.get("aws_s3_bucket"), created.toString());
        assertEquals(1, created.get("aws_s3_bucket_logging"), created.toString());
        assertEquals(Map.of(), OfflinePlans.countByType(plan, "[\"delete\"]"));
        for (JsonNode change : plan.path("resource_changes")) {
            JsonNode after = change.at("/change/after");
            for (String secret : new String[] {"password", "password_wo", "secret_string", "secret_string_wo"}) {
                assertTrue(after.path(secret).isMissingNode() || after.path(secret).isNull(),
                        change.path("address").asText() + " plans a value for " + secret + ": " + after.path(secret));
            }
        }
        // The stand-in is a literal of the offline configuration (which the plan repeats under
        // "configuration"), but as a write-only value it must never appear among planned values.
        assertTrue(!plan.path("planned_values").toString().contains("offline-plan-stand-in")
                && !plan.path("resource_changes").toString().contains("offline-plan-stand-in"),
                "the password stand-in must not appear among planned values");
    }

    private static Map<String, Integer> expectedNetwork(EnvironmentConfig environment) {
        int zones = environment.network().availabilityZones().size();
        int nat = environment.network().natGateways().count(zones);
        Map<String, Integer> expected = new TreeMap<>();
        expected.put("aws_vpc", 1);
        expected.put("aws_subnet", 3 * zones);
        expected.put("aws_internet_gateway", 1);
        expected.put("aws_route_table", 1 + zones + 1);
        expected.put("aws_route_table_association", 3 * zones);
        expected.put("aws_route", 1 + (nat > 0 ? zones : 0));
        if (nat > 0) {
            expected.put("aws_eip", nat);
            expected.put("aws_nat_gateway", nat);
        }
        expected.put("aws_kms_key", 1);
        expected.put("aws_kms_alias", 1);
        expected.put("aws_cloudwatch_log_group", 1);
        expected.put("aws_iam_role", 1);
        expected.put("aws_iam_role_policy", 1);
        expected.put("aws_flow_log", 1);
        expected.put("aws_default_security_group", 1);
        // The application group, and the group of the interface endpoints: Secrets Manager's everywhere, the rest without NAT.
        expected.put("aws_security_group", 2);
        expected.put("aws_vpc_security_group_egress_rule", zones);
        expected.put("aws_vpc_security_group_ingress_rule", 1);
        expected.put("aws_vpc_endpoint", nat == 0 ? ENDPOINTS_WITHOUT_NAT.size() : 1);
        return expected;
    }
}

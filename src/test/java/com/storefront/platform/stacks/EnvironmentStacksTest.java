package com.storefront.platform.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.database.DatabaseStack;
import com.storefront.platform.network.NetworkStack;
import com.storefront.platform.support.AwsDeployment;
import com.storefront.platform.support.Deployment;
import com.storefront.platform.support.EnvironmentStack;
import com.storefront.platform.support.NetworkOutput;
import com.storefront.platform.testing.StackJson;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every environment's stacks keep, checked on the stacks as {@code Main} builds them for AWS. */
class EnvironmentStacksTest {

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void configuresOneTaggedProviderLockedToTheEnvironmentsAccount(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            JsonNode providers = json.at("/provider/aws");

            json.check(providers.size() == 1, "one AWS provider per stack");
            JsonNode provider = providers.get(0);
            json.check(provider.path("region").asText().equals(environment.region()), "provider region");
            json.check(provider.path("allowed_account_ids").toString().equals("[\"" + environment.accountId() + "\"]"),
                    "provider refuses every account but the environment's");
            JsonNode tags = provider.at("/default_tags/0/tags");
            json.check(tags.path("Project").asText().equals("storefront")
                    && tags.path("Environment").asText().equals(environment.name())
                    && tags.path("ManagedBy").asText().equals("cdktf")
                    && tags.has("Component"), "default tags Project, Environment, Component, ManagedBy: " + tags);
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void requiresAnAwsProviderVersionThatAcceptsTheMirroredRelease(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            json.check(json.at("/terraform/required_providers/aws/version").asText().equals("~> 5.100"),
                    "aws provider constraint must accept 5.100.0 and stay within 5.x");
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void storesEachStackInItsOwnEncryptedLockedS3State(EnvironmentConfig environment) {
        Stacks stacks = Stacks.of(environment);

        assertBackend(stacks.network(), environment, "storefront/network-" + environment.name() + ".tfstate");
        assertBackend(stacks.database(), environment, "storefront/database-" + environment.name() + ".tfstate");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void readsTheNetworkStateExactlyWhereTheNetworkStackWritesIt(EnvironmentConfig environment) {
        Stacks stacks = Stacks.of(environment);

        JsonNode written = stacks.network().at("/terraform/backend/s3");
        JsonNode read = stacks.database().at("/data/terraform_remote_state/network");

        stacks.database().check(read.path("backend").asText().equals("s3"), "remote state uses the S3 backend");
        for (String field : new String[] {"bucket", "key", "region"}) {
            stacks.database().check(read.path("config").path(field).equals(written.path(field)),
                    "remote state " + field + " must equal the network backend's " + written.path(field));
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void publishesEveryNetworkOutputTheDatabaseReads(EnvironmentConfig environment) {
        Stacks stacks = Stacks.of(environment);

        for (NetworkOutput output : NetworkOutput.values()) {
            stacks.network().output(output.outputName());
        }
        String reads = stacks.database().raw();
        stacks.database().check(reads.contains("data.terraform_remote_state.network.outputs.database_subnet_ids")
                && reads.contains("data.terraform_remote_state.network.outputs.application_security_group_id")
                && reads.contains("data.terraform_remote_state.network.outputs.vpc_id"),
                "database stack reads the network through the named outputs");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void neverOpensPostgresToACidrRange(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            json.resources("aws_vpc_security_group_ingress_rule").values().forEach(rule ->
                    json.check(!rule.has("cidr_ipv4") && !rule.has("cidr_ipv6") && rule.has("referenced_security_group_id"),
                            "ingress only from security groups, never from a CIDR: " + rule));
            json.resources("aws_security_group").values().forEach(group ->
                    json.check(!group.has("ingress"), "no inline ingress rules: " + group));
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void placesTheDatabaseInTheIsolatedSubnetsBehindItsOwnSecurityGroup(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();

        database.check(database.onlyResource("aws_db_subnet_group").path("subnet_ids").asText()
                .equals("${data.terraform_remote_state.network.outputs.database_subnet_ids}"), "subnet group over the database subnets");
        database.assertHasResourceWithProperties("aws_vpc_security_group_ingress_rule", Map.of(
                "from_port", 5432, "to_port", 5432, "ip_protocol", "tcp",
                "referenced_security_group_id", "${data.terraform_remote_state.network.outputs.application_security_group_id}"));
        database.output("database_security_group_id");
        database.output("db_subnet_group_name");
    }

    private static void assertBackend(StackJson json, EnvironmentConfig environment, String key) {
        JsonNode backend = json.at("/terraform/backend/s3");
        json.check(backend.path("bucket").asText().equals(environment.stateBackend().bucket()), "state bucket");
        json.check(backend.path("key").asText().equals(key), "state key " + key);
        json.check(backend.path("region").asText().equals(environment.stateBackend().region()), "state region");
        json.check(backend.path("encrypt").asBoolean(), "state encrypted");
        json.check(backend.path("kms_key_id").asText().equals("alias/" + environment.stateBackend().bucket()),
                "state encrypted with the state bucket's own key");
        json.check(backend.path("use_lockfile").asBoolean(), "S3-native state locking");
    }

    /** Both stacks of one environment, built and given backends as {@code Main} does. */
    record Stacks(StackJson network, StackJson database) {

        static Stacks of(EnvironmentConfig environment) {
            App app = Testing.app();
            Deployment deployment = new AwsDeployment();
            EnvironmentStack network = new NetworkStack(app, environment, deployment);
            EnvironmentStack database = new DatabaseStack(app, environment, deployment);
            deployment.attachBackend(network);
            deployment.attachBackend(database);
            return new Stacks(StackJson.synth(network), StackJson.synth(database));
        }

        StackJson[] both() {
            return new StackJson[] {network, database};
        }
    }
}

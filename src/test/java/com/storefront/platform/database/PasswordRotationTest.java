package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduled rotation of the master password in every environment's database stack. */
class PasswordRotationTest {

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    static Stream<EnvironmentConfig> environmentsWithRotation() {
        List<EnvironmentConfig> rotating = Environments.all().stream().filter(e -> e.database().credentials().rotationDays() != null).toList();
        assertFalse(rotating.isEmpty(), "no environment rotates its master password: the tests of rotation would check nothing");
        return rotating.stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void rotatesTheMasterPasswordOnTheEnvironmentsScheduleWithAwsFunction(EnvironmentConfig environment) {
        StackJson database = database(environment);
        Integer days = environment.database().credentials().rotationDays();

        if (days == null) {
            database.check(database.resources("aws_secretsmanager_secret_rotation").isEmpty()
                    && database.resources("aws_serverlessapplicationrepository_cloudformation_stack").isEmpty(), "no rotation where none is asked");
            return;
        }
        JsonNode schedule = database.onlyResource("aws_secretsmanager_secret_rotation");
        JsonNode function = database.onlyResource("aws_serverlessapplicationrepository_cloudformation_stack");

        database.check(schedule.at("/rotation_rules/automatically_after_days").asInt() == days, "every " + days + " days: " + schedule);
        database.check(schedule.path("rotate_immediately").asBoolean(), "the first rotation runs at deploy");
        database.check(schedule.path("secret_id").asText().startsWith("${aws_secretsmanager_secret.master-secret"), "the master secret");
        database.check(schedule.path("rotation_lambda_arn").asText().contains(".outputs[\"RotationLambdaARN\"]"), "AWS's function: " + schedule);
        database.check(function.path("application_id").asText().equals(PasswordRotation.APPLICATION_ID), "AWS's single-user PostgreSQL function");
        JsonNode parameters = function.path("parameters");
        database.check(parameters.path("endpoint").asText().equals("https://secretsmanager." + environment.region() + ".amazonaws.com")
                && parameters.path("vpcSubnetIds").asText().contains("application_subnet_ids")
                && parameters.path("kmsKeyArn").asText().startsWith("${aws_kms_key."), "in the application subnets, with the key: " + parameters);
        Set<String> waitsFor = StackJson.strings(schedule.path("depends_on"));
        database.check(waitsFor.stream().anyMatch(d -> d.startsWith("aws_secretsmanager_secret_version."))
                && waitsFor.stream().anyMatch(d -> d.contains("from-password-rotation")), "starts once the secret and the path in exist: " + waitsFor);
        // The roles script logs in with the master password, which the first rotation changes.
        database.check(waitsFor.stream().anyMatch(d -> d.startsWith("aws_ssm_association.roles_run_")) == environment.database().access().bastion(),
                "after the roles script's run on the bastion, where there is one: " + waitsFor);
    }

    @ParameterizedTest
    @MethodSource("environmentsWithRotation")
    void letsTheRotationFunctionReachOnlyTheDatabaseAndTheSecretsManagerEndpoint(EnvironmentConfig environment) {
        StackJson database = database(environment);
        String group = StackJson.reference("aws_security_group",
                database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-password-rotation")), "id");
        String databaseGroup = StackJson.reference("aws_security_group",
                database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-postgres")), "id");

        List<String> egress = database.resources("aws_vpc_security_group_egress_rule", r -> r.path("security_group_id").asText().equals(group))
                .stream().map(r -> r.path("to_port").asInt() + "->" + r.path("referenced_security_group_id").asText()).toList();
        List<JsonNode> ingress = database.resources("aws_vpc_security_group_ingress_rule",
                r -> r.path("referenced_security_group_id").asText().equals(group));

        database.check(Set.copyOf(egress).equals(Set.of("5432->" + databaseGroup,
                "443->${data.terraform_remote_state.network.outputs.endpoints_security_group_id}")), "egress: " + egress);
        database.check(ingress.size() == 1 && ingress.get(0).path("security_group_id").asText().equals(databaseGroup)
                && ingress.get(0).path("from_port").asInt() == PostgresDatabase.PORT, "the database lets the function in: " + ingress);
        database.check(database.resources("aws_vpc_security_group_ingress_rule", r -> r.path("security_group_id").asText().equals(group)).isEmpty(),
                "nothing may connect to the function");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void writesTheKeysTheRotationFunctionReadsIntoTheSecret(EnvironmentConfig environment) {
        StackJson database = database(environment);

        JsonNode version = database.onlyResource("aws_secretsmanager_secret_version", v -> v.path("secret_id").asText().contains("master-secret"));
        String value = version.path("secret_string_wo").asText();

        Set<String> keys = Stream.of("engine", "host", "port", "username", "password", "dbname")
                .filter(key -> value.contains(key + " = ")).collect(Collectors.toSet());
        database.check(keys.size() == 6, "engine, host, port, username, password and dbname in " + value);
        String primary = "aws_db_instance." + database.logicalId("aws_db_instance", i -> !i.has("replicate_source_db"));
        database.check(value.contains("host = " + primary + ".address") && value.contains("username = " + primary + ".username")
                && value.contains("dbname = " + primary + ".db_name"), "the primary's host, master user and database, a snapshot's if restored: " + value);
        database.check(StackJson.strings(version.at("/lifecycle/replace_triggered_by")).equals(Set.of(primary + ".resource_id")),
                "a new primary, made with this apply's password, writes it into the secret: " + version);
        database.check(!version.has("version_stages"),
                "Terraform leaves staging labels to the rotation");
    }

    private static StackJson database(EnvironmentConfig environment) {
        return SynthesizedStacks.forAws().stack("database-" + environment.name());
    }
}

package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The database roles, created on deploy by the bastion where there is one, and published as a script everywhere. */
class RoleProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    static Stream<EnvironmentConfig> environmentsWithABastion() {
        List<EnvironmentConfig> withBastion = Environments.all().stream().filter(e -> e.database().access().bastion()).toList();
        assertFalse(withBastion.isEmpty(), "no environment has a bastion: the tests of what it runs would check nothing");
        return withBastion.stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void publishesTheRolesScriptAndHowToRunIt(EnvironmentConfig environment) {
        StackJson database = database(environment);

        String script = database.output(DatabaseOutput.DATABASE_ROLES_SQL.outputName()).path("value").asText();
        String command = database.output(DatabaseOutput.DATABASE_ROLES_COMMAND.outputName()).path("value").asText();

        database.check(script.equals(roles(environment).psqlScript()), "the script of the declared roles: " + script);
        for (var role : environment.database().access().roles()) {
            database.check(script.contains("CREATE ROLE \"" + role.name() + "\" LOGIN"), "creates " + role.name());
        }
        if (environment.database().access().bastion()) {
            database.check(command.startsWith("aws ssm start-associations-once --region " + environment.region() + " --association-ids ${aws_ssm_association."),
                    "runs it again on the bastion: " + command);
        } else {
            database.check(command.startsWith("terraform output -raw database_roles_sql > roles.sql && PGPASSWORD=<master password> psql \"host=${aws_db_instance.postgres_primary_")
                    && command.contains("user=" + environment.database().credentials().masterUsername()) && command.contains("sslmode=verify-full"),
                    "says how to run it by hand: " + command);
            database.check(database.resources("aws_ssm_association").isEmpty(), "nothing runs it without a bastion");
        }
    }

    @ParameterizedTest
    @MethodSource("environmentsWithABastion")
    void runsTheScriptOnTheBastionAgainWheneverTheDeclaredRolesChange(EnvironmentConfig environment) throws Exception {
        StackJson database = database(environment);

        JsonNode document = database.onlyResource("aws_ssm_document");
        JsonNode run = database.onlyResource("aws_ssm_association");
        JsonNode content = JSON.readTree(document.path("content").asText());
        List<String> lines = new ArrayList<>();
        content.at("/mainSteps/0/inputs/runCommand").forEach(line -> lines.add(line.asText()));

        database.check(document.path("document_type").asText().equals("Command") && content.at("/mainSteps/0/action").asText().equals("aws:runShellScript"),
                "a Run Command shell document: " + document);
        String heredoc = String.join("\n", lines.subList(lines.indexOf("cat > roles.sql <<'SQL'") + 1, lines.indexOf("SQL")));
        database.check((heredoc + "\n").equals(roles(environment).psqlScript()), "the document holds the script: " + heredoc);
        database.check(lines.get(lines.size() - 1).contains("sslmode=verify-full sslrootcert=rds-ca.pem\" -X -v ON_ERROR_STOP=1"), "over verified TLS: " + lines);
        database.check(run.path("document_version").asText().equals("${aws_ssm_document." + database.logicalId("aws_ssm_document", d -> true) + ".latest_version}"),
                "names the latest version, so a new script runs again: " + run);
        database.check(run.at("/targets/0/values/0").asText().startsWith("${aws_instance.access_bastion_"), "on the bastion: " + run);
        database.check(run.path("wait_for_success_timeout_seconds").asInt() == RoleProvisioning.WAIT_FOR_SUCCESS_SECONDS, "the deploy waits for it");
        // The provider waits for a run only when it creates the association.
        database.check(StackJson.strings(run.at("/lifecycle/replace_triggered_by"))
                        .equals(Set.of("aws_ssm_document." + database.logicalId("aws_ssm_document", d -> true),
                                "aws_db_instance." + database.logicalId("aws_db_instance", d -> !d.has("replicate_source_db")) + ".resource_id")),
                "a new script, or a new (empty) primary, replaces the association, whose run the deploy then waits for: " + run);
        Set<String> needs = StackJson.strings(run.path("depends_on"));
        database.check(needs.stream().anyMatch(d -> d.startsWith("aws_db_instance.postgres_primary_"))
                && needs.stream().anyMatch(d -> d.startsWith("aws_iam_role_policy.roles_read-secrets")), "after the primary and its grant: " + needs);
    }

    @ParameterizedTest
    @MethodSource("environmentsWithABastion")
    void letsTheBastionReadTheCredentialsTheScriptUsesAndNoOthers(EnvironmentConfig environment) {
        StackJson database = database(environment);

        JsonNode statement = database.dataSources("aws_iam_policy_document").entrySet().stream()
                .filter(e -> e.getKey().startsWith("roles_read-secrets-policy")).findFirst().orElseThrow().getValue().path("statement").get(0);

        Set<String> secrets = StackJson.strings(statement.path("resources"));
        Set<String> expected = environment.database().proxy().enabled()
                ? Set.of("${aws_secretsmanager_secret.master-secret_" , "${aws_secretsmanager_secret.proxy_secret_")
                : Set.of("${aws_secretsmanager_secret.master-secret_");
        database.check(secrets.size() == expected.size() && expected.stream().allMatch(prefix -> secrets.stream().anyMatch(s -> s.startsWith(prefix))),
                "the master's and the proxy's secrets: " + secrets);
    }

    private static DatabaseRoles roles(EnvironmentConfig environment) {
        var config = environment.database();
        return new DatabaseRoles(config.credentials().databaseName(), config.credentials().masterUsername(), config.access().roles(),
                config.proxy().enabled() ? config.access().applicationRole().name() : null);
    }

    private static StackJson database(EnvironmentConfig environment) {
        return SynthesizedStacks.forAws().stack("database-" + environment.name());
    }
}

package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.config.AlarmThresholds;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.config.ProxyConfig;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The RDS Proxy in front of the primary, where an environment has one. */
class DatabaseProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    static Stream<EnvironmentConfig> environmentsWithAProxy() {
        List<EnvironmentConfig> proxied = Environments.all().stream().filter(e -> e.database().proxy().enabled()).toList();
        assertFalse(proxied.isEmpty(), "no environment has an RDS Proxy: the tests of one would check nothing");
        return proxied.stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void poolsThePrimaryWithTlsRequiredAndIamTokensFromTheApplicationSubnets(EnvironmentConfig environment) {
        StackJson database = database(environment);
        if (!environment.database().proxy().enabled()) {
            database.check(database.resources("aws_db_proxy").isEmpty() && database.root().path("output").path(DatabaseOutput.PROXY_ENDPOINT.outputName()).isMissingNode(),
                    "no proxy where none is asked");
            return;
        }

        JsonNode proxy = database.onlyResource("aws_db_proxy");
        JsonNode auth = proxy.at("/auth/0");
        JsonNode target = database.onlyResource("aws_db_proxy_target");

        database.check(proxy.path("engine_family").asText().equals("POSTGRESQL") && proxy.path("require_tls").asBoolean(), "TLS: " + proxy);
        database.check(proxy.path("vpc_subnet_ids").asText().contains("application_subnet_ids"), "in the application subnets: " + proxy);
        database.check(proxy.path("auth").size() == 1 && auth.path("auth_scheme").asText().equals("SECRETS") && auth.path("iam_auth").asText().equals("REQUIRED")
                && auth.path("secret_arn").asText().startsWith("${aws_secretsmanager_secret.proxy_secret"), "IAM to the proxy, a secret to PostgreSQL: " + auth);
        database.check(target.path("db_instance_identifier").asText().startsWith("${aws_db_instance.postgres_primary_"), "the primary only: " + target);
        database.check(database.output(DatabaseOutput.PROXY_ENDPOINT.outputName()).path("value").asText().endsWith(".endpoint}"),
                "the endpoint is published");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void sendsTheProxysFailuresChangesAndDeletionToTheAlarmTopic(EnvironmentConfig environment) {
        StackJson database = database(environment);
        Predicate<JsonNode> ofTheProxy = s -> s.path("source_type").asText().equals("db-proxy");
        List<JsonNode> subscriptions = database.resources("aws_db_event_subscription", ofTheProxy);
        if (!environment.database().proxy().enabled()) {
            database.check(subscriptions.isEmpty(), "no proxy, no proxy events");
            return;
        }

        JsonNode events = database.onlyResource("aws_db_event_subscription", ofTheProxy);
        String proxy = database.logicalId("aws_db_proxy", p -> true);
        database.check(StackJson.strings(events.path("source_ids")).equals(Set.of(database.onlyResource("aws_db_proxy").path("name").asText()))
                        && StackJson.strings(events.path("event_categories")).equals(Set.of("configuration change", "deletion", "failure"))
                        && events.path("sns_topic").asText().startsWith("${aws_sns_topic.")
                        && StackJson.strings(events.path("depends_on")).equals(Set.of("aws_db_proxy." + proxy)),
                "the proxy's events to the alarm topic, once it exists: " + events);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void pagesWhenTheProxyCannotReachOrLogInToThePrimaryForTheAlarmWindow(EnvironmentConfig environment) {
        StackJson database = database(environment);
        Predicate<JsonNode> ofTheProxy = a -> a.path("dimensions").has("ProxyName");
        List<JsonNode> alarms = database.resources("aws_cloudwatch_metric_alarm", ofTheProxy);
        if (!environment.database().proxy().enabled()) {
            database.check(alarms.isEmpty(), "no proxy, no proxy alarm: " + alarms);
            return;
        }

        JsonNode alarm = database.onlyResource("aws_cloudwatch_metric_alarm", ofTheProxy);
        String name = database.onlyResource("aws_db_proxy").path("name").asText();
        AlarmThresholds thresholds = environment.database().observability().alarms();

        database.check(alarm.path("alarm_name").asText().equals(name + "-unavailable")
                        && alarm.path("namespace").asText().equals("AWS/RDS")
                        && alarm.path("metric_name").asText().equals("AvailabilityPercentage")
                        && alarm.path("statistic").asText().equals("Average")
                        && alarm.path("comparison_operator").asText().equals("LessThanThreshold")
                        && alarm.path("threshold").asDouble() == 100,
                "below 100% availability: " + alarm);
        database.check(alarm.path("dimensions").equals(JSON.createObjectNode()
                        .put("ProxyName", name).put("TargetGroup", "default").put("TargetRole", "READ_WRITE")),
                "the default target group's writer, the one target it has: " + alarm);
        database.check(alarm.path("period").asInt() == thresholds.periodSeconds()
                        && alarm.path("evaluation_periods").asInt() == thresholds.evaluationPeriods(),
                "the environment's alarm window: " + alarm);
        database.check(alarm.path("treat_missing_data").asText().equals("ignore"), "silent until a client first connected: " + alarm);
        database.check(StackJson.strings(alarm.path("alarm_actions")).equals(StackJson.strings(alarm.path("ok_actions")))
                        && alarm.path("alarm_actions").size() == 1 && alarm.path("alarm_actions").get(0).asText().startsWith("${aws_sns_topic."),
                "to the alarm topic, firing and clearing: " + alarm);
        database.check(StackJson.strings(alarm.path("depends_on")).equals(Set.of("aws_db_proxy_target." + database.logicalId("aws_db_proxy_target", t -> true))),
                "made once the primary is the proxy's target: " + alarm);
        database.check(alarm.path("alarm_description").asText().contains("describe-db-proxy-targets --db-proxy-name " + name),
                "says how to find the cause: " + alarm);
    }

    @ParameterizedTest
    @MethodSource("environmentsWithAProxy")
    void takesItsPoolLimitsFromConfiguration(EnvironmentConfig environment) {
        StackJson database = database(environment);
        ProxyConfig pool = environment.database().proxy();

        JsonNode settings = database.onlyResource("aws_db_proxy_default_target_group").path("connection_pool_config");

        database.check(settings.path("max_connections_percent").asInt() == pool.maxConnectionsPercent()
                && settings.path("max_idle_connections_percent").asInt() == pool.maxIdleConnectionsPercent()
                && settings.path("connection_borrow_timeout").asInt() == pool.connectionBorrowTimeoutSeconds(), "pool: " + settings);
        database.check(database.onlyResource("aws_db_proxy").path("idle_client_timeout").asInt() == pool.idleClientTimeoutSeconds(), "idle timeout");
    }

    @ParameterizedTest
    @MethodSource("environmentsWithAProxy")
    void keepsTheProxysPasswordOutOfStateAndProtectsItsSecretWhereTheEnvironmentIsProtected(EnvironmentConfig environment) {
        StackJson database = database(environment);

        JsonNode version = database.onlyResource("aws_secretsmanager_secret_version", v -> v.path("secret_id").asText().contains("proxy_secret"));
        JsonNode secret = database.onlyResource("aws_secretsmanager_secret", s -> s.path("name").asText().endsWith("/postgres/proxy"));

        database.check(!version.has("secret_string") && version.path("secret_string_wo").asText().contains("ephemeral.aws_secretsmanager_random_password.proxy_password")
                && version.path("secret_string_wo").asText().contains("username = \"" + environment.database().access().applicationRole().name() + "\""),
                "write-only, the proxied user's: " + version);
        database.check(secret.path("kms_key_id").asText().startsWith("${aws_kms_key.key_"), "encrypted with the environment's key");
        database.check(secret.at("/lifecycle/prevent_destroy").asBoolean() == environment.database().protect(), "protected: " + secret);
    }

    @ParameterizedTest
    @MethodSource("environmentsWithAProxy")
    void letsTheApplicationGroupInAndOnlyTheDatabaseOut(EnvironmentConfig environment) {
        StackJson database = database(environment);
        String group = StackJson.reference("aws_security_group",
                database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-postgres-proxy")), "id");
        String databaseGroup = StackJson.reference("aws_security_group",
                database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-postgres")), "id");

        List<String> ingress = database.resources("aws_vpc_security_group_ingress_rule", r -> r.path("security_group_id").asText().equals(group))
                .stream().map(r -> r.path("to_port").asInt() + "<-" + r.path("referenced_security_group_id").asText()).toList();
        List<String> egress = database.resources("aws_vpc_security_group_egress_rule", r -> r.path("security_group_id").asText().equals(group))
                .stream().map(r -> r.path("to_port").asInt() + "->" + r.path("referenced_security_group_id").asText()).toList();

        database.check(ingress.equals(List.of("5432<-${data.terraform_remote_state.network.outputs.application_security_group_id}")), "in: " + ingress);
        database.check(egress.equals(List.of("5432->" + databaseGroup)), "out: " + egress);
        database.check(database.resources("aws_vpc_security_group_ingress_rule", r -> r.path("security_group_id").asText().equals(databaseGroup)
                && r.path("referenced_security_group_id").asText().equals(group)).size() == 1, "the database lets the proxy in");
    }

    @ParameterizedTest
    @MethodSource("environmentsWithAProxy")
    void letsApplicationsConnectAsTheProxiedUserThroughTheProxyOnly(EnvironmentConfig environment) {
        StackJson database = database(environment);
        String user = environment.database().access().applicationRole().name();

        String policy = database.onlyResource("aws_iam_policy", p -> p.path("name").asText().endsWith("-postgres-connect")).path("policy").asText();

        database.check(policy.contains("dbuser:${element(split(\":\", aws_db_proxy.proxy_") && policy.contains("), 6)}/" + user + "\""),
                "connects to the proxy as " + user + ": " + policy);
        database.check(!policy.matches(".*aws_db_instance\\.postgres_primary_[0-9A-F]+\\.resource_id}/" + user + "\".*"),
                "not to the primary, where " + user + " logs in by password (the proxy's): " + policy);
    }

    private static StackJson database(EnvironmentConfig environment) {
        return SynthesizedStacks.forAws().stack("database-" + environment.name());
    }
}

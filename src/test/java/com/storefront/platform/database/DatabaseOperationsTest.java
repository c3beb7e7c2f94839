package com.storefront.platform.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Alarms, events, dashboard and access paths of every environment's database stack. */
class DatabaseOperationsTest {

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void alarmsOnEveryInstanceIntoTheEncryptedTopic(EnvironmentConfig environment) {
        StackJson database = database(environment);
        DatabaseConfig config = environment.database();
        List<String> instances = instanceIdentifiers(environment);

        String topic = database.onlyResource("aws_sns_topic").path("kms_master_key_id").asText();
        database.check(topic.startsWith("${aws_kms_key."), "topic encrypted with the environment's key");
        for (String instance : instances) {
            Set<String> alarms = database.resources("aws_cloudwatch_metric_alarm",
                            a -> a.at("/dimensions/DBInstanceIdentifier").asText().equals(instance)).stream()
                    .map(a -> a.path("alarm_name").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean replica = instance.contains("replica");
            // What the stack wires up is checked against what InstanceAlarms describes (InstanceAlarmsTest checks that
            // list), so that a new alarm is one change in InstanceAlarms and its test.
            DatabaseInstance described = new DatabaseInstance(instance, replica ? config.replicaInstanceClass() : config.instanceClass(), replica, null);
            Set<String> expected = InstanceAlarms.of(described, config).stream().map(AlarmSpec::name).collect(Collectors.toCollection(TreeSet::new));
            database.check(!expected.isEmpty() && alarms.equals(expected), instance + " alarms " + alarms + " should be " + expected);
        }
        database.resources("aws_cloudwatch_metric_alarm").values().forEach(alarm -> {
            database.check(alarm.path("alarm_actions").size() == 1 && alarm.path("ok_actions").equals(alarm.path("alarm_actions"))
                    && alarm.path("alarm_actions").get(0).asText().contains("aws_sns_topic."), "alarm and OK actions to the topic: " + alarm);
            boolean lag = alarm.path("metric_name").asText().equals("ReplicaLag");
            database.check(alarm.path("treat_missing_data").asText().equals(lag ? "breaching" : "ignore"),
                    "a silent replica's lag breaches, every other alarm keeps its state: " + alarm);
            database.check(alarm.path("alarm_description").asText().length() > 40, "says what to do");
            // The proxy's alarm is DatabaseProxyTest's; every other one watches an instance.
            if (alarm.path("dimensions").has("ProxyName")) {
                return;
            }
            String instance = alarm.at("/dimensions/DBInstanceIdentifier").asText();
            String made = database.logicalId("aws_db_instance", i -> i.path("identifier").asText().equals(instance));
            database.check(StackJson.strings(alarm.path("depends_on")).equals(Set.of("aws_db_instance." + made)),
                    "made with its instance: " + alarm);
        });
    }

    @ParameterizedTest
    @MethodSource("environments")
    void namesEachEmailSubscriptionByItsAddressNotItsPlaceSoThatRemovingOneLeavesTheOthers(EnvironmentConfig environment) {
        StackJson database = database(environment);

        Map<String, String> subscriptions = new TreeMap<>();
        database.resources("aws_sns_topic_subscription").forEach((id, s) -> subscriptions.put(id, s.path("endpoint").asText()));

        database.check(subscriptions.size() == environment.database().observability().alarmEmails().size()
                        && subscriptions.entrySet().stream().allMatch(e -> e.getKey().startsWith(
                        "monitoring_email-" + e.getValue().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "") + "_")),
                "each subscription's address (and so its state) follows from its e-mail address alone: " + subscriptions);
    }

    @Test
    void movesTheSubscriptionsDeployedUnderTheirPositionsToTheirAddressesSoNoOwnerConfirmsAgain() {
        StackJson prod = database(Environments.all().stream().filter(e -> e.name().equals("prod")).findFirst().orElseThrow());

        // The addresses the subscriptions of prod's two e-mail addresses had when they were named by position.
        prod.check(prod.moves().containsAll(List.of(
                        "aws_sns_topic_subscription.monitoring_email-0_E9BBFA0E -> aws_sns_topic_subscription."
                                + prod.logicalId("aws_sns_topic_subscription", s -> s.path("endpoint").asText().equals("storefront-dba@example.com")),
                        "aws_sns_topic_subscription.monitoring_email-1_B597F260 -> aws_sns_topic_subscription."
                                + prod.logicalId("aws_sns_topic_subscription", s -> s.path("endpoint").asText().equals("storefront-oncall@example.com")))),
                "each deployed subscription keeps its state: " + prod.moves());
    }

    @ParameterizedTest
    @MethodSource("environments")
    void subscribesToInstanceAndParameterGroupEvents(EnvironmentConfig environment) {
        StackJson database = database(environment);

        JsonNode instances = database.onlyResource("aws_db_event_subscription", s -> s.path("source_type").asText().equals("db-instance"));
        JsonNode parameters = database.onlyResource("aws_db_event_subscription", s -> s.path("source_type").asText().equals("db-parameter-group"));

        database.check(StackJson.strings(instances.path("event_categories")).equals(Set.of("availability", "backup", "configuration change", "deletion",
                "failover", "failure", "low storage", "maintenance", "notification", "read replica", "recovery", "security patching")),
                "instance event categories, RDS.20's maintenance, configuration change and failure among them: " + instances);
        database.check(StackJson.strings(instances.path("source_ids")).equals(Set.copyOf(instanceIdentifiers(environment))), "every instance");
        database.check(StackJson.strings(parameters.path("event_categories")).equals(Set.of("configuration change")), "parameter group changes");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void putsEveryInstanceOnEveryDashboardWidgetWhoseMetricItReports(EnvironmentConfig environment) throws Exception {
        StackJson database = database(environment);
        List<String> instances = instanceIdentifiers(environment);
        Set<String> replicas = Set.copyOf(instances.subList(1, instances.size()));

        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                database.onlyResource("aws_cloudwatch_dashboard").path("dashboard_body").asText());

        Set<String> titles = new HashSet<>();
        for (JsonNode widget : body.path("widgets")) {
            String title = widget.at("/properties/title").asText();
            titles.add(title);
            Set<String> plotted = new HashSet<>();
            widget.at("/properties/metrics").forEach(m -> plotted.add(m.get(3).asText()));
            // Only replicas report ReplicaLag.
            Set<String> reporting = title.equals("Replica lag (s)") ? replicas : Set.copyOf(instances);
            database.check(plotted.equals(reporting), "the instances reporting " + title + " on " + widget);
        }
        database.check(titles.size() == (replicas.isEmpty() ? 6 : 7) && titles.contains("Read / write IOPS")
                && titles.contains("Replica lag (s)") == !replicas.isEmpty(), "widgets: " + titles);
        database.check(database.output("dashboard_url").path("value").asText().contains("#dashboards:name="), "dashboard URL output");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void scopesIamAuthenticationToTheInstancesResourceIdsAndUsers(EnvironmentConfig environment) {
        StackJson database = database(environment);

        List<String> connect = database.resources("aws_iam_policy").values().stream()
                .map(p -> p.path("policy").asText()).filter(p -> p.contains("rds-db:connect")).toList();

        database.check(connect.size() == (environment.database().readReplicas() > 0 ? 2 : 1), "primary and replica connect policies");
        for (String policy : connect) {
            Matcher resources = Pattern.compile("\"Resource\" = \\[([^\\]]*)\\]").matcher(policy);
            database.check(resources.find(), "a Resource list in " + policy);
            // Each resource is one quoted string, which may hold interpolations with quotes and commas of their own.
            Matcher arns = Pattern.compile("\"arn:(?:\\$\\{[^{}]*\\}|[^\"$])*\"").matcher(resources.group(1));
            int scoped = 0;
            while (arns.find()) {
                scoped++;
                String arn = arns.group();
                boolean instance = arn.startsWith("\"arn:aws:rds-db:" + environment.region() + ":" + environment.accountId() + ":dbuser:${aws_db_instance.")
                        && environment.database().access().roles().stream().anyMatch(role -> arn.endsWith(".resource_id}/" + role.name() + "\""));
                boolean proxy = environment.database().proxy().enabled() && arn.startsWith("\"arn:aws:rds-db:" + environment.region() + ":"
                        + environment.accountId() + ":dbuser:${element(split(\":\", aws_db_proxy.");
                database.check(instance || proxy, "scoped to a resource id (an instance's, or the proxy's) and a declared role, got " + arn);
            }
            database.check(scoped > 0, "names at least one user: " + policy);
        }
        database.output("application_connect_policy_arn");
        database.output("break_glass_policy_arn");
        for (JsonNode document : database.dataSources("aws_iam_policy_document").values()) {
            String text = document.toString();
            if (text.contains("ReadMasterSecret")) {
                document.path("statement").forEach(s -> s.path("resources").forEach(r ->
                        database.check(!r.asText().equals("*"), "no * resources in access policies: " + document)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void reachesTheDatabaseFromTheBastionOnlyThroughSsm(EnvironmentConfig environment) {
        StackJson database = database(environment);

        if (!environment.database().access().bastion()) {
            database.check(database.resources("aws_instance").isEmpty(), "no bastion where the environment has none");
            return;
        }
        JsonNode bastion = database.onlyResource("aws_instance");
        database.check(!bastion.has("key_name") && !bastion.path("associate_public_ip_address").asBoolean(), "no key pair, no public IP");
        database.check(bastion.at("/metadata_options/http_tokens").asText().equals("required"), "IMDSv2 required");
        database.check(bastion.at("/root_block_device/encrypted").asBoolean(), "encrypted root volume");
        database.check(bastion.path("monitoring").asBoolean() && bastion.path("ebs_optimized").asBoolean(),
                "detailed monitoring on, EBS optimization stated");
        String bastionGroup = database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-bastion"));
        String groupRef = StackJson.reference("aws_security_group", bastionGroup, "id");
        database.check(database.resources("aws_vpc_security_group_ingress_rule",
                r -> r.path("security_group_id").asText().equals(groupRef)).isEmpty(), "no inbound rules on the bastion");
        List<String> egress = new ArrayList<>();
        database.resources("aws_vpc_security_group_egress_rule", r -> r.path("security_group_id").asText().equals(groupRef))
                .forEach(r -> egress.add(r.path("to_port").asInt() + "->" + (r.has("referenced_security_group_id") ? "database" : r.path("cidr_ipv4").asText())));
        database.check(Set.copyOf(egress).equals(Set.of("5432->database", "443->0.0.0.0/0")), "egress only to the database and HTTPS: " + egress);
        database.check(database.output("ssm_port_forward_command").path("value").asText()
                .contains("--document-name AWS-StartPortForwardingSessionToRemoteHost"), "port forwarding command");
    }

    /**
     * Terraform strips the allow-all egress of every security group it creates, so a path is open only where its source
     * group lets the traffic out as well as its target lets it in. The application group's path to the database itself
     * is opened by the network stack, towards the database subnets ({@code NetworkTest}).
     */
    @ParameterizedTest
    @MethodSource("environments")
    void opensEveryPathIntoAGroupOnTheWayOutOfItsSourceToo(EnvironmentConfig environment) {
        StackJson database = database(environment);
        String databaseGroup = StackJson.reference("aws_security_group",
                database.logicalId("aws_security_group", g -> g.path("name").asText().endsWith("-postgres")), "id");
        String applicationGroup = "${data.terraform_remote_state.network.outputs.application_security_group_id}";

        List<String> closed = new ArrayList<>();
        for (JsonNode in : database.resources("aws_vpc_security_group_ingress_rule", r -> r.has("referenced_security_group_id"))) {
            String source = in.path("referenced_security_group_id").asText();
            String target = in.path("security_group_id").asText();
            int port = in.path("to_port").asInt();
            boolean out = database.resources("aws_vpc_security_group_egress_rule", e -> e.path("security_group_id").asText().equals(source)
                    && e.path("referenced_security_group_id").asText().equals(target)
                    && e.path("from_port").asInt() <= port && port <= e.path("to_port").asInt()).size() == 1;
            if (!out && !(source.equals(applicationGroup) && target.equals(databaseGroup))) {
                closed.add(port + " from " + source + " to " + target);
            }
        }
        database.check(closed.isEmpty(), "let in, but not out of their source: " + closed);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void publishesTheCommandsOperatorsCopyWithoutAnyPassword(EnvironmentConfig environment) {
        StackJson database = database(environment);

        String psql = database.output("psql_connection_string").path("value").asText();
        String token = database.output("iam_token_command").path("value").asText();
        String secret = database.output("master_secret_command").path("value").asText();
        String export = database.output("snapshot_export_command").path("value").asText();

        database.check(psql.contains("sslmode=verify-full") && psql.contains("user=storefront_app") && !psql.contains("password"),
                "psql connection string for IAM auth, no password: " + psql);
        database.check(token.startsWith("aws rds generate-db-auth-token --region " + environment.region()) && token.contains("--username storefront_app"),
                "IAM token command: " + token);
        String writer = environment.database().proxy().enabled() ? "${aws_db_proxy." : "${aws_db_instance.postgres_primary_";
        database.check(psql.contains("host=" + writer) && token.contains("--hostname " + writer), "both to the writer, the proxy where there is one: " + psql);
        // ACM issues the proxy's certificate, which the RDS bundle cannot verify.
        String caBundle = environment.database().proxy().enabled() ? "AmazonRootCA1.pem" : "global-bundle.pem";
        database.check(psql.endsWith(" sslmode=verify-full sslrootcert=" + caBundle), "verifies the writer against the CA that signs it: " + psql);
        database.check(secret.startsWith("aws secretsmanager get-secret-value") && secret.contains("--secret-id ${aws_secretsmanager_secret."),
                "master secret command: " + secret);
        database.check(export.startsWith("aws rds start-export-task") && export.contains("--iam-role-arn ${aws_iam_role.")
                && export.contains("--kms-key-id ${aws_kms_key."), "snapshot export command: " + export);
    }

    private static StackJson database(EnvironmentConfig environment) {
        return SynthesizedStacks.forAws().stack("database-" + environment.name());
    }

    private static List<String> instanceIdentifiers(EnvironmentConfig environment) {
        List<String> identifiers = new ArrayList<>(List.of("storefront-" + environment.name() + "-postgres"));
        for (int i = 1; i <= environment.database().readReplicas(); i++) {
            identifiers.add("storefront-" + environment.name() + "-postgres-replica-" + i);
        }
        return identifiers;
    }
}

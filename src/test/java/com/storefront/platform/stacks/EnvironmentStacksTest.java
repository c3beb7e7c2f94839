package com.storefront.platform.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.DisasterRecoveryConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.network.NetworkOutput;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every environment's stacks keep, checked on the stacks as {@code Main} builds them for AWS. */
class EnvironmentStacksTest {

    private static final Pattern NETWORK_OUTPUT_READ = Pattern.compile("data\\.terraform_remote_state\\.network\\.outputs\\.(\\w+)");
    private static final Pattern POLICY_DOCUMENT = Pattern.compile("\\$\\{data\\.aws_iam_policy_document\\.([^.]+)\\.json}");

    static Stream<EnvironmentConfig> environments() {
        return Environments.all().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void configuresOneTaggedProviderLockedToTheEnvironmentsAccount(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            List<JsonNode> providers = new ArrayList<>();
            json.at("/provider/aws").forEach(providers::add);

            List<JsonNode> own = providers.stream().filter(p -> !p.has("alias")).toList();
            json.check(own.size() == 1, "one AWS provider per stack without an alias");
            json.check(own.get(0).path("region").asText().equals(environment.region()), "provider region");
            for (JsonNode provider : providers) {
                json.check(provider.path("allowed_account_ids").toString().equals("[\"" + environment.accountId() + "\"]"),
                        "every provider refuses every account but the environment's");
                JsonNode tags = provider.at("/default_tags/0/tags");
                json.check(tags.path("Project").asText().equals("storefront")
                        && tags.path("Environment").asText().equals(environment.name())
                        && tags.path("ManagedBy").asText().equals("cdktf")
                        && tags.has("Component"), "default tags Project, Environment, Component, ManagedBy: " + tags);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void givesOnlyTheDatabaseStackOfAnEnvironmentWithDisasterRecoveryASecondProviderInItsRecoveryRegion(EnvironmentConfig environment) {
        Stacks stacks = Stacks.of(environment);
        DisasterRecoveryConfig recovery = environment.database().backups().disasterRecovery();

        List<JsonNode> aliased = new ArrayList<>();
        stacks.database().at("/provider/aws").forEach(p -> {
            if (p.has("alias")) {
                aliased.add(p);
            }
        });

        stacks.network().check(stacks.network().at("/provider/aws").size() == 1, "the network stack has one provider");
        if (recovery == null) {
            stacks.database().check(aliased.isEmpty(), "no second provider without disaster recovery");
        } else {
            stacks.database().check(aliased.size() == 1 && aliased.get(0).path("alias").asText().equals("disaster_recovery")
                    && aliased.get(0).path("region").asText().equals(recovery.region()), "one provider in " + recovery.region());
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void declaresEachDatabaseStackDependentOnItsNetworkStackSoCdktfDeploysAndDestroysThemInOrder(EnvironmentConfig environment) {
        JsonNode manifest = SynthesizedStacks.forAws().manifest();

        JsonNode stacks = manifest.path("stacks");

        assertEquals("[\"network-" + environment.name() + "\"]", stacks.path("database-" + environment.name()).path("dependencies").toString(),
                manifest::toString);
        assertEquals("[]", stacks.path("network-" + environment.name()).path("dependencies").toString(), manifest::toString);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void requiresTheTerraformWithWriteOnlyArgumentsAndAnAwsProviderVersionThatAcceptsTheMirroredRelease(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            json.check(json.at("/terraform/required_providers/aws/version").asText().equals("~> 5.100"),
                    "aws provider constraint must accept 5.100.0 and stay within 5.x");
            json.check(json.at("/terraform/required_version").asText().equals(">= 1.11"),
                    "write-only arguments need Terraform 1.11: an older one must stop at init");
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void movesTheBastionsDatabaseRuleToTheDatabaseSoDeployedEnvironmentsKeepIt(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();
        Predicate<JsonNode> fromBastion = rule -> rule.path("description").asText().equals("PostgreSQL from the SSM bastion");
        List<String> expected = !environment.database().access().bastion() ? List.of()
                : List.of("aws_vpc_security_group_ingress_rule.access_database-from-bastion_7B5BC97A -> aws_vpc_security_group_ingress_rule."
                        + database.logicalId("aws_vpc_security_group_ingress_rule", fromBastion));
        List<String> ruleMoves = database.moves().stream().filter(move -> move.startsWith("aws_vpc_security_group_ingress_rule.")).toList();
        database.check(ruleMoves.equals(expected), "expected the moves " + expected + " but found " + database.moves());
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
        Set<String> reads = new TreeSet<>();
        NETWORK_OUTPUT_READ.matcher(stacks.database().raw()).results().forEach(read -> reads.add(read.group(1)));
        Set<String> published = new TreeSet<>();
        stacks.network().at("/output").fieldNames().forEachRemaining(published::add);

        stacks.database().check(reads.containsAll(Set.of("database_subnet_ids", "application_security_group_id", "vpc_id")),
                "the database stack reads the network through its outputs: " + reads);
        stacks.network().check(published.containsAll(reads), "the database stack reads " + reads + " but the network publishes " + published);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void neverOpensPostgresToACidrRange(EnvironmentConfig environment) {
        for (StackJson json : Stacks.of(environment).both()) {
            json.resources("aws_vpc_security_group_ingress_rule").values().stream()
                    .filter(rule -> rule.path("from_port").asInt() <= 5432 && rule.path("to_port").asInt() >= 5432)
                    .forEach(rule -> json.check(!rule.has("cidr_ipv4") && !rule.has("cidr_ipv6") && rule.has("referenced_security_group_id"),
                            "PostgreSQL ingress only from security groups, never from a CIDR: " + rule));
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

    @ParameterizedTest
    @MethodSource("environments")
    void neverPutsAPasswordOrSecretValueInTheSynthesizedJson(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();

        List<String> leaks = new ArrayList<>();
        collectSecretLeaks(database.root(), "", leaks);

        database.check(leaks.isEmpty(), "password or secret values in the JSON: " + leaks);
        database.check(!database.raw().contains("offline-plan-stand-in"), "the offline stand-in never reaches a real stack");
        database.check(database.raw().contains("ephemeral.aws_secretsmanager_random_password.master_password.random_password"),
                "the password comes from the ephemeral resource");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void protectsKeySecretBackupBucketAndDatabaseLogsWhereTheEnvironmentIsProtected(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();
        boolean protect = environment.database().protect();

        for (String type : List.of("aws_kms_key", "aws_secretsmanager_secret", "aws_s3_bucket", "aws_db_instance", "aws_backup_vault",
                "aws_cloudwatch_log_group")) {
            database.resources(type).values().forEach(resource -> database.check(
                    resource.at("/lifecycle/prevent_destroy").asBoolean() == protect, type + " prevent_destroy should be " + protect));
        }
        database.resources("aws_s3_bucket").values().forEach(bucket -> database.check(bucket.path("force_destroy").asBoolean() == !protect,
                "only unprotected buckets are emptied on destroy: " + bucket.path("bucket")));
        database.resources("aws_secretsmanager_secret").values().forEach(secret -> database.check(
                secret.path("recovery_window_in_days").asInt() == (protect ? 30 : 0), "secret recovery window: " + secret.path("name")));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void leavesTheDatabaseKeyToTheAccountsIamPoliciesAndOpensItToThisEnvironmentsLogGroupsAndAlarms(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();
        String region = environment.region();

        JsonNode keyPolicy = database.dataSources("aws_iam_policy_document").values().stream()
                .filter(d -> d.toString().contains("AccountAdministers") && d.toString().contains("CloudWatchLogsUsesKeyForDatabaseLogs"))
                .findFirst().orElse(null);

        database.check(keyPolicy != null, "the database key's policy");
        Map<String, String> principals = new TreeMap<>();
        keyPolicy.path("statement").forEach(s -> principals.put(s.path("sid").asText(),
                s.at("/principals/0/type").asText() + " " + StackJson.strings(s.at("/principals/0/identifiers"))));
        database.check(principals.get("AccountAdministers").equals("AWS [arn:aws:iam::" + environment.accountId() + ":root]"),
                "the account's IAM policies decide: " + principals);
        database.check(principals.entrySet().stream().filter(e -> !e.getKey().equals("AccountAdministers"))
                .allMatch(e -> e.getValue().startsWith("Service ")), "besides the account, only services acting on their own: " + principals);
        JsonNode logs = StreamSupport.stream(keyPolicy.path("statement").spliterator(), false)
                .filter(s -> s.path("sid").asText().equals("CloudWatchLogsUsesKeyForDatabaseLogs")).findFirst().orElseThrow().at("/condition/0");
        Set<String> logGroups = new TreeSet<>();
        database.resources("aws_cloudwatch_log_group").values().forEach(group -> logGroups.add("arn:aws:logs:" + region + ":"
                + environment.accountId() + ":log-group:" + group.path("name").asText()));
        database.check(logs.path("test").asText().equals("ArnEquals") && StackJson.strings(logs.path("values")).equals(logGroups)
                && logGroups.size() == 2 * (1 + environment.database().readReplicas()),
                "logs may use the key for exactly the database's log groups, two per instance: " + logs + " against " + logGroups);
        database.resources("aws_kms_key").values().forEach(key -> database.check(key.path("enable_key_rotation").asBoolean(), "keys rotate"));
        database.assertHasResourceWithProperties("aws_kms_alias", Map.of("name", "alias/storefront-" + environment.name() + "-postgres"));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void keepsBackupExportsInAPrivateEncryptedAgingBucket(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();

        String bucketId = database.logicalId("aws_s3_bucket", b -> b.path("bucket").asText().contains("-db-backups-"));
        String bucket = "${aws_s3_bucket." + bucketId + ".id}";
        database.check(database.onlyResource("aws_s3_bucket_versioning").at("/versioning_configuration/status").asText().equals("Enabled"), "versioned");
        JsonNode encryption = of(database, "aws_s3_bucket_server_side_encryption_configuration", bucket).at("/rule/0");
        database.check(encryption.at("/apply_server_side_encryption_by_default/sse_algorithm").asText().equals("aws:kms")
                && encryption.at("/apply_server_side_encryption_by_default/kms_master_key_id").asText().startsWith("${aws_kms_key."), "SSE-KMS with the key");
        // The backup bucket among them, so the loop is never empty.
        for (String id : database.resources("aws_s3_bucket").keySet()) {
            JsonNode block = of(database, "aws_s3_bucket_public_access_block", "${aws_s3_bucket." + id + ".id}");
            database.check(block.path("block_public_acls").asBoolean() && block.path("block_public_policy").asBoolean()
                    && block.path("ignore_public_acls").asBoolean() && block.path("restrict_public_buckets").asBoolean(),
                    "public access blocked on " + id + ": " + block);
        }
        JsonNode rule = of(database, "aws_s3_bucket_lifecycle_configuration", bucket).at("/rule/0");
        database.check(rule.at("/transition/0/days").asInt() == 30 && rule.at("/transition/0/storage_class").asText().equals("STANDARD_IA")
                && rule.at("/transition/1/days").asInt() == 90 && rule.at("/transition/1/storage_class").asText().equals("GLACIER")
                && rule.at("/expiration/days").asInt() == 365 && rule.at("/noncurrent_version_expiration/noncurrent_days").asInt() == 90,
                "lifecycle 30 IA, 90 Glacier, 365 expiry, 90 noncurrent: " + rule);
        JsonNode policy = document(database, of(database, "aws_s3_bucket_policy", bucket));
        database.check(deniesPlainHttp(policy, "${aws_s3_bucket." + bucketId + ".arn}"),
                "the backup bucket's own policy denies every request to it over plain HTTP: " + policy);
        String policies = database.dataSources("aws_iam_policy_document").toString();
        database.check(policies.contains("export.rds.amazonaws.com"), "export role trusts the RDS export service");
        database.assertHasResourceWithProperties("aws_iam_role",
                Map.of("name", "storefront-" + environment.name() + "-" + environment.region() + "-rds-s3-export"));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void logsEveryAccessToTheBackupsInALockedDownBucketOfTheirOwn(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();
        String logsId = database.logicalId("aws_s3_bucket", b -> b.path("bucket").asText().contains("-backup-logs-"));
        String logs = "${aws_s3_bucket." + logsId + ".id}";

        JsonNode logging = database.onlyResource("aws_s3_bucket_logging");

        database.check(logging.path("target_bucket").asText().equals(logs) && logging.path("bucket").asText().contains("bucket_"),
                "the backup bucket logs to the log bucket: " + logging);
        String logPolicy = "aws_s3_bucket_policy." + database.logicalId("aws_s3_bucket_policy",
                p -> p.path("bucket").asText().equals(logs));
        database.check(logging.path("depends_on").toString().contains("\"" + logPolicy + "\""),
                "logging is switched on only once the log bucket lets S3 logging write (S3 refuses it before): " + logging);
        database.check(of(database, "aws_s3_bucket_server_side_encryption_configuration", logs)
                .at("/rule/0/apply_server_side_encryption_by_default/sse_algorithm").asText().equals("AES256"),
                "access logs encrypted with S3-managed keys, the only kind S3 delivers to");
        database.check(of(database, "aws_s3_bucket_lifecycle_configuration", logs).at("/rule/0/expiration/days").asInt()
                == environment.database().backups().accessLogRetentionDays(), "access logs expire");
        String policy = database.dataSources("aws_iam_policy_document").values().stream().map(JsonNode::toString)
                .filter(d -> d.contains("S3LogsTheBackupBucketOnly")).findFirst().orElse("");
        database.check(policy.contains("logging.s3.amazonaws.com") && policy.contains("aws:SourceArn") && policy.contains("DenyPlainHttp"),
                "only S3 logging, for the backup bucket, over TLS: " + policy);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void publishesWhatApplicationsAndOperatorsNeed(EnvironmentConfig environment) {
        StackJson database = Stacks.of(environment).database();

        for (String output : List.of("writer_endpoint", "port", "reader_endpoints", "database_name", "master_secret_arn", "kms_key_arn",
                "database_security_group_id", "primary_resource_id", "backup_bucket_name", "backup_export_role_arn")) {
            database.output(output);
        }
        database.check(database.output("reader_endpoints").path("value").size() == environment.database().readReplicas(),
                "one reader endpoint per replica");
    }

    /** The only resource of {@code type} configuring {@code bucketReference}. */
    private static JsonNode of(StackJson database, String type, String bucketReference) {
        List<JsonNode> matching = database.resources(type, r -> r.path("bucket").asText().equals(bucketReference));
        database.check(matching.size() == 1, "one " + type + " of " + bucketReference + ", found " + matching.size());
        return matching.get(0);
    }

    /** The aws_iam_policy_document whose JSON {@code bucketPolicy} applies. */
    private static JsonNode document(StackJson database, JsonNode bucketPolicy) {
        Matcher reference = POLICY_DOCUMENT.matcher(bucketPolicy.path("policy").asText());
        database.check(reference.matches(), "the policy of an aws_iam_policy_document: " + bucketPolicy);
        JsonNode document = database.dataSources("aws_iam_policy_document").get(reference.group(1));
        database.check(document != null, "no aws_iam_policy_document " + reference.group(1));
        return document;
    }

    /** Whether {@code document} denies anyone any S3 action on the bucket {@code bucketArn} and its objects without TLS. */
    private static boolean deniesPlainHttp(JsonNode document, String bucketArn) {
        return StreamSupport.stream(document.path("statement").spliterator(), false).anyMatch(statement ->
                statement.path("effect").asText().equals("Deny")
                        && StackJson.strings(statement.path("actions")).equals(Set.of("s3:*"))
                        && statement.path("principals").size() == 1 && statement.at("/principals/0/type").asText().equals("*")
                        && StackJson.strings(statement.at("/principals/0/identifiers")).equals(Set.of("*"))
                        && StackJson.strings(statement.path("resources")).equals(Set.of(bucketArn, bucketArn + "/*"))
                        && statement.path("condition").size() == 1 && statement.at("/condition/0/test").asText().equals("Bool")
                        && statement.at("/condition/0/variable").asText().equals("aws:SecureTransport")
                        && StackJson.strings(statement.at("/condition/0/values")).equals(Set.of("false")));
    }

    /** Keys that would carry a secret in clear, and literal values next to write-only attributes. */
    private static void collectSecretLeaks(JsonNode node, String path, List<String> leaks) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                String at = path + "/" + key;
                if (key.equals("password") || key.equals("secret_string") || key.equals("master_password")
                        && !path.contains("/ephemeral/")) {
                    leaks.add(at);
                }
                if ((key.equals("password_wo") || key.equals("secret_string_wo")) && !field.getValue().asText().contains("ephemeral.")) {
                    leaks.add(at + " is not from the ephemeral password: " + field.getValue());
                }
                collectSecretLeaks(field.getValue(), at, leaks);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecretLeaks(node.get(i), path + "/" + i, leaks);
            }
        }
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

    /** Both stacks of one environment, as {@code Main} synthesizes them for AWS (once per test run). */
    record Stacks(StackJson network, StackJson database) {

        static Stacks of(EnvironmentConfig environment) {
            SynthesizedStacks stacks = SynthesizedStacks.forAws();
            return new Stacks(stacks.stack("network-" + environment.name()), stacks.stack("database-" + environment.name()));
        }

        StackJson[] both() {
            return new StackJson[] {network, database};
        }
    }
}

package com.storefront.platform.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.DisasterRecoveryConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Tier;
import com.storefront.platform.deployment.AwsDeployment;
import com.storefront.platform.network.NetworkReference;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DisasterRecoveryBackupsTest {

    private static final String RECOVERY_PROVIDER = "aws.disaster_recovery";

    @Test
    void copiesEveryDailyAndMonthlyRecoveryPointToTheVaultInTheRecoveryRegion() {
        StackJson json = synth(Tier.PROD, d -> d);

        List<JsonNode> rules = rules(json);

        String recoveryVault = StackJson.reference("aws_backup_vault", json.logicalId("aws_backup_vault", v -> v.has("provider")), "arn");
        json.check(rules.size() == 2, "a daily and a monthly rule");
        for (JsonNode rule : rules) {
            JsonNode copy = rule.path("copy_action");
            json.check(copy.size() == 1 && copy.get(0).path("destination_vault_arn").asText().equals(recoveryVault),
                    rule.path("rule_name").asText() + " copies to the recovery vault");
        }
    }

    @Test
    void keepsEachRuleAndItsCopyForTheConfiguredRetention() {
        StackJson json = synth(Tier.PROD, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-central-1", 30, 400))));

        Map<String, Integer> kept = Map.of("daily", 30, "monthly", 400);

        for (JsonNode rule : rules(json)) {
            int days = kept.get(rule.path("rule_name").asText());
            json.check(rule.at("/lifecycle/delete_after").asInt() == days, rule.path("rule_name").asText() + " kept " + days + " days");
            json.check(rule.at("/copy_action/0/lifecycle/delete_after").asInt() == days,
                    rule.path("rule_name").asText() + "'s copy kept " + days + " days");
            json.check(!rule.at("/lifecycle").has("cold_storage_after"), "RDS snapshots never move to cold storage");
        }
    }

    @Test
    void takesSnapshotsNotContinuousBackups() {
        StackJson json = synth(Tier.PROD, d -> d);

        List<JsonNode> rules = rules(json);

        rules.forEach(rule -> json.check(rule.has("enable_continuous_backup") && !rule.path("enable_continuous_backup").asBoolean(),
                rule.path("rule_name").asText() + " takes snapshots, leaving point-in-time recovery to the instance"));
    }

    @Test
    void keepsThePlansOwnRecoveryPointsInAVaultEncryptedWithTheEnvironmentsKey() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode vault = json.onlyResource("aws_backup_vault", v -> !v.has("provider"));

        json.check(vault.path("kms_key_arn").asText().matches("\\$\\{aws_kms_key\\.key_[0-9A-F]{8}\\.arn\\}"), "the environment's key");
        rules(json).forEach(rule -> json.check(rule.path("target_vault_name").asText().equals(
                StackJson.reference("aws_backup_vault", json.logicalId("aws_backup_vault", v -> !v.has("provider")), "name")),
                "the plan's recovery points go to the environment's vault"));
    }

    @Test
    void encryptsTheCopiesWithAKeyOfTheirOwnInTheRecoveryRegion() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode recoveryVault = json.onlyResource("aws_backup_vault", v -> v.has("provider"));
        List<JsonNode> recoveryKeys = json.resources("aws_kms_key", k -> RECOVERY_PROVIDER.equals(k.path("provider").asText()));

        json.check(recoveryVault.path("provider").asText().equals(RECOVERY_PROVIDER), "the recovery vault is in the recovery region");
        json.check(recoveryKeys.size() == 1 && recoveryKeys.get(0).path("enable_key_rotation").asBoolean(), "one rotating key there");
        String recoveryKey = StackJson.reference("aws_kms_key",
                json.logicalId("aws_kms_key", k -> RECOVERY_PROVIDER.equals(k.path("provider").asText())), "arn");
        json.check(recoveryVault.path("kms_key_arn").asText().equals(recoveryKey), "the recovery vault uses it");
        json.check(json.resources("aws_kms_alias", a -> RECOVERY_PROVIDER.equals(a.path("provider").asText())).size() == 1,
                "its alias is in the recovery region too");
    }

    @Test
    void leavesTheRecoveryKeyToTheAccountsIamPoliciesWhichGiveTheBackupRoleTheCopy() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode recoveryPolicy = json.dataSources("aws_iam_policy_document").values().stream()
                .filter(d -> RECOVERY_PROVIDER.equals(d.path("provider").asText())).findFirst().orElseThrow();
        JsonNode administers = statement(json, "AccountAdministers");

        // The managed policies give the role both keys; a key policy statement naming the account would add nothing.
        json.check(sids(recoveryPolicy).equals(Set.of("AccountAdministers")), "the account alone: " + recoveryPolicy);
        json.check(StackJson.strings(administers.path("actions")).equals(Set.of("kms:*"))
                && administers.at("/principals/0/identifiers/0").asText().equals("arn:aws:iam::" + TestStacks.environment(Tier.PROD, d -> d).accountId() + ":root"),
                "IAM policies decide: " + administers);
        json.assertHasResourceWithProperties("aws_iam_role_policy_attachment", Map.of("role",
                StackJson.reference("aws_iam_role", json.logicalId("aws_iam_role", r -> r.path("name").asText().endsWith("-backup")), "name"),
                "policy_arn", "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"));
    }

    @Test
    void selectsThePrimaryInstanceByItsArn() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode selection = json.onlyResource("aws_backup_selection");

        String primary = json.logicalId("aws_db_instance", r -> !r.has("replicate_source_db"));
        json.check(StackJson.strings(selection.path("resources")).equals(Set.of(StackJson.reference("aws_db_instance", primary, "arn"))),
                "the primary only");
        json.check(selection.path("iam_role_arn").asText().equals(backupRole(json)), "through the backup role");
        json.check(selection.path("plan_id").asText().equals(StackJson.reference("aws_backup_plan",
                json.logicalId("aws_backup_plan", p -> true), "id")), "of the plan");
    }

    @Test
    void reportsEveryBackupOrCopyJobThatDidNotCompleteToTheAlarmTopicWhichOnlyThatRuleAndTheAlarmsMayPublishTo() throws Exception {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode rule = json.onlyResource("aws_cloudwatch_event_rule");
        JsonNode target = json.onlyResource("aws_cloudwatch_event_target");
        JsonNode pattern = new ObjectMapper().readTree(rule.path("event_pattern").asText());
        String topic = "${aws_sns_topic." + json.logicalId("aws_sns_topic", t -> true) + ".arn}";
        String ruleArn = "${aws_cloudwatch_event_rule." + json.logicalId("aws_cloudwatch_event_rule", r -> true) + ".arn}";

        json.check(StackJson.strings(pattern.path("source")).equals(Set.of("aws.backup"))
                && StackJson.strings(pattern.path("detail-type")).equals(Set.of("Backup Job State Change", "Copy Job State Change"))
                && StackJson.strings(pattern.at("/detail/state")).equals(Set.of("ABORTED", "EXPIRED", "FAILED", "PARTIAL")),
                "AWS Backup's job events that ended without a whole recovery point: " + pattern);
        json.check(target.path("arn").asText().equals(topic) && target.at("/input_transformer/input_template").asText().contains("<reason>")
                && target.at("/input_transformer/input_paths/reason").asText().equals("$.detail.statusMessage"),
                "to the alarm topic, saying why: " + target);
        String policies = json.dataSources("aws_iam_policy_document").toString();
        json.check(policies.contains("events.amazonaws.com") && policies.contains(ruleArn) && policies.contains("aws:SourceArn"),
                "the topic lets this rule publish, by its ARN, and the key lets EventBridge encrypt: " + policies);
    }

    @Test
    void givesTheBackupRoleAwsBackupsManagedPoliciesForBackupAndRestore() {
        StackJson json = synth(Tier.PROD, d -> d);

        json.assertHasResourceWithProperties("aws_iam_role", Map.of("name", "storefront-prod-eu-west-1-backup"));
        json.assertHasResourceWithProperties("aws_iam_role_policy_attachment",
                Map.of("policy_arn", "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"));
        json.assertHasResourceWithProperties("aws_iam_role_policy_attachment",
                Map.of("policy_arn", "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"));
    }

    @Test
    void protectsTheVaultsAndTheRecoveryKeyInAProtectedTier() {
        StackJson json = synth(Tier.PROD, d -> d);

        json.resources("aws_backup_vault").values().forEach(vault -> json.check(vault.at("/lifecycle/prevent_destroy").asBoolean()
                && !vault.path("force_destroy").asBoolean(), "a protected vault is neither destroyed nor emptied"));
        json.resources("aws_kms_key").values().forEach(key -> json.check(key.at("/lifecycle/prevent_destroy").asBoolean(),
                "a protected key"));
    }

    @Test
    void letsAnUnprotectedTierTearItsVaultsDown() {
        StackJson json = synth(Tier.DEV, d -> d.backups(b -> b.disasterRecovery(new DisasterRecoveryConfig("eu-west-2", 7, 30))));

        json.resources("aws_backup_vault").values().forEach(vault -> json.check(!vault.at("/lifecycle/prevent_destroy").asBoolean()
                && vault.path("force_destroy").asBoolean(), "an unprotected vault is emptied and destroyed"));
    }

    private static List<JsonNode> rules(StackJson json) {
        return StreamSupport.stream(json.onlyResource("aws_backup_plan").path("rule").spliterator(), false).toList();
    }

    private static String backupRole(StackJson json) {
        return StackJson.reference("aws_iam_role", json.logicalId("aws_iam_role", r -> r.path("name").asText().endsWith("-backup")), "arn");
    }

    private static Set<String> sids(JsonNode document) {
        Set<String> sids = new java.util.TreeSet<>();
        document.path("statement").forEach(s -> sids.add(s.path("sid").asText()));
        return sids;
    }

    private static JsonNode statement(StackJson json, String sid) {
        return json.dataSources("aws_iam_policy_document").values().stream()
                .flatMap(d -> StreamSupport.stream(d.path("statement").spliterator(), false))
                .filter(s -> s.path("sid").asText().equals(sid)).findFirst()
                .orElseGet(() -> {
                    json.check(false, "no statement " + sid);
                    return null;
                });
    }

    private static StackJson synth(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides) {
        EnvironmentConfig environment = TestStacks.environment(tier, overrides);
        NetworkReference network = new NetworkReference("vpc-1", environment.network().availabilityZones(),
                List.of("subnet-app-a", "subnet-app-b", "subnet-app-c"), List.of("subnet-a", "subnet-b", "subnet-c"), "sg-app", "sg-endpoints");
        DisasterRecoveryConfig recovery = environment.database().backups().disasterRecovery();
        return TestStacks.construct(stack -> {
            AwsProvider recoveryProvider = new AwsProvider(stack, "aws-disaster-recovery", AwsProviderConfig.builder()
                    .region(recovery.region()).alias("disaster_recovery").build());
            boolean protect = environment.database().protect();
            EncryptionKey key = new EncryptionKey(stack, "key", new EncryptionKeyProps("storefront-test", "test", environment.accountId(),
                    environment.region(), protect));
            PostgresDatabase database = new PostgresDatabase(stack, "postgres", new PostgresDatabaseProps(ResourceNames.of(environment), environment.accountId(), network,
                    key, new AwsDeployment().password(stack, "master"), environment.database()));
            DatabaseMonitoring monitoring = new DatabaseMonitoring(stack, "monitoring", new DatabaseMonitoringProps(ResourceNames.of(environment),
                    environment.accountId(), key, database, environment.database().observability()));
            new DisasterRecoveryBackups(stack, "disaster-recovery", new DisasterRecoveryBackupsProps(ResourceNames.of(environment),
                    environment.accountId(), key, database, monitoring, recoveryProvider, recovery, protect));
        });
    }
}

package com.storefront.platform.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.DatabaseInsightsMode;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.MasterPassword;
import com.storefront.platform.config.Tier;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.deployment.AwsDeployment;
import com.storefront.platform.network.NetworkReference;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    private static final String PASSWORD = "ephemeral.aws_secretsmanager_random_password.master_password.random_password";

    /** The environment's key, as the construct test stack declares it. */
    private static final String KEY_ARN = "\\$\\{aws_kms_key\\.key_[0-9A-F]{8}\\.arn\\}";

    @Test
    void runsAnEncryptedPrivateMultiAzPrimaryWithIamAuthentication() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode primary = primary(json);

        json.check(primary.path("multi_az").asBoolean(), "prod primary is Multi-AZ");
        json.check(primary.path("storage_encrypted").asBoolean() && primary.path("kms_key_id").asText().matches(KEY_ARN), "encrypted with the key");
        json.check(!primary.path("publicly_accessible").asBoolean(), "never publicly accessible");
        json.check(primary.path("iam_database_authentication_enabled").asBoolean(), "IAM database authentication on");
        json.check(primary.path("ca_cert_identifier").asText().equals("rds-ca-rsa2048-g1"), "CA certificate");
        json.check(primary.path("engine_version").asText().equals("16") && primary.path("auto_minor_version_upgrade").asBoolean(),
                "major version pinned only, minor upgrades automatic");
        json.check(primary.path("storage_type").asText().equals("gp3") && !primary.has("iops"), "gp3 without provisioned IOPS");
        json.check(primary.path("performance_insights_enabled").asBoolean()
                && primary.path("performance_insights_kms_key_id").asText().matches(KEY_ARN)
                && primary.path("performance_insights_retention_period").asInt() == 31, "Performance Insights with the key");
        json.check(primary.path("monitoring_interval").asInt() == 15 && primary.path("monitoring_role_arn").asText().contains("aws_iam_role."),
                "enhanced monitoring");
        json.check(primary.path("backup_retention_period").asInt() == 14 && primary.path("copy_tags_to_snapshot").asBoolean(), "backups");
        json.check(primary.path("username").asText().equals("storefront_admin"), "master user is not a well-known name");
    }

    @Test
    void spreadsReplicasOverDistinctZonesFromThePrimaryObject() {
        StackJson json = synth(Tier.PROD, d -> d);

        List<JsonNode> replicas = json.resources("aws_db_instance", r -> r.has("replicate_source_db"));
        String primaryIdentifier = StackJson.reference("aws_db_instance", json.logicalId("aws_db_instance", r -> !r.has("replicate_source_db")), "identifier");

        json.check(replicas.size() == 2, "prod has two replicas");
        Set<String> zones = new HashSet<>();
        for (JsonNode replica : replicas) {
            zones.add(replica.path("availability_zone").asText());
            json.check(replica.path("replicate_source_db").asText().equals(primaryIdentifier), "replica of the primary object");
            for (String forbidden : List.of("username", "password", "password_wo", "engine", "engine_version", "allocated_storage",
                    "db_name", "kms_key_id", "db_subnet_group_name", "backup_retention_period")) {
                json.check(!replica.has(forbidden), "replica must not set " + forbidden + ": " + replica);
            }
            json.check(replica.path("parameter_group_name").equals(primary(json).path("parameter_group_name")), "same parameter group");
            json.check(replica.path("vpc_security_group_ids").equals(primary(json).path("vpc_security_group_ids")), "same security group");
            json.check(replica.path("performance_insights_enabled").asBoolean() && replica.path("monitoring_interval").asInt() == 15,
                    "same monitoring and Performance Insights");
        }
        json.check(zones.equals(Set.of("eu-west-1b", "eu-west-1c")), "replicas in distinct zones, got " + zones);
    }

    @Test
    void writesTheMasterPasswordOnlyThroughWriteOnlyAttributes() {
        StackJson json = synth(Tier.PROD, d -> d.credentials(c -> c.masterPassword(new MasterPassword.WriteOnly(3))));

        JsonNode primary = primary(json);

        json.check(primary.path("password_wo").asText().equals("${" + PASSWORD + "}"), "password_wo from the ephemeral password");
        json.check(primary.path("password_wo_version").asInt() == 3, "version drives rotation");
        json.check(!primary.has("password") && !primary.has("manage_master_user_password"), "no plain password attribute");
    }

    @Test
    void letsRdsManageThePasswordWhenThereAreNoReplicas() {
        StackJson json = synth(Tier.DEV, d -> d.credentials(c -> c.masterPassword(new MasterPassword.RdsManaged())));

        JsonNode primary = primary(json);

        json.check(primary.path("manage_master_user_password").asBoolean(), "RDS-managed password");
        json.check(primary.path("master_user_secret_kms_key_id").asText().matches(KEY_ARN), "managed secret encrypted with the key");
        json.check(!primary.has("password_wo") && !primary.has("password"), "no password attribute at all");
    }

    @Test
    void tunesAReplaceSafeParameterGroupForTheMajorVersion() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode group = json.onlyResource("aws_db_parameter_group");

        json.check(group.path("family").asText().equals("postgres16"), "family from the major version");
        json.check(group.path("name_prefix").asText().equals("storefront-prod-postgres16-") && !group.has("name"), "name prefix, not a fixed name");
        json.check(group.at("/lifecycle/create_before_destroy").asBoolean(), "create before destroy");
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        group.path("parameter").forEach(p -> parameters.put(p.path("name").asText(), p));
        json.check(parameters.get("rds.force_ssl").path("value").asText().equals("1"), "TLS enforced");
        json.check(parameters.get("shared_preload_libraries").path("value").asText().equals("pg_stat_statements,pgaudit"),
                "pg_stat_statements and pgaudit preloaded");
        json.check(parameters.get("shared_preload_libraries").path("apply_method").asText().equals("pending-reboot"), "static parameter waits for reboot");
        json.check(parameters.get("log_min_duration_statement").path("value").asText().equals("500"), "slow queries logged");
        // pgaudit redacts the passwords that log_statement would log in clear text.
        json.check(parameters.get("log_statement").path("value").asText().equals("none")
                && parameters.get("pgaudit.log").path("value").asText().equals("ddl,role"), "DDL and role changes audited by pgaudit alone");
        json.check(parameters.get("log_connections").path("value").asText().equals("1")
                && parameters.get("log_disconnections").path("value").asText().equals("1"), "sessions logged");
        json.check(parameters.get("shared_buffers").path("value").asText().equals("524288"), "shared_buffers for 16 GiB in 8 kB pages");
    }

    @Test
    void createsEncryptedRetainedLogGroupsBeforeEveryInstance() {
        StackJson json = synth(Tier.PROD, d -> d);

        Map<String, JsonNode> logGroups = json.resources("aws_cloudwatch_log_group");

        json.check(logGroups.size() == 6, "postgresql and upgrade logs for the primary and two replicas");
        for (JsonNode group : logGroups.values()) {
            json.check(group.path("retention_in_days").asInt() == 365 && group.path("kms_key_id").asText().matches(KEY_ARN),
                    "a year's retention (audit logs) and the key on " + group.path("name"));
        }
        json.resources("aws_db_instance").values().forEach(instance -> {
            json.check(instance.path("enabled_cloudwatch_logs_exports").toString().equals("[\"postgresql\",\"upgrade\"]"), "log exports");
            long groupsFirst = StreamSupport.stream(instance.path("depends_on").spliterator(), false)
                    .filter(d -> d.asText().startsWith("aws_cloudwatch_log_group.")).count();
            json.check(groupsFirst == 2, "instance depends on its two log groups: " + instance.path("depends_on"));
        });
        json.check(logGroups.values().stream().anyMatch(g -> g.path("name").asText().equals("/aws/rds/instance/storefront-prod-postgres/postgresql")),
                "log group named as RDS names it");
    }

    @Test
    void protectsAProductionDatabaseFromDeletion() {
        StackJson json = synth(Tier.PROD, d -> d);

        JsonNode primary = primary(json);

        json.check(primary.path("deletion_protection").asBoolean(), "deletion protection");
        json.check(!primary.path("skip_final_snapshot").asBoolean(), "final snapshot taken");
        json.check(primary.path("final_snapshot_identifier").asText()
                .equals("storefront-prod-postgres-final-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}"), "final snapshot name unique per destroy");
        json.check(primary.at("/lifecycle/ignore_changes").toString().contains("final_snapshot_identifier"), "name fixed at creation");
        json.resources("aws_db_instance").values().forEach(i ->
                json.check(i.at("/lifecycle/prevent_destroy").asBoolean(), "prevent_destroy on every instance"));
    }

    @Test
    void letsADevDatabaseBeDestroyedInOneGo() {
        StackJson json = synth(Tier.DEV, d -> d);

        JsonNode primary = primary(json);

        json.check(!primary.path("deletion_protection").asBoolean() && primary.path("skip_final_snapshot").asBoolean(), "easy teardown");
        json.check(!primary.has("final_snapshot_identifier"), "no final snapshot name");
        json.check(!primary.at("/lifecycle/prevent_destroy").asBoolean(), "no prevent_destroy");
        json.check(!primary.path("multi_az").asBoolean(), "dev is single-AZ");
        json.check(json.resources("aws_db_instance").size() == 1, "dev has no replicas");
    }

    @Test
    void seedsFromASnapshotWithoutEverReplacingTheDatabaseLater() {
        StackJson json = synth(Tier.STAGING, d -> d.backups(b -> b.snapshotIdentifier("arn:aws:rds:eu-west-1:111111111111:snapshot:dev-seed")));

        JsonNode primary = primary(json);

        json.check(primary.path("snapshot_identifier").asText().equals("arn:aws:rds:eu-west-1:111111111111:snapshot:dev-seed"), "restores the snapshot");
        json.check(primary.at("/lifecycle/ignore_changes").toString().contains("\"snapshot_identifier\""), "later changes ignored");
        json.check(!primary.has("username") && !primary.has("db_name"), "the snapshot brings its own database and user");
        // RestoreDBInstanceFromDBSnapshot takes no KMS key: the snapshot's key differs from the environment's.
        json.check(primary.at("/lifecycle/ignore_changes").toString().contains("\"kms_key_id\"")
                && primary.at("/lifecycle/ignore_changes").toString().contains("\"storage_encrypted\""), "the snapshot's encryption kept");
        JsonNode encrypted = primary.at("/lifecycle/postcondition/0");
        json.check(encrypted.path("condition").asText().equals("${self.storage_encrypted}")
                && encrypted.path("error_message").asText().contains("arn:aws:rds:eu-west-1:111111111111:snapshot:dev-seed, which is not encrypted"),
                "an unencrypted seed fails every plan: " + encrypted);
    }

    @Test
    void holdsTheEnvironmentsEncryptionKeyWhenNotSeededFromASnapshot() {
        StackJson json = synth(Tier.STAGING, d -> d);

        JsonNode primary = primary(json);

        json.check(primary.at("/lifecycle/ignore_changes").toString().equals("[\"snapshot_identifier\",\"final_snapshot_identifier\"]"),
                "only the snapshot's names ignored");
        json.check(primary.at("/lifecycle/postcondition").isMissingNode(), "no postcondition");
        json.check(primary.path("kms_key_id").asText().startsWith("${aws_kms_key."), "the environment's key");
    }

    @Test
    void statesDatabaseInsightsOnEveryInstanceAndRefusesPaidExtendedSupport() {
        StackJson json = synth(Tier.PROD, d -> d.observability(o -> o.databaseInsightsMode(DatabaseInsightsMode.ADVANCED)
                .performanceInsightsRetentionDays(496)));

        json.resources("aws_db_instance").values().forEach(instance ->
                json.check(instance.path("database_insights_mode").asText().equals("advanced"), "insights mode on every instance"));
        json.check(primary(json).path("engine_lifecycle_support").asText().equals("open-source-rds-extended-support-disabled"),
                "no silent Extended Support");
    }

    @Test
    void appliesChangesInTheMaintenanceWindowUnlessAsked() {
        StackJson windowed = synth(Tier.DEV, d -> d);
        StackJson immediate = synth(Tier.DEV, d -> d.applyImmediately(true));

        windowed.check(!primary(windowed).path("apply_immediately").asBoolean(), "maintenance window by default");
        immediate.check(primary(immediate).path("apply_immediately").asBoolean(), "at once when asked");
    }

    @Test
    void enablesBlueGreenUpdatesWithTheLogicalReplicationAMajorUpgradeNeedsOnlyWhenAsked() {
        StackJson blueGreen = synth(Tier.DEV, d -> d.blueGreenUpdate(true));
        StackJson plain = synth(Tier.DEV, d -> d);

        blueGreen.check(primary(blueGreen).at("/blue_green_update/enabled").asBoolean(), "blue/green on the primary");
        JsonNode logical = parameter(blueGreen, "rds.logical_replication");
        blueGreen.check(logical != null && logical.path("value").asText().equals("1") && logical.path("apply_method").asText().equals("pending-reboot"),
                "logical replication, pending reboot: " + logical);
        plain.check(!primary(plain).at("/blue_green_update/enabled").asBoolean(), "no blue/green unless asked");
        plain.check(parameter(plain, "rds.logical_replication") == null, "no logical replication unless asked");
    }

    @Test
    void addsExtraParametersToTheGroupAppliedAtTheNextReboot() {
        StackJson json = synth(Tier.DEV, d -> d.extraParameter("idle_session_timeout", "3600000"));

        JsonNode timeout = parameter(json, "idle_session_timeout");

        json.check(timeout != null && timeout.path("value").asText().equals("3600000") && timeout.path("apply_method").asText().equals("pending-reboot"),
                "the extra parameter, pending reboot: " + timeout);
    }

    private static JsonNode parameter(StackJson json, String name) {
        return StreamSupport.stream(json.onlyResource("aws_db_parameter_group").path("parameter").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElse(null);
    }

    @Test
    void provisionsGp3PerformanceOnlyWhenAsked() {
        StackJson json = synth(Tier.PROD, d -> d.storage(st -> st.allocatedGib(400).maxAllocatedGib(1000).iops(16000).throughputMibps(1000)));

        JsonNode primary = primary(json);

        json.check(primary.path("iops").asInt() == 16000 && primary.path("storage_throughput").asInt() == 1000, "provisioned gp3");
    }

    @Test
    void statesTheGp3BaselineFrom400GibSoThatGrowingPastItIsNotRefused() {
        StackJson json = synth(Tier.PROD, d -> d.storage(st -> st.allocatedGib(400).maxAllocatedGib(1000)));

        JsonNode primary = primary(json);

        json.check(primary.path("iops").asInt() == 12000 && primary.path("storage_throughput").asInt() == 500,
                "from 400 GiB the baseline is sent, not the 3000 IOPS and 125 MiB/s the provider read below it");
    }

    @Test
    void setsNoStorageCeilingWhereAutoscalingIsOff() {
        StackJson json = synth(Tier.PROD, d -> d.storage(st -> st.allocatedGib(500).maxAllocatedGib(500)));

        json.resources("aws_db_instance").values().forEach(instance -> json.check(instance.path("max_allocated_storage").asInt(-1) == 0,
                "max_allocated_storage 0 turns autoscaling off on every instance: " + instance.path("identifier")));
    }

    @Test
    void namesTheMonitoringRoleAfterEnvironmentAndRegionAndLetsOnlyRdsForItsAccountAssumeIt() {
        StackJson json = synth(Tier.PROD, d -> d);

        json.assertHasResourceWithProperties("aws_iam_role", Map.of("name", "storefront-prod-eu-west-1-rds-monitoring"));
        JsonNode trust = json.dataSources("aws_iam_policy_document").entrySet().stream()
                .filter(e -> e.getKey().startsWith("postgres_monitoring-trust")).findFirst().orElseThrow().getValue().path("statement").get(0);
        json.check(trust.at("/principals/0/identifiers/0").asText().equals("monitoring.rds.amazonaws.com")
                && trust.at("/condition/0/test").asText().equals("StringEquals") && trust.at("/condition/0/variable").asText().equals("aws:SourceAccount")
                && trust.at("/condition/0/values/0").asText().equals(TestStacks.environment(Tier.PROD, d -> d).accountId()),
                "enhanced monitoring of this account only: " + trust);
        json.assertHasResourceWithProperties("aws_iam_role_policy_attachment",
                Map.of("policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"));
    }

    private static JsonNode primary(StackJson json) {
        List<JsonNode> primaries = json.resources("aws_db_instance", r -> !r.has("replicate_source_db"));
        json.check(primaries.size() == 1, "one primary");
        return primaries.get(0);
    }

    private static StackJson synth(Tier tier, UnaryOperator<DatabaseConfig.Builder> overrides) {
        EnvironmentConfig environment = TestStacks.environment(tier, overrides);
        NetworkReference network = new NetworkReference("vpc-1", environment.network().availabilityZones(),
                List.of("subnet-app-a", "subnet-app-b", "subnet-app-c"), List.of("subnet-a", "subnet-b", "subnet-c"), "sg-app", "sg-endpoints");
        return TestStacks.construct(stack -> {
            EncryptionKey key = new EncryptionKey(stack, "key", new EncryptionKeyProps("storefront-test", "test", environment.accountId(),
                    environment.region(), false));
            new PostgresDatabase(stack, "postgres", new PostgresDatabaseProps(ResourceNames.of(environment), environment.accountId(), network, key,
                    new AwsDeployment().password(stack, "master"), environment.database()));
        });
    }
}

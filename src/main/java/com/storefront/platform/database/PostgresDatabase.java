package com.storefront.platform.database;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Postcondition;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstanceBlueGreenUpdate;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstanceConfig;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroup;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroupConfig;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroupParameter;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroupConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.storefront.platform.aws.Peer;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.aws.TcpRules;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.MasterPassword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.constructs.Construct;

/**
 * The PostgreSQL service of one environment: a (Multi-AZ) primary and read replicas, each in its own
 * zone, placed in the isolated database subnets and reachable only on port 5432 from the members of the
 * network's application security group, and of the groups let in with {@link #allowFrom} (never a CIDR range).
 *
 * <p>Every instance is encrypted with the environment's key (which this construct grants RDS and its log
 * groups), authenticates with IAM as well as passwords, exports its PostgreSQL and upgrade logs to log groups
 * that exist (with retention and encryption) before it does, and reports through enhanced monitoring and
 * Performance Insights. With {@link MasterPassword.WriteOnly} the primary takes the generated password through
 * write-only attributes; with {@link MasterPassword.RdsManaged}, RDS keeps it in a secret of its own.
 */
public final class PostgresDatabase extends Construct {

    public static final int PORT = TcpRules.POSTGRES;

    /** The logs RDS PostgreSQL can export to CloudWatch. */
    static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");

    private final PostgresDatabaseProps props;
    private final String subnetGroupName;
    private final String securityGroupId;
    private final PostgresParameters parameters;
    private final String parameterGroupName;
    private final DbInstance primary;
    private final List<DbInstance> replicas = new ArrayList<>();
    private final List<DatabaseInstance> instances = new ArrayList<>();

    public PostgresDatabase(Construct scope, String id, PostgresDatabaseProps props) {
        super(scope, id);
        this.props = props;
        ResourceNames names = props.names();
        DatabaseConfig config = props.config();

        subnetGroupName = new DbSubnetGroup(this, "subnet-group", DbSubnetGroupConfig.builder()
                .namePrefix(names.name("postgres-"))
                .description("Isolated database subnets of " + names.environment())
                .subnetIds(props.network().databaseSubnetIds())
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                .build()).getName();

        securityGroupId = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .name(names.name("postgres"))
                .description("PostgreSQL in " + names.environment() + ": reachable from the application security group only")
                .vpcId(props.network().vpcId())
                .tags(Map.of("Name", names.name("postgres")))
                .build()).getId();
        allowFrom("from-application", Peer.group(props.network().applicationSecurityGroupId()), "PostgreSQL from the application security group");

        parameters = PostgresParameters.of(config);
        parameterGroupName = parameterGroup(names, config).getName();
        String monitoringRoleArn = monitoringRole(names).getArn();

        String primaryIdentifier = names.name("postgres");
        List<String> replicaIdentifiers = IntStream.rangeClosed(1, config.readReplicas()).mapToObj(i -> names.name("postgres-replica-" + i)).toList();
        props.key().grantLogGroups("CloudWatchLogsUsesKeyForDatabaseLogs", Stream.concat(Stream.of(primaryIdentifier), replicaIdentifiers.stream())
                .flatMap(identifier -> LOG_EXPORTS.stream().map(log -> logGroupName(identifier, log))).toList());
        primary = new DbInstance(this, "primary", primaryConfig(primaryIdentifier, monitoringRoleArn, logGroups("primary", primaryIdentifier)));
        instances.add(new DatabaseInstance(primaryIdentifier, config.instanceClass(), false, primary));
        if (config.credentials().masterPassword() instanceof MasterPassword.WriteOnly writeOnly) {
            // Write-only attributes (provider >= 5.95) are missing from the 5.23.1 bindings; neither
            // value is stored in state or plan.
            primary.addOverride("password_wo", props.password().reference());
            primary.addOverride("password_wo_version", writeOnly.version());
        }
        // Missing from the 5.23.1 bindings. Past its end of standard support, RDS would otherwise keep the major version
        // running in paid Extended Support without asking; disabled, the upgrade is forced instead.
        primary.addOverride("engine_lifecycle_support", "open-source-rds-extended-support-disabled");
        databaseInsights(primary);

        String source = primary.getIdentifier();
        List<String> zones = props.network().availabilityZones();
        for (int i = 0; i < config.readReplicas(); i++) {
            String identifier = replicaIdentifiers.get(i);
            String zone = zones.get((i + 1) % zones.size());
            DbInstance replica = new DbInstance(this, "replica-" + (i + 1),
                    replicaConfig(identifier, zone, source, monitoringRoleArn, logGroups("replica-" + (i + 1), identifier)));
            databaseInsights(replica);
            replicas.add(replica);
            instances.add(new DatabaseInstance(identifier, config.replicaInstanceClass(), true, replica));
        }
    }

    private void databaseInsights(DbInstance instance) {
        // database_insights_mode (provider >= 5.88) is missing from the 5.23.1 bindings; stated, since RDS's
        // default has changed over time.
        instance.addOverride("database_insights_mode", props.config().observability().databaseInsightsMode().apiValue());
    }

    /** Lets members of {@code peer} (a security group, never a range) connect on {@link #PORT}; {@code id} names the rule. */
    public VpcSecurityGroupIngressRule allowFrom(String id, Peer.Group peer, String description) {
        return TcpRules.allowIn(this, id, securityGroupId, PORT, peer, description);
    }

    private DbParameterGroup parameterGroup(ResourceNames names, DatabaseConfig config) {
        return new DbParameterGroup(this, "parameter-group", DbParameterGroupConfig.builder()
                // A prefix and create-before-destroy let a major upgrade bring a new family's group in
                // before the old one, still in use, is deleted.
                .namePrefix(names.name("postgres" + config.engineMajorVersion() + "-"))
                .family(config.parameterGroupFamily())
                .description("Tuned PostgreSQL " + config.engineMajorVersion() + " for " + names.environment()
                        + ", memory sized for " + parameters.sizedFor().name())
                .parameter(parameters.with(config.observability().slowQueryMillis(), config.addedParameters()).stream()
                        .map(p -> DbParameterGroupParameter.builder()
                                .name(p.name())
                                .value(p.value())
                                .applyMethod(p.needsReboot() ? "pending-reboot" : "immediate")
                                .build())
                        .toList())
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                .build());
    }

    private IamRole monitoringRole(ResourceNames names) {
        IamRole role = new IamRole(this, "monitoring-role", IamRoleConfig.builder()
                .name(names.iamRoleName("rds-monitoring"))
                .assumeRolePolicy(PolicyStatement.document(this, "monitoring-trust", List.of(
                        PolicyStatement.allow("EnhancedMonitoringAssumesRole")
                                .service("monitoring.rds.amazonaws.com")
                                .actions("sts:AssumeRole")
                                // RDS's guide to the monitoring role: against the confused deputy, for this account only.
                                .condition("StringEquals", "aws:SourceAccount", props.accountId()))).getJson())
                .build());
        new IamRolePolicyAttachment(this, "monitoring-policy", IamRolePolicyAttachmentConfig.builder()
                .role(role.getName())
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
                .build());
        return role;
    }

    /**
     * RDS creates missing log groups itself, unencrypted and kept forever; these exist first, and where the database is
     * protected Terraform refuses to delete them with the audit trail they hold.
     */
    private List<ITerraformDependable> logGroups(String instanceId, String identifier) {
        return LOG_EXPORTS.stream().<ITerraformDependable>map(log -> new CloudwatchLogGroup(this, instanceId + "-" + log + "-logs",
                CloudwatchLogGroupConfig.builder()
                        .name(logGroupName(identifier, log))
                        .retentionInDays(props.config().observability().logRetentionDays())
                        .kmsKeyId(props.key().arn())
                        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.config().protect()).build())
                        .build())).toList();
    }

    /** Where RDS publishes {@code log} of the instance {@code identifier}. */
    private static String logGroupName(String identifier, String log) {
        return "/aws/rds/instance/" + identifier + "/" + log;
    }

    private DbInstanceConfig primaryConfig(String identifier, String monitoringRoleArn, List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        DbInstanceConfig.Builder primary = sharedByEveryInstance(identifier, monitoringRoleArn, logGroups)
                .engine("postgres")
                .engineVersion(config.engineMajorVersion())
                .allowMajorVersionUpgrade(config.allowMajorVersionUpgrade())
                .instanceClass(config.instanceClass().name())
                .multiAz(config.multiAz())
                .dbSubnetGroupName(subnetGroupName)
                .port(PORT)
                .storageType("gp3")
                .allocatedStorage(config.storage().allocatedGib())
                .storageEncrypted(true)
                .kmsKeyId(props.key().arn())
                .backupRetentionPeriod(config.backups().retentionDays())
                .backupWindow(config.backups().window())
                .blueGreenUpdate(DbInstanceBlueGreenUpdate.builder().enabled(config.blueGreenUpdate()).build())
                .maintenanceWindow(config.maintenanceWindow())
                .deleteAutomatedBackups(!config.protect())
                .skipFinalSnapshot(!config.protect())
                .lifecycle(lifecycle(config))
                .tags(Map.of("Name", identifier, "Role", "primary"));
        if (config.protect()) {
            primary.finalSnapshotIdentifier(identifier + "-final-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}");
        }
        if (config.storage().iopsToSend() != null) {
            primary.iops(config.storage().iopsToSend());
        }
        if (config.storage().throughputMibpsToSend() != null) {
            primary.storageThroughput(config.storage().throughputMibpsToSend());
        }
        if (config.backups().snapshotIdentifier() != null) {
            // The snapshot brings its own database and master user.
            primary.snapshotIdentifier(config.backups().snapshotIdentifier());
        } else {
            primary.username(config.credentials().masterUsername()).dbName(config.credentials().databaseName());
        }
        if (config.credentials().masterPassword() instanceof MasterPassword.RdsManaged) {
            primary.manageMasterUserPassword(true).masterUserSecretKmsKeyId(props.key().arn());
        }
        return primary.build();
    }

    /**
     * The primary's lifecycle. snapshot_identifier only matters at creation: changing or removing it later must never
     * replace a running database. The final snapshot name is fixed at creation so that it is unique per instance, hence
     * per destroy. A primary seeded from a snapshot keeps the snapshot's encryption, because RestoreDBInstanceFromDBSnapshot
     * takes no KMS key: its kms_key_id differs from the environment's key, which would plan a replacement (restoring the
     * snapshot again, losing everything written since) at every plan after the first. It is accepted, and an unencrypted
     * snapshot, which would leave the database unencrypted, fails every plan until the database is restored from an
     * encrypted copy.
     */
    private static TerraformResourceLifecycle lifecycle(DatabaseConfig config) {
        String snapshot = config.backups().snapshotIdentifier();
        TerraformResourceLifecycle.Builder lifecycle = TerraformResourceLifecycle.builder().preventDestroy(config.protect());
        if (snapshot == null) {
            return lifecycle.ignoreChanges(List.of("snapshot_identifier", "final_snapshot_identifier")).build();
        }
        return lifecycle
                .ignoreChanges(List.of("snapshot_identifier", "final_snapshot_identifier", "kms_key_id", "storage_encrypted"))
                .postcondition(List.of(Postcondition.builder()
                        .condition("${self.storage_encrypted}")
                        .errorMessage("The database was restored from snapshot " + snapshot + ", which is not encrypted, so neither"
                                + " is the database. Copy the snapshot with encryption (aws rds copy-db-snapshot --kms-key-id <the"
                                + " environment's kms_key_arn>) and restore the database from the copy.")
                        .build()))
                .build();
    }

    /** What the primary and every replica have in common: network, TLS, IAM auth, parameters, storage ceiling, observability. */
    private DbInstanceConfig.Builder sharedByEveryInstance(String identifier, String monitoringRoleArn, List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        return DbInstanceConfig.builder()
                .identifier(identifier)
                .vpcSecurityGroupIds(List.of(securityGroupId))
                .publiclyAccessible(false)
                .autoMinorVersionUpgrade(true)
                .iamDatabaseAuthenticationEnabled(true)
                .caCertIdentifier(config.caCertificate())
                .parameterGroupName(parameterGroupName)
                // Storage autoscaling is set per instance: without a ceiling a replica never grows and falls
                // behind a primary that did.
                // 0 turns storage autoscaling off.
                .maxAllocatedStorage(config.storage().autoscales() ? config.storage().maxAllocatedGib() : 0)
                .applyImmediately(config.applyImmediately())
                .copyTagsToSnapshot(true)
                .deletionProtection(config.protect())
                .performanceInsightsEnabled(true)
                .performanceInsightsKmsKeyId(props.key().arn())
                .performanceInsightsRetentionPeriod(config.observability().performanceInsightsRetentionDays())
                .monitoringInterval(config.observability().monitoringIntervalSeconds())
                .monitoringRoleArn(monitoringRoleArn)
                .enabledCloudwatchLogsExports(LOG_EXPORTS)
                .dependsOn(logGroups);
    }

    private DbInstanceConfig replicaConfig(String identifier, String zone, String source, String monitoringRoleArn,
            List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        // A replica takes engine, storage type and size, encryption key, credentials and subnet group from
        // its source; setting them here is either ignored or rejected by RDS.
        return sharedByEveryInstance(identifier, monitoringRoleArn, logGroups)
                .replicateSourceDb(source)
                .instanceClass(config.replicaInstanceClass().name())
                .availabilityZone(zone)
                .multiAz(false)
                // A same-region replica is always encrypted with its source's key and the provider reads that
                // back; omitting it plans a replacement of every replica on the next run (an optional,
                // create-only attribute; terraform-aws-modules/terraform-aws-rds#432).
                .storageEncrypted(true)
                // RDS takes no final snapshot of a replica; the primary's backups cover its data.
                .skipFinalSnapshot(true)
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(config.protect()).build())
                .tags(Map.of("Name", identifier, "Role", "replica"))
                .build();
    }

    /** The writer. */
    public DbInstance primary() {
        return primary;
    }

    /** The primary first, then every replica. */
    public List<DatabaseInstance> instances() {
        return List.copyOf(instances);
    }

    /** The readers, one per zone after the primary's. */
    public List<DbInstance> replicas() {
        return List.copyOf(replicas);
    }

    /** The memory and connection settings every instance runs with. */
    public PostgresParameters parameters() {
        return parameters;
    }

    public String parameterGroupName() {
        return parameterGroupName;
    }

    public String securityGroupId() {
        return securityGroupId;
    }

    public String subnetGroupName() {
        return subnetGroupName;
    }

    /** The environment's settings this database was built from. */
    public DatabaseConfig config() {
        return props.config();
    }

    /** With an RDS-managed password, the secret RDS keeps it in. */
    String rdsManagedSecretArn() {
        return primary.getMasterUserSecret().get(0).getSecretArn();
    }
}

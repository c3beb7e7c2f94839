package com.storefront.platform.database;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
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
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.MasterPassword;
import com.storefront.platform.support.Peer;
import com.storefront.platform.support.PolicyStatement;
import com.storefront.platform.support.ResourceNames;
import com.storefront.platform.support.TcpRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The PostgreSQL service of one environment: a (Multi-AZ) primary and read replicas, each in its own
 * zone, placed in the isolated database subnets and reachable only on port 5432 from members of the
 * application security group (no CIDR range is ever allowed in).
 *
 * <p>Every instance is encrypted with the environment's key, authenticates with IAM as well as
 * passwords, exports its PostgreSQL and upgrade logs to log groups that exist (with retention and
 * encryption) before it does, and reports through enhanced monitoring and Performance Insights.
 */
public final class PostgresDatabase extends Construct {

    public static final int PORT = TcpRules.POSTGRES;

    /** The logs RDS PostgreSQL can export to CloudWatch. */
    static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");

    private final DbSubnetGroup subnetGroup;
    private final SecurityGroup securityGroup;
    private final DbParameterGroup parameterGroup;
    private final DbInstance primary;
    private final List<DbInstance> replicas = new ArrayList<>();
    private final List<DatabaseInstance> instances = new ArrayList<>();

    public PostgresDatabase(Construct scope, String id, PostgresDatabaseProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        DatabaseConfig config = props.config();

        subnetGroup = new DbSubnetGroup(this, "subnet-group", DbSubnetGroupConfig.builder()
                .namePrefix(names.name("postgres-"))
                .description("Isolated database subnets of " + names.environment())
                .subnetIds(props.databaseSubnetIds())
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                .build());

        securityGroup = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .name(names.name("postgres"))
                .description("PostgreSQL in " + names.environment() + ": reachable from the application security group only")
                .vpcId(props.vpcId())
                .tags(Map.of("Name", names.name("postgres")))
                .build());
        TcpRules.allowIn(this, "from-application", securityGroup.getId(), PORT, Peer.group(props.applicationSecurityGroupId()),
                "PostgreSQL from the application security group");

        parameterGroup = parameterGroup(names, config);
        IamRole monitoringRole = monitoringRole(names);

        String primaryIdentifier = names.name("postgres");
        primary = new DbInstance(this, "primary", primaryConfig(props, primaryIdentifier, monitoringRole,
                logGroups("primary", primaryIdentifier, props)));
        instances.add(new DatabaseInstance(primaryIdentifier, config.instanceClass(), false, primary));
        if (config.masterPassword() instanceof MasterPassword.WriteOnly writeOnly) {
            // Write-only attributes (provider >= 5.95) are missing from the 5.23.1 bindings; neither
            // value is stored in state or plan.
            primary.addOverride("password_wo", "${" + props.masterPasswordExpression() + "}");
            primary.addOverride("password_wo_version", writeOnly.version());
        }

        List<String> zones = props.availabilityZones();
        for (int i = 0; i < config.readReplicas(); i++) {
            String identifier = names.name("postgres-replica-" + (i + 1));
            String zone = zones.get((i + 1) % zones.size());
            DbInstance replica = new DbInstance(this, "replica-" + (i + 1),
                    replicaConfig(props, identifier, zone, monitoringRole, logGroups("replica-" + (i + 1), identifier, props)));
            replicas.add(replica);
            instances.add(new DatabaseInstance(identifier, config.replicaInstanceClass(), true, replica));
        }
    }

    private DbParameterGroup parameterGroup(ResourceNames names, DatabaseConfig config) {
        PostgresParameters parameters = PostgresParameters.of(config);
        return new DbParameterGroup(this, "parameter-group", DbParameterGroupConfig.builder()
                // A prefix and create-before-destroy let a major upgrade bring a new family's group in
                // before the old one, still in use, is deleted.
                .namePrefix(names.name("postgres" + config.engineMajorVersion() + "-"))
                .family(config.parameterGroupFamily())
                .description("Tuned PostgreSQL " + config.engineMajorVersion() + " for " + names.environment()
                        + ", memory sized for " + parameters.sizedFor().name())
                .parameter(parameters.all(config.slowQueryMillis()).stream()
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
                                .actions("sts:AssumeRole"))).getJson())
                .build());
        new IamRolePolicyAttachment(this, "monitoring-policy", IamRolePolicyAttachmentConfig.builder()
                .role(role.getName())
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
                .build());
        return role;
    }

    /** RDS creates missing log groups itself, unencrypted and kept forever; these exist first. */
    private List<ITerraformDependable> logGroups(String instanceId, String identifier, PostgresDatabaseProps props) {
        return LOG_EXPORTS.stream().<ITerraformDependable>map(log -> new CloudwatchLogGroup(this, instanceId + "-" + log + "-logs",
                CloudwatchLogGroupConfig.builder()
                        .name("/aws/rds/instance/" + identifier + "/" + log)
                        .retentionInDays(props.config().logRetentionDays())
                        .kmsKeyId(props.kmsKeyArn())
                        .build())).toList();
    }

    private DbInstanceConfig primaryConfig(PostgresDatabaseProps props, String identifier, IamRole monitoringRole,
            List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        boolean restoring = config.snapshotIdentifier() != null;
        DbInstanceConfig.Builder primary = sharedByEveryInstance(props, identifier, monitoringRole, logGroups)
                .engine("postgres")
                .engineVersion(config.engineMajorVersion())
                .allowMajorVersionUpgrade(config.allowMajorVersionUpgrade())
                .instanceClass(config.instanceClass().name())
                .multiAz(config.multiAz())
                .dbSubnetGroupName(subnetGroup.getName())
                .port(PORT)
                .storageType("gp3")
                .allocatedStorage(config.allocatedStorageGib())
                .maxAllocatedStorage(config.maxAllocatedStorageGib())
                .storageEncrypted(true)
                .kmsKeyId(props.kmsKeyArn())
                .backupRetentionPeriod(config.backupRetentionDays())
                .backupWindow(config.backupWindow())
                .maintenanceWindow(config.maintenanceWindow())
                .deleteAutomatedBackups(!config.protect())
                .skipFinalSnapshot(!config.protect())
                .lifecycle(TerraformResourceLifecycle.builder()
                        .preventDestroy(config.protect())
                        // snapshot_identifier only matters at creation: changing or removing it later
                        // must never replace a running database. The final snapshot name is fixed at
                        // creation so that it is unique per instance, hence per destroy.
                        .ignoreChanges(List.of("snapshot_identifier", "final_snapshot_identifier"))
                        .build())
                .tags(Map.of("Name", identifier, "Role", "primary"));
        if (config.protect()) {
            primary.finalSnapshotIdentifier(identifier + "-final-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}");
        }
        if (config.iops() != null) {
            primary.iops(config.iops());
        }
        if (config.storageThroughputMibps() != null) {
            primary.storageThroughput(config.storageThroughputMibps());
        }
        if (restoring) {
            // The snapshot brings its own database and master user.
            primary.snapshotIdentifier(config.snapshotIdentifier());
        } else {
            primary.username(config.masterUsername()).dbName(config.databaseName());
        }
        if (config.masterPassword() instanceof MasterPassword.RdsManaged) {
            primary.manageMasterUserPassword(true).masterUserSecretKmsKeyId(props.kmsKeyArn());
        }
        return primary.build();
    }

    /** What the primary and every replica have in common: network, TLS, IAM auth, parameters, observability. */
    private DbInstanceConfig.Builder sharedByEveryInstance(PostgresDatabaseProps props, String identifier, IamRole monitoringRole,
            List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        return DbInstanceConfig.builder()
                .identifier(identifier)
                .vpcSecurityGroupIds(List.of(securityGroup.getId()))
                .publiclyAccessible(false)
                .autoMinorVersionUpgrade(true)
                .iamDatabaseAuthenticationEnabled(true)
                .caCertIdentifier(config.caCertificate())
                .parameterGroupName(parameterGroup.getName())
                .copyTagsToSnapshot(true)
                .deletionProtection(config.protect())
                .performanceInsightsEnabled(true)
                .performanceInsightsKmsKeyId(props.kmsKeyArn())
                .performanceInsightsRetentionPeriod(config.performanceInsightsRetentionDays())
                .monitoringInterval(config.monitoringIntervalSeconds())
                .monitoringRoleArn(monitoringRole.getArn())
                .enabledCloudwatchLogsExports(LOG_EXPORTS)
                .dependsOn(logGroups);
    }

    private DbInstanceConfig replicaConfig(PostgresDatabaseProps props, String identifier, String zone, IamRole monitoringRole,
            List<ITerraformDependable> logGroups) {
        DatabaseConfig config = props.config();
        // A replica takes engine, storage type and size, encryption key, credentials and subnet group from
        // its source; setting them here is either ignored or rejected by RDS.
        return sharedByEveryInstance(props, identifier, monitoringRole, logGroups)
                .replicateSourceDb(primary.getIdentifier())
                .instanceClass(config.replicaInstanceClass().name())
                .availabilityZone(zone)
                .multiAz(false)
                // A same-region replica is always encrypted with its source's key and the provider reads that
                // back; omitting it plans a replacement of every replica on the next run (an optional,
                // create-only attribute; terraform-aws-modules/terraform-aws-rds#432).
                .storageEncrypted(true)
                // Storage autoscaling is set per instance: without a ceiling a replica never grows and falls
                // behind a primary that did.
                .maxAllocatedStorage(config.maxAllocatedStorageGib())
                // RDS takes no final snapshot of a replica; the primary's backups cover its data.
                .skipFinalSnapshot(true)
                .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(config.protect()).build())
                .tags(Map.of("Name", identifier, "Role", "replica"))
                .build();
    }

    public DbSubnetGroup subnetGroup() {
        return subnetGroup;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public DbParameterGroup parameterGroup() {
        return parameterGroup;
    }

    public DbInstance primary() {
        return primary;
    }

    public List<DbInstance> replicas() {
        return List.copyOf(replicas);
    }

    /** The primary first, then every replica. */
    public List<DatabaseInstance> instances() {
        return List.copyOf(instances);
    }
}

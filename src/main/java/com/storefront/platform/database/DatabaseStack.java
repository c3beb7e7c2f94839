package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.MachineImage;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.DisasterRecoveryConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.deployment.Deployment;
import com.storefront.platform.deployment.EnvironmentStack;
import com.storefront.platform.deployment.GeneratedPassword;
import com.storefront.platform.deployment.Layer;
import com.storefront.platform.network.NetworkReference;
import java.util.Optional;
import software.constructs.Construct;

/**
 * {@code database-<env>}: the environment's key, PostgreSQL primary and replicas, master secret, RDS Proxy, monitoring,
 * access paths, database roles, backup bucket and (where configured) backups copied to a disaster-recovery region
 * through a second, aliased provider, placed in the network read from the network stack's state, publishing the
 * {@link DatabaseOutput} contract.
 */
public final class DatabaseStack extends EnvironmentStack {

    public DatabaseStack(Construct scope, EnvironmentConfig environment, Deployment deployment) {
        super(scope, environment, Layer.DATABASE, deployment);
        ResourceNames names = ResourceNames.of(environment);
        DatabaseConfig config = environment.database();
        NetworkReference network = NetworkReference.of(deployment.readState(this, "network", environment, Layer.NETWORK),
                environment.network().availabilityZones());
        GeneratedPassword password = deployment.password(this, "master");

        EncryptionKey key = new EncryptionKey(this, "key", new EncryptionKeyProps(names.name("postgres"),
                "Encrypts the " + environment.name() + " PostgreSQL storage, secret, logs, insights and backups",
                environment.accountId(), environment.region(), config.protect()));
        PostgresDatabase database = new PostgresDatabase(this, "postgres", new PostgresDatabaseProps(names, environment.accountId(), network, key, password, config));
        MasterSecret secret = new MasterSecret(this, "master-secret", new MasterSecretProps(names, key, database, password));
        DatabaseMonitoring monitoring = new DatabaseMonitoring(this, "monitoring",
                new DatabaseMonitoringProps(names, environment.accountId(), key, database, config.observability()));
        Optional<DatabaseProxy> proxy = config.proxy().enabled()
                ? Optional.of(new DatabaseProxy(this, "proxy", new DatabaseProxyProps(names, network, database, key,
                        deployment.password(this, "proxy"), config.access().applicationRole().name(), config.proxy(),
                        config.observability().alarms(), monitoring)))
                : Optional.empty();
        DatabaseAccess access = new DatabaseAccess(this, "access", new DatabaseAccessProps(names, environment.accountId(), database,
                secret, key, network, deployment.lookup(MachineImage.latestAmazonLinux2023()), config.access(), proxy));
        RoleProvisioning roles = new RoleProvisioning(this, "roles", new RoleProvisioningProps(names, database, secret, key, access.bastion(),
                DatabaseRoles.of(config), proxy));
        BackupExport backups = new BackupExport(this, "backups",
                new BackupExportProps(names, environment.accountId(), key, config.backups(), config.protect()));
        DisasterRecoveryConfig recovery = config.backups().disasterRecovery();
        DisasterRecoveryBackups recoveryBackups = recovery == null ? null : new DisasterRecoveryBackups(this, "disaster-recovery",
                new DisasterRecoveryBackupsProps(names, environment.accountId(), key, database, monitoring,
                        regionalProvider("disaster_recovery", recovery.region()), recovery, config.protect()));
        Integer rotationDays = config.credentials().rotationDays();
        if (rotationDays != null) {
            new PasswordRotation(this, "password-rotation", new PasswordRotationProps(names, network, database, secret, key, rotationDays, roles));
        }

        DbInstance primary = database.primary();
        output(DatabaseOutput.WRITER_ENDPOINT, primary.getAddress());
        output(DatabaseOutput.PORT, primary.getPort());
        proxy.ifPresent(p -> output(DatabaseOutput.PROXY_ENDPOINT, p.endpoint()));
        output(DatabaseOutput.READER_ENDPOINTS, database.replicas().stream().map(DbInstance::getAddress).toList());
        output(DatabaseOutput.DATABASE_NAME, primary.getDbName());
        output(DatabaseOutput.MASTER_SECRET_ARN, secret.arn());
        output(DatabaseOutput.KMS_KEY_ARN, key.arn());
        output(DatabaseOutput.DATABASE_SECURITY_GROUP_ID, database.securityGroupId());
        output(DatabaseOutput.DB_SUBNET_GROUP_NAME, database.subnetGroupName());
        output(DatabaseOutput.PRIMARY_RESOURCE_ID, primary.getResourceId());
        output(DatabaseOutput.BACKUP_BUCKET_NAME, backups.bucket().getBucket());
        output(DatabaseOutput.BACKUP_EXPORT_ROLE_ARN, backups.exportRole().getArn());
        output(DatabaseOutput.ALARM_TOPIC_ARN, monitoring.topic().getArn());
        output(DatabaseOutput.DASHBOARD_URL, monitoring.dashboardUrl());
        output(DatabaseOutput.APPLICATION_CONNECT_POLICY_ARN, access.applicationConnect().getArn());
        access.replicaConnect().ifPresent(policy -> output(DatabaseOutput.REPLICA_CONNECT_POLICY_ARN, policy.getArn()));
        output(DatabaseOutput.BREAK_GLASS_POLICY_ARN, access.breakGlass().getArn());
        access.bastion().ifPresent(bastion -> output(DatabaseOutput.BASTION_INSTANCE_ID, bastion.instance().getId()));
        access.portForwardCommand().ifPresent(command -> output(DatabaseOutput.SSM_PORT_FORWARD_COMMAND, command));
        output(DatabaseOutput.PSQL_CONNECTION_STRING, access.psqlConnectionString());
        output(DatabaseOutput.IAM_TOKEN_COMMAND, access.iamTokenCommand());
        output(DatabaseOutput.MASTER_SECRET_COMMAND, secret.readCommand(environment.region()));
        output(DatabaseOutput.DATABASE_ROLES_SQL, roles.script());
        output(DatabaseOutput.DATABASE_ROLES_COMMAND, roles.runCommand());
        output(DatabaseOutput.SNAPSHOT_EXPORT_COMMAND, backups.exportCommand());
        if (recoveryBackups != null) {
            output(DatabaseOutput.BACKUP_PLAN_ID, recoveryBackups.plan().getId());
            output(DatabaseOutput.DISASTER_RECOVERY_REGION, recoveryBackups.recoveryRegion());
            output(DatabaseOutput.DISASTER_RECOVERY_VAULT_NAME, recoveryBackups.recoveryVault().getName());
            output(DatabaseOutput.DISASTER_RECOVERY_VAULT_ARN, recoveryBackups.recoveryVault().getArn());
            output(DatabaseOutput.DISASTER_RECOVERY_KEY_ARN, recoveryBackups.recoveryKeyArn());
        }
    }

    private void output(DatabaseOutput output, Object value) {
        new TerraformOutput(this, output.outputName(), TerraformOutputConfig.builder().value(value).build());
    }
}

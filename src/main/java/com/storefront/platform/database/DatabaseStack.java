package com.storefront.platform.database;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.MasterPassword;
import com.storefront.platform.support.Deployment;
import com.storefront.platform.support.EncryptionKey;
import com.storefront.platform.support.EncryptionKeyProps;
import com.storefront.platform.support.EnvironmentStack;
import com.storefront.platform.support.Layer;
import com.storefront.platform.support.MachineImage;
import com.storefront.platform.support.NetworkOutput;
import com.storefront.platform.support.PolicyStatement;
import com.storefront.platform.support.ResourceNames;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * {@code database-<env>}: the environment's key, master secret, PostgreSQL primary and replicas, and
 * backup bucket, placed in the network read from the network stack's state.
 */
public final class DatabaseStack extends EnvironmentStack {

    public DatabaseStack(Construct scope, EnvironmentConfig environment, Deployment deployment) {
        super(scope, environment, Layer.DATABASE, deployment);
        ResourceNames names = ResourceNames.of(environment);
        DatabaseConfig config = environment.database();
        TerraformRemoteState network = deployment.readState(this, "network", environment, Layer.NETWORK);

        EncryptionKey key = new EncryptionKey(this, "key", new EncryptionKeyProps(
                names.name("postgres"),
                "Encrypts the " + environment.name() + " PostgreSQL storage, secret, logs, insights and backups",
                environment.accountId(),
                keyGrants(environment, names),
                config.protect()));

        String passwordExpression = null;
        Optional<MasterSecret> secret = Optional.empty();
        if (config.masterPassword() instanceof MasterPassword.WriteOnly writeOnly) {
            passwordExpression = deployment.masterPasswordExpression(this);
            secret = Optional.of(new MasterSecret(this, "master-secret",
                    new MasterSecretProps(names, key.arn(), passwordExpression, writeOnly.version(), config)));
        }

        String vpcId = network.getString(NetworkOutput.VPC_ID.outputName());
        PostgresDatabase database = new PostgresDatabase(this, "postgres", new PostgresDatabaseProps(
                names,
                vpcId,
                network.getList(NetworkOutput.DATABASE_SUBNET_IDS.outputName()),
                network.getString(NetworkOutput.APPLICATION_SECURITY_GROUP_ID.outputName()),
                environment.network().availabilityZones(),
                key.arn(),
                passwordExpression,
                config));
        DbInstance primary = database.primary();
        String masterSecretArn = secret.map(MasterSecret::arn).orElseGet(() -> primary.getMasterUserSecret().get(0).getSecretArn());

        DatabaseMonitoring monitoring = new DatabaseMonitoring(this, "monitoring", new DatabaseMonitoringProps(
                names, environment.accountId(), key.arn(), database.instances(), database.parameterGroup().getName(), config));
        DatabaseAccess access = new DatabaseAccess(this, "access", new DatabaseAccessProps(
                names, environment.accountId(), database.instances(), masterSecretArn, key.arn(), vpcId,
                Fn.element(network.getList(NetworkOutput.APPLICATION_SUBNET_IDS.outputName()), 0).toString(),
                database.securityGroup().getId(), deployment.lookup(MachineImage.latestAmazonLinux2023()), config));

        BackupExport backups = new BackupExport(this, "backups", new BackupExportProps(
                names, environment.accountId(), key.arn(), config.backupLifecycle(), config.protect()));

        output("writer_endpoint", primary.getAddress());
        output("port", primary.getPort());
        output("reader_endpoints", database.replicas().stream().map(DbInstance::getAddress).toList());
        output("database_name", primary.getDbName());
        output("master_secret_arn", masterSecretArn);
        output("kms_key_arn", key.arn());
        output("database_security_group_id", database.securityGroup().getId());
        output("db_subnet_group_name", database.subnetGroup().getName());
        output("primary_resource_id", primary.getResourceId());
        output("backup_bucket_name", backups.bucket().getBucket());
        output("backup_export_role_arn", backups.exportRole().getArn());
        output("alarm_topic_arn", monitoring.topic().getArn());
        output("dashboard_url", monitoring.dashboardUrl());
        output("application_connect_policy_arn", access.applicationConnect().getArn());
        access.replicaConnect().ifPresent(policy -> output("replica_connect_policy_arn", policy.getArn()));
        output("break_glass_policy_arn", access.breakGlass().getArn());
        access.bastion().ifPresent(bastion -> {
            output("bastion_instance_id", bastion.getId());
            output("ssm_port_forward_command", "aws ssm start-session --region " + environment.region() + " --target " + bastion.getId()
                    + " --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '{\"host\":[\"" + primary.getAddress()
                    + "\"],\"portNumber\":[\"" + PostgresDatabase.PORT + "\"],\"localPortNumber\":[\"" + PostgresDatabase.PORT + "\"]}'");
        });
    }

    private static List<PolicyStatement> keyGrants(EnvironmentConfig environment, ResourceNames names) {
        String region = environment.region();
        String account = environment.accountId();
        return List.of(
                viaService("RdsUsesKey", account, "rds." + region + ".amazonaws.com"),
                viaService("SecretsManagerUsesKey", account, "secretsmanager." + region + ".amazonaws.com"),
                EncryptionKey.cloudWatchLogsGrant("CloudWatchLogsUsesKeyForDatabaseLogs", region, account,
                        "/aws/rds/instance/" + names.name("postgres") + "*"),
                // The alarm topic is encrypted: its publishers need the key to write to it.
                PolicyStatement.allow("AlarmPublishersUseKey")
                        .service("cloudwatch.amazonaws.com", "events.rds.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceAccount", account));
    }

    /** Principals of the account may use the key, but only through {@code service}. */
    private static PolicyStatement viaService(String sid, String account, String service) {
        return PolicyStatement.allow(sid)
                .account(account)
                .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant",
                        "kms:ListGrants", "kms:DescribeKey")
                .resources("*")
                .condition("StringEquals", "kms:ViaService", service)
                .condition("StringEquals", "kms:CallerAccount", account);
    }

    private void output(String name, Object value) {
        new TerraformOutput(this, name, TerraformOutputConfig.builder().value(value).build());
    }
}

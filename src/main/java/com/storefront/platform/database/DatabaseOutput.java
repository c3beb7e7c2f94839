package com.storefront.platform.database;

/**
 * The outputs the database stack publishes: one contract for the stack, the emulator lifecycle test and
 * {@code modules/database-access}, which reads them from the stack's state.
 */
public enum DatabaseOutput {
    WRITER_ENDPOINT("writer_endpoint"),
    PORT("port"),
    /** Only with an RDS Proxy: where writers connect, with IAM tokens as the proxied user. */
    PROXY_ENDPOINT("proxy_endpoint"),
    READER_ENDPOINTS("reader_endpoints"),
    DATABASE_NAME("database_name"),
    MASTER_SECRET_ARN("master_secret_arn"),
    KMS_KEY_ARN("kms_key_arn"),
    DATABASE_SECURITY_GROUP_ID("database_security_group_id"),
    DB_SUBNET_GROUP_NAME("db_subnet_group_name"),
    PRIMARY_RESOURCE_ID("primary_resource_id"),
    BACKUP_BUCKET_NAME("backup_bucket_name"),
    BACKUP_EXPORT_ROLE_ARN("backup_export_role_arn"),
    ALARM_TOPIC_ARN("alarm_topic_arn"),
    DASHBOARD_URL("dashboard_url"),
    APPLICATION_CONNECT_POLICY_ARN("application_connect_policy_arn"),
    /** Only with read replicas. */
    REPLICA_CONNECT_POLICY_ARN("replica_connect_policy_arn"),
    BREAK_GLASS_POLICY_ARN("break_glass_policy_arn"),
    /** Only with a bastion. */
    BASTION_INSTANCE_ID("bastion_instance_id"),
    /** Only with a bastion. */
    SSM_PORT_FORWARD_COMMAND("ssm_port_forward_command"),
    /** libpq parameters of the writer (the proxy, else the primary) for the application role, without a password. */
    PSQL_CONNECTION_STRING("psql_connection_string"),
    IAM_TOKEN_COMMAND("iam_token_command"),
    MASTER_SECRET_COMMAND("master_secret_command"),
    /** The psql script that creates and grants the database roles; the bastion runs it on deploy where there is one. */
    DATABASE_ROLES_SQL("database_roles_sql"),
    /** How to run that script: again on the bastion, or by hand where there is none. */
    DATABASE_ROLES_COMMAND("database_roles_command"),
    /** Exports the snapshot named in $SNAPSHOT_ARN to the backup bucket. */
    SNAPSHOT_EXPORT_COMMAND("snapshot_export_command"),
    /** Only with disaster-recovery backups: the AWS Backup plan backing up the primary. */
    BACKUP_PLAN_ID("backup_plan_id"),
    /** Only with disaster-recovery backups: the region the recovery points are copied to. */
    DISASTER_RECOVERY_REGION("disaster_recovery_region"),
    /** Only with disaster-recovery backups: the vault holding the copies, in the disaster-recovery region. */
    DISASTER_RECOVERY_VAULT_NAME("disaster_recovery_vault_name"),
    /** Only with disaster-recovery backups. */
    DISASTER_RECOVERY_VAULT_ARN("disaster_recovery_vault_arn"),
    /** Only with disaster-recovery backups: the key of the copies, which a database restored from them is encrypted with. */
    DISASTER_RECOVERY_KEY_ARN("disaster_recovery_key_arn");

    private final String outputName;

    DatabaseOutput(String outputName) {
        this.outputName = outputName;
    }

    /** The Terraform output name, snake_case. */
    public String outputName() {
        return outputName;
    }
}

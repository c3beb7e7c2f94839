package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlan;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlanConfig;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlanRule;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlanRuleCopyAction;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlanRuleCopyActionLifecycle;
import com.hashicorp.cdktf.providers.aws.backup_plan.BackupPlanRuleLifecycle;
import com.hashicorp.cdktf.providers.aws.backup_selection.BackupSelection;
import com.hashicorp.cdktf.providers.aws.backup_selection.BackupSelectionConfig;
import com.hashicorp.cdktf.providers.aws.backup_vault.BackupVault;
import com.hashicorp.cdktf.providers.aws.backup_vault.BackupVaultConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.EncryptionKeyProps;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.DisasterRecoveryConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * AWS Backup of the primary instance with every recovery point copied to a second region: a daily and a monthly
 * snapshot rule keep their recovery points in a vault of the environment's region (encrypted with the environment's
 * key) and copy each one to a vault in the disaster-recovery region, encrypted with a key of its own there. The role
 * AWS Backup assumes has AWS's managed backup and restore policies and is granted what the cross-region snapshot
 * copy needs on both keys.
 */
public final class DisasterRecoveryBackups extends Construct {

    /** Daily, and monthly on the 1st, at {@link DisasterRecoveryConfig#START_HOUR_UTC}. */
    static final String DAILY_SCHEDULE = "cron(0 " + DisasterRecoveryConfig.START_HOUR_UTC + " ? * * *)";
    static final String MONTHLY_SCHEDULE = "cron(0 " + DisasterRecoveryConfig.START_HOUR_UTC + " 1 * ? *)";

    /** Time a snapshot and its cross-region copy may take before AWS Backup cancels the job. */
    static final int COMPLETION_WINDOW_MINUTES = 8 * 60;

    /** The states of AWS Backup's job events in which a backup or copy job ended without a whole recovery point. */
    static final List<String> FAILED_JOB_STATES = List.of("ABORTED", "EXPIRED", "FAILED", "PARTIAL");

    private final EncryptionKey recoveryKey;
    private final BackupVault vault;
    private final BackupVault recoveryVault;
    private final BackupPlan plan;
    private final IamRole role;
    private final String recoveryRegion;

    public DisasterRecoveryBackups(Construct scope, String id, DisasterRecoveryBackupsProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        DisasterRecoveryConfig config = props.config();
        recoveryRegion = config.region();
        TerraformResourceLifecycle protection = TerraformResourceLifecycle.builder().preventDestroy(props.protect()).build();

        role = new IamRole(this, "role", IamRoleConfig.builder()
                .name(names.iamRoleName("backup"))
                .assumeRolePolicy(PolicyStatement.document(this, "trust", List.of(
                        PolicyStatement.allow("AwsBackupAssumesRole")
                                .service("backup.amazonaws.com")
                                .actions("sts:AssumeRole"))).getJson())
                .build());
        for (String policy : List.of("AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores")) {
            new IamRolePolicyAttachment(this, policy, IamRolePolicyAttachmentConfig.builder()
                    .role(role.getName())
                    .policyArn("arn:aws:iam::aws:policy/service-role/" + policy)
                    .build());
        }

        // The copy decrypts the snapshot with the environment's key and encrypts it again with the recovery key, in its
        // region, through RDS and AWS Backup: the managed policies give the role both keys (ForBackup the grants, ForRestores
        // the use through RDS), and both key policies leave the account's roles to their IAM policies.
        recoveryKey = new EncryptionKey(this, "recovery-key", new EncryptionKeyProps(names.name("dr-backups"),
                "Encrypts the " + names.environment() + " PostgreSQL recovery points copied from " + names.region(),
                props.accountId(), config.region(), props.protect(), props.recoveryProvider()));

        vault = new BackupVault(this, "vault", BackupVaultConfig.builder()
                .name(names.name("backups"))
                .kmsKeyArn(props.key().arn())
                .forceDestroy(!props.protect())
                .lifecycle(protection)
                .build());
        recoveryVault = new BackupVault(this, "recovery-vault", BackupVaultConfig.builder()
                .provider(props.recoveryProvider())
                .name(names.name("dr-backups"))
                .kmsKeyArn(recoveryKey.arn())
                .forceDestroy(!props.protect())
                .lifecycle(protection)
                .build());

        plan = new BackupPlan(this, "plan", BackupPlanConfig.builder()
                .name(names.name("postgres-dr"))
                .rule(List.of(
                        rule("daily", DAILY_SCHEDULE, config.dailyRetentionDays()),
                        rule("monthly", MONTHLY_SCHEDULE, config.monthlyRetentionDays())))
                .build());
        new BackupSelection(this, "primary", BackupSelectionConfig.builder()
                .name(names.name("postgres-primary"))
                .planId(plan.getId())
                .iamRoleArn(role.getArn())
                .resources(List.of(props.database().primary().getArn()))
                .build());

        // AWS Backup tells of a job that failed, expired before it could start or was aborted only as an event: without
        // this rule a day's snapshot or its copy could fail every day and nobody would know until a restore.
        props.alerts().alertOn("backup-failures", "AWS Backup jobs of " + names.environment() + " that did not complete",
                new TreeMap<>(Map.of(
                        "source", List.of("aws.backup"),
                        "detail-type", List.of("Backup Job State Change", "Copy Job State Change"),
                        "detail", Map.of("state", FAILED_JOB_STATES))),
                new TreeMap<>(Map.of("kind", "$.detail-type", "state", "$.detail.state", "resource", "$.detail.resourceArn",
                        "reason", "$.detail.statusMessage")),
                "AWS Backup in " + names.region() + ": <kind>, <state>, for <resource>: <reason>. A disaster-recovery snapshot of "
                        + names.environment() + ", or its copy to " + recoveryRegion + ", is missing: see the jobs in the AWS Backup"
                        + " console, then run the backup on demand.");
    }

    private BackupPlanRule rule(String name, String schedule, int retentionDays) {
        return BackupPlanRule.builder()
                .ruleName(name)
                .targetVaultName(vault.getName())
                .schedule(schedule)
                .startWindow(DisasterRecoveryConfig.START_WINDOW_MINUTES)
                .completionWindow(COMPLETION_WINDOW_MINUTES)
                // Snapshots, not continuous backups: point-in-time recovery stays with the instance's own automated
                // backups, which a continuous AWS Backup rule would take over (and their retention with it).
                .enableContinuousBackup(false)
                .lifecycle(BackupPlanRuleLifecycle.builder().deleteAfter(retentionDays).build())
                .copyAction(List.of(BackupPlanRuleCopyAction.builder()
                        .destinationVaultArn(recoveryVault.getArn())
                        .lifecycle(BackupPlanRuleCopyActionLifecycle.builder().deleteAfter(retentionDays).build())
                        .build()))
                .build();
    }

    /** The vault in the disaster-recovery region holding the copies. */
    public BackupVault recoveryVault() {
        return recoveryVault;
    }

    /** The vault in the environment's region holding the plan's own recovery points. */
    public BackupVault vault() {
        return vault;
    }

    public BackupPlan plan() {
        return plan;
    }

    public String recoveryRegion() {
        return recoveryRegion;
    }

    public String recoveryKeyArn() {
        return recoveryKey.arn();
    }
}

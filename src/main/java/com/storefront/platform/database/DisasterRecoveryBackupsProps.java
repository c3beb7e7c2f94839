package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformProvider;
import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.DisasterRecoveryConfig;

/**
 * @param names the environment's resource names
 * @param accountId the account, whose principals administer the disaster-recovery key
 * @param key the environment's key: the primary's storage and snapshots, and the environment's vault
 * @param database the database whose primary is backed up
 * @param alerts where a backup or copy job that did not complete is reported
 * @param recoveryProvider the AWS provider of the disaster-recovery region ({@code config.region()}), made by the stack
 * @param config the disaster-recovery region and retentions
 * @param protect whether Terraform refuses to destroy the vaults and the disaster-recovery key; an unprotected vault is
 *     emptied on destroy
 */
public record DisasterRecoveryBackupsProps(ResourceNames names, String accountId, EncryptionKey key, PostgresDatabase database,
        DatabaseMonitoring alerts, TerraformProvider recoveryProvider, DisasterRecoveryConfig config, boolean protect) {
}

package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.BackupConfig;

/**
 * @param names the environment's resource names
 * @param accountId the account, part of the globally unique bucket name
 * @param key the key objects are encrypted with
 * @param backups the export bucket's lifecycle, Object Lock and access-log retention
 * @param protect whether Terraform refuses to destroy the buckets; unprotected buckets are emptied on destroy
 */
public record BackupExportProps(ResourceNames names, String accountId, EncryptionKey key, BackupConfig backups, boolean protect) {
}

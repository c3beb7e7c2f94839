package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.BackupBucketLifecycle;

/**
 * @param names the environment's resource names
 * @param accountId the account, part of the globally unique bucket name
 * @param key the key objects are encrypted with
 * @param lifecycle storage classes and expiry
 * @param protect whether Terraform refuses to destroy the bucket; unprotected buckets are emptied on destroy
 */
public record BackupExportProps(ResourceNames names, String accountId, EncryptionKey key, BackupBucketLifecycle lifecycle, boolean protect) {
}

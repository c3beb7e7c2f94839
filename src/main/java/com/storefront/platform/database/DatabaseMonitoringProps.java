package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.ObservabilityConfig;

/**
 * @param names the environment's resource names
 * @param accountId the account, to scope who may publish to the topic
 * @param key the key the alarm topic is encrypted with
 * @param database the database to watch: its instances and parameter group
 * @param observability alarm thresholds and the e-mail addresses to notify
 */
public record DatabaseMonitoringProps(ResourceNames names, String accountId, EncryptionKey key, PostgresDatabase database,
        ObservabilityConfig observability) {
}

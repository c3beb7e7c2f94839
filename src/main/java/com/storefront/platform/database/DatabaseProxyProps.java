package com.storefront.platform.database;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.AlarmThresholds;
import com.storefront.platform.config.ProxyConfig;
import com.storefront.platform.deployment.GeneratedPassword;
import com.storefront.platform.network.NetworkReference;

/**
 * @param names the environment's resource names
 * @param network the application subnets the proxy listens in, and the application group it lets in
 * @param database the database whose primary it pools, and which lets the proxy in
 * @param key the environment's key, which encrypts the proxy's secret
 * @param password the proxy user's password, written once to the secret through write-only attributes
 * @param user the database role the proxy logs in as, and the one applications name when they connect to it
 * @param pool the pool's limits and timeouts
 * @param alarms the window its availability alarm is judged over, the environment's for every alarm
 * @param alerts where the proxy's failures, changes and availability are reported
 */
public record DatabaseProxyProps(ResourceNames names, NetworkReference network, PostgresDatabase database, EncryptionKey key,
        GeneratedPassword password, String user, ProxyConfig pool, AlarmThresholds alarms, DatabaseMonitoring alerts) {
}

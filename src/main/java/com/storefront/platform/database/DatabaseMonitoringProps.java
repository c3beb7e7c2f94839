package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.support.ResourceNames;
import java.util.List;

/**
 * @param names the environment's resource names
 * @param accountId the account, to scope who may publish to the topic
 * @param kmsKeyArn the key the alarm topic is encrypted with
 * @param instances the primary and replicas to watch
 * @param parameterGroupName the parameter group whose changes are reported
 * @param config the database settings, whose alarm thresholds apply
 */
public record DatabaseMonitoringProps(ResourceNames names, String accountId, String kmsKeyArn, List<DatabaseInstance> instances,
        String parameterGroupName, DatabaseConfig config) {

    public DatabaseMonitoringProps {
        instances = List.copyOf(instances);
    }
}

package com.storefront.platform.database;

import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.storefront.platform.config.InstanceClass;

/**
 * One running PostgreSQL instance, as monitoring and access need to know it.
 *
 * @param identifier the RDS identifier, known at synth
 * @param instanceClass its class, which sizes its alarms
 * @param replica whether it is a read replica
 * @param resource the Terraform resource
 */
public record DatabaseInstance(String identifier, InstanceClass instanceClass, boolean replica, DbInstance resource) {
}

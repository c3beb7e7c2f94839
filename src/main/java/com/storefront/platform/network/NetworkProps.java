package com.storefront.platform.network;

import com.storefront.platform.config.NetworkConfig;
import com.storefront.platform.aws.ResourceNames;

/**
 * @param names the environment's resource names
 * @param accountId the account, named in the flow-log key policy and role trust
 * @param layout the VPC range, zones, subnets, NAT strategy and flow-log retention
 */
public record NetworkProps(ResourceNames names, String accountId, NetworkConfig layout) {
}

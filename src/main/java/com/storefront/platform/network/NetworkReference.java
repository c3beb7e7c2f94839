package com.storefront.platform.network;

import com.hashicorp.cdktf.TerraformRemoteState;
import java.util.List;

/**
 * The parts of an environment's network that the database stack builds on, read once from the network
 * stack's outputs ({@link NetworkOutput}). Ids are Terraform references, known after the network is applied.
 *
 * @param vpcId the VPC
 * @param availabilityZones the zones, in order, as the configuration names them
 * @param applicationSubnetIds the private application subnets, one per zone
 * @param databaseSubnetIds the isolated database subnets, one per zone
 * @param applicationSecurityGroupId the group whose members may reach the database
 * @param endpointsSecurityGroupId the group of the VPC's interface endpoints, Secrets Manager's among them
 */
public record NetworkReference(String vpcId, List<String> availabilityZones, List<String> applicationSubnetIds,
        List<String> databaseSubnetIds, String applicationSecurityGroupId, String endpointsSecurityGroupId) {

    public NetworkReference {
        availabilityZones = List.copyOf(availabilityZones);
    }

    /**
     * The network published in {@code state}; zones come from the configuration, because replicas are placed in
     * them at synth.
     */
    public static NetworkReference of(TerraformRemoteState state, List<String> availabilityZones) {
        return new NetworkReference(
                state.getString(NetworkOutput.VPC_ID.outputName()),
                availabilityZones,
                state.getList(NetworkOutput.APPLICATION_SUBNET_IDS.outputName()),
                state.getList(NetworkOutput.DATABASE_SUBNET_IDS.outputName()),
                state.getString(NetworkOutput.APPLICATION_SECURITY_GROUP_ID.outputName()),
                state.getString(NetworkOutput.ENDPOINTS_SECURITY_GROUP_ID.outputName()));
    }
}

package com.storefront.platform.network;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.deployment.Deployment;
import com.storefront.platform.deployment.EnvironmentStack;
import com.storefront.platform.deployment.Layer;
import com.storefront.platform.aws.ResourceNames;
import software.constructs.Construct;

/** {@code network-<env>}: the environment's VPC, publishing the {@link NetworkOutput} contract. */
public final class NetworkStack extends EnvironmentStack {

    public NetworkStack(Construct scope, EnvironmentConfig environment, Deployment deployment) {
        super(scope, environment, Layer.NETWORK, deployment);
        Network network = new Network(this, "network",
                new NetworkProps(ResourceNames.of(environment), environment.accountId(), environment.network()));

        output(NetworkOutput.VPC_ID, network.vpc().getId());
        output(NetworkOutput.VPC_CIDR, network.vpc().getCidrBlock());
        output(NetworkOutput.AVAILABILITY_ZONES, environment.network().availabilityZones());
        output(NetworkOutput.PUBLIC_SUBNET_IDS, network.publicSubnetIds());
        output(NetworkOutput.APPLICATION_SUBNET_IDS, network.applicationSubnetIds());
        output(NetworkOutput.DATABASE_SUBNET_IDS, network.databaseSubnetIds());
        output(NetworkOutput.APPLICATION_SECURITY_GROUP_ID, network.applicationSecurityGroupId());
        output(NetworkOutput.ENDPOINTS_SECURITY_GROUP_ID, network.endpointsSecurityGroupId());
    }

    private void output(NetworkOutput output, Object value) {
        new TerraformOutput(this, output.outputName(), TerraformOutputConfig.builder().value(value).build());
    }
}

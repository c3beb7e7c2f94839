package com.storefront.platform.database;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.support.Deployment;
import com.storefront.platform.support.EnvironmentStack;
import com.storefront.platform.support.Layer;
import com.storefront.platform.support.NetworkOutput;
import com.storefront.platform.support.ResourceNames;
import software.constructs.Construct;

/** {@code database-<env>}: the PostgreSQL service, placed in the network read from the network stack's state. */
public final class DatabaseStack extends EnvironmentStack {

    public DatabaseStack(Construct scope, EnvironmentConfig environment, Deployment deployment) {
        super(scope, environment, Layer.DATABASE, deployment);
        TerraformRemoteState network = deployment.readState(this, "network", environment, Layer.NETWORK);

        PostgresDatabase database = new PostgresDatabase(this, "postgres", new PostgresDatabaseProps(
                ResourceNames.of(environment),
                network.getString(NetworkOutput.VPC_ID.outputName()),
                network.getList(NetworkOutput.DATABASE_SUBNET_IDS.outputName()),
                network.getString(NetworkOutput.APPLICATION_SECURITY_GROUP_ID.outputName()),
                environment.database()));

        output("database_security_group_id", database.securityGroup().getId());
        output("db_subnet_group_name", database.subnetGroup().getName());
    }

    private void output(String name, Object value) {
        new TerraformOutput(this, name, TerraformOutputConfig.builder().value(value).build());
    }
}

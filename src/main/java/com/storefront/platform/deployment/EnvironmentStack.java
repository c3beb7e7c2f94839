package com.storefront.platform.deployment;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.EnvironmentConfig;
import java.util.Map;
import software.constructs.Construct;

/**
 * One layer of one environment, with its AWS provider. Backends are attached by {@code Main}, through
 * the {@link Deployment}.
 */
public abstract class EnvironmentStack extends TerraformStack {

    /**
     * Accepts the provider version on this project's machines (5.100.0) and any later 5.x. The 0.19
     * bindings pin 5.23.1, which lacks the write-only attributes the database relies on.
     */
    public static final String AWS_PROVIDER_CONSTRAINT = "~> 5.100";

    private final EnvironmentConfig environment;
    private final Layer layer;

    protected EnvironmentStack(Construct scope, EnvironmentConfig environment, Layer layer, Deployment deployment) {
        super(scope, layer.stackId(environment));
        this.environment = environment;
        this.layer = layer;
        new AwsProvider(this, "aws", deployment.providerConfig(environment, Map.of(
                "Project", ResourceNames.PROJECT,
                "Environment", environment.name(),
                "Component", layer.component(),
                "ManagedBy", "cdktf")));
        addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_CONSTRAINT);
    }

    public EnvironmentConfig environment() {
        return environment;
    }

    /** Where this stack's state is kept. */
    public StateLocation stateLocation() {
        return StateLocation.of(environment, layer);
    }
}

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
    private final Deployment deployment;

    protected EnvironmentStack(Construct scope, EnvironmentConfig environment, Layer layer, Deployment deployment) {
        super(scope, layer.stackId(environment));
        this.environment = environment;
        this.layer = layer;
        this.deployment = deployment;
        new AwsProvider(this, "aws", deployment.providerConfig(environment, environment.region(), defaultTags()));
        addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_CONSTRAINT);
    }

    /**
     * A second AWS provider of this stack, named {@code alias}, in {@code region}: the same credentials, endpoints,
     * allowed accounts and default tags as the stack's own. Resources use it only when given it.
     */
    protected AwsProvider regionalProvider(String alias, String region) {
        AwsProvider provider = new AwsProvider(this, "aws-" + alias, deployment.providerConfig(environment, region, defaultTags()));
        provider.setAlias(alias);
        return provider;
    }

    private Map<String, String> defaultTags() {
        return Map.of(
                "Project", ResourceNames.PROJECT,
                "Environment", environment.name(),
                "Component", layer.component(),
                "ManagedBy", "cdktf");
    }

    public EnvironmentConfig environment() {
        return environment;
    }

    /** Where this stack's state is kept. */
    public StateLocation stateLocation() {
        return StateLocation.of(environment, layer);
    }
}

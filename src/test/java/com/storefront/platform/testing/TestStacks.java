package com.storefront.platform.testing;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.config.Tier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Small stacks for construct tests, and the declared environments for parameterized stack tests. */
public final class TestStacks {

    private TestStacks() {
    }

    /** A bare stack with an AWS provider, holding whatever {@code body} adds, synthesized. */
    public static StackJson construct(Consumer<TerraformStack> body) {
        return Jsii.locked(() -> {
            App app = Testing.app();
            TerraformStack stack = new TerraformStack(app, "test");
            new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
            body.accept(stack);
            return StackJson.synth(stack);
        });
    }

    /**
     * A valid environment of {@code tier} (its tier's defaults, in eu-west-1) named after the tier, with its
     * database changed by {@code database}.
     */
    public static EnvironmentConfig environment(Tier tier, UnaryOperator<DatabaseConfig.Builder> database) {
        String name = tier.name().toLowerCase();
        return EnvironmentConfig.builder(name, tier)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-" + name + "-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))
                // Protected tiers must page someone.
                .database(d -> d.observability(o -> o.alarmEmails("oncall@example.com")))
                .database(database)
                .build();
    }

    /** The environment named {@code name} as declared in {@link Environments}. */
    public static EnvironmentConfig environment(String name) {
        return Environments.all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}

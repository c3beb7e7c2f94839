package com.storefront.platform.testing;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.config.Environments;
import java.util.function.Consumer;

/** Small stacks for construct tests, and the declared environments for parameterized stack tests. */
public final class TestStacks {

    private TestStacks() {
    }

    /** A bare stack with an AWS provider, holding whatever {@code body} adds, synthesized. */
    public static StackJson construct(Consumer<TerraformStack> body) {
        App app = Testing.app();
        TerraformStack stack = new TerraformStack(app, "test");
        new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
        body.accept(stack);
        return StackJson.synth(stack);
    }

    /** The environment named {@code name} as declared in {@link Environments}. */
    public static EnvironmentConfig environment(String name) {
        return Environments.all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}

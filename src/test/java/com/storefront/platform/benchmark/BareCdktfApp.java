package com.storefront.platform.benchmark;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;

/**
 * The yardstick of {@code scripts/benchmark synth}: the least a CDKTF Java app with this project's dependencies
 * can do, six stacks with one AWS provider and one resource each, synthesized into {@code args[0]}.
 */
public final class BareCdktfApp {

    private BareCdktfApp() {
    }

    public static void main(String[] args) {
        App app = new App(AppConfig.builder().outdir(args[0]).build());
        for (String environment : new String[] {"dev", "staging", "prod"}) {
            for (String layer : new String[] {"network", "database"}) {
                TerraformStack stack = new TerraformStack(app, layer + "-" + environment);
                new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
                new SsmParameter(stack, "marker", SsmParameterConfig.builder()
                        .name("/storefront/" + environment + "/" + layer).type("String").value(layer).build());
            }
        }
        app.synth();
    }
}

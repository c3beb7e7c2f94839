package com.storefront.platform.benchmark;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;

/**
 * The floor under {@code scripts/benchmark synth}: stacks as large as this project's, every resource the same trivial
 * SSM parameter and every output a reference to one of them, synthesized into {@code args[0]}. Each further argument is
 * {@code <stack>=<resources and data sources>:<outputs>}. What this costs beyond {@link BareCdktfApp} is jsii's cost of
 * that many elements; what the project costs beyond this is its own code and the variety of its resources.
 */
public final class SameSizeCdktfApp {

    private SameSizeCdktfApp() {
    }

    public static void main(String[] args) {
        App app = new App(AppConfig.builder().outdir(args[0]).build());
        for (int i = 1; i < args.length; i++) {
            String[] stackAndSize = args[i].split("=");
            String[] size = stackAndSize[1].split(":");
            TerraformStack stack = new TerraformStack(app, stackAndSize[0]);
            new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
            SsmParameter last = null;
            for (int resource = 0; resource < Integer.parseInt(size[0]); resource++) {
                last = new SsmParameter(stack, "parameter-" + resource, SsmParameterConfig.builder()
                        .name("/storefront/" + stackAndSize[0] + "/" + resource).type("String").value("value").build());
            }
            for (int output = 0; output < Integer.parseInt(size[1]); output++) {
                new TerraformOutput(stack, "output-" + output, TerraformOutputConfig.builder().value(last.getArn()).build());
            }
        }
        app.synth();
    }
}

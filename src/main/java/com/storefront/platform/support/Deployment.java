package com.storefront.platform.support;

import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.storefront.platform.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Where the synthesized stacks are headed: real AWS accounts with S3 state, or an offline check that runs
 * {@code terraform validate} and {@code terraform plan -refresh=false} with no account and no network.
 * The two differ only in credentials, backends and the values that AWS must produce at plan time.
 */
public sealed interface Deployment permits AwsDeployment, OfflineDeployment {

    /** The environment variable that picks the deployment: {@code aws} (default) or {@code offline}. */
    String MODE_VARIABLE = "STOREFRONT_MODE";

    /** @throws IllegalArgumentException for a mode other than {@code aws} or {@code offline} */
    static Deployment forMode(String mode) {
        if (mode == null || mode.isBlank() || mode.equals("aws")) {
            return new AwsDeployment();
        }
        if (mode.equals("offline")) {
            return new OfflineDeployment();
        }
        throw new IllegalArgumentException(MODE_VARIABLE + " must be 'aws' or 'offline', got '" + mode + "'");
    }

    /** The AWS provider of one stack of {@code environment}, tagging every resource with {@code defaultTags}. */
    AwsProviderConfig providerConfig(EnvironmentConfig environment, Map<String, String> defaultTags);

    /** Gives {@code stack} the backend that stores its state. */
    void attachBackend(EnvironmentStack stack);

    /** Reads the outputs of {@code layer}'s stack of {@code environment}. */
    TerraformRemoteState readState(Construct scope, String id, EnvironmentConfig environment, Layer layer);

    /**
     * An HCL expression yielding a fresh random master password, for write-only attributes only.
     * Real deployments declare an ephemeral {@code aws_secretsmanager_random_password} in {@code stack}:
     * generated during each run, never stored.
     */
    String masterPasswordExpression(TerraformStack stack);

    /** Writes whatever the synthesized stacks under {@code outdir} need beside them. */
    void afterSynth(Path outdir, List<EnvironmentConfig> environments) throws IOException;
}

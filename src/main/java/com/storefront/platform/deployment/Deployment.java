package com.storefront.platform.deployment;

import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.storefront.platform.aws.MachineImage;
import com.storefront.platform.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Where the synthesized stacks are headed: real AWS accounts with S3 state; an AWS emulator on this machine
 * with local state; or an offline check that runs {@code terraform plan -refresh=false} with no account and
 * no network. They differ only in credentials, endpoints, backends and the values that AWS must produce at
 * plan time.
 */
public sealed interface Deployment permits AwsDeployment, OfflineDeployment, EmulatorDeployment {

    /** The environment variable that picks the deployment: {@code aws} (default), {@code offline} or {@code emulator}. */
    String MODE_VARIABLE = "STOREFRONT_MODE";

    /**
     * The deployment the process's {@code environment} variables ask for: {@value #MODE_VARIABLE}, and for the
     * emulator its endpoint and state directory ({@link EmulatorDeployment}).
     *
     * @throws IllegalArgumentException for an unknown mode or a malformed emulator endpoint
     */
    static Deployment fromEnvironment(Map<String, String> environment) {
        String mode = environment.getOrDefault(MODE_VARIABLE, "").strip();
        return switch (mode) {
            case "", "aws" -> new AwsDeployment();
            case "offline" -> new OfflineDeployment();
            case "emulator" -> EmulatorDeployment.fromEnvironment(environment);
            default -> throw new IllegalArgumentException(MODE_VARIABLE + " must be one of aws, emulator, offline, got '" + mode + "'");
        };
    }

    /**
     * An AWS provider of one stack of {@code environment} in {@code region} (the environment's own, or a second one
     * such as its disaster-recovery region), tagging every resource with {@code defaultTags}. Every provider of an
     * environment has the same credentials, endpoints and allowed accounts: only the region differs.
     */
    AwsProviderConfig providerConfig(EnvironmentConfig environment, String region, Map<String, String> defaultTags);

    /** Gives {@code stack} the backend that stores its state. */
    void attachBackend(EnvironmentStack stack);

    /** Reads the outputs of {@code layer}'s stack of {@code environment}. */
    TerraformRemoteState readState(Construct scope, String id, EnvironmentConfig environment, Layer layer);

    /**
     * A fresh random password for {@code stack}, named for its user ({@code master}, {@code proxy}), for write-only
     * attributes only. Real deployments declare an ephemeral {@code aws_secretsmanager_random_password}: generated
     * during each run, never stored.
     */
    GeneratedPassword password(TerraformStack stack, String user);

    /** The image an instance boots from, as this deployment can know it when planning. Default: {@code image}. */
    default MachineImage lookup(MachineImage image) {
        return image;
    }

    /** Writes whatever the synthesized stacks under {@code outdir} need beside them. */
    void afterSynth(Path outdir, List<EnvironmentConfig> environments) throws IOException;
}

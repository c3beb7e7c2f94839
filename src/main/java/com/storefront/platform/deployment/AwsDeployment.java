package com.storefront.platform.deployment;

import com.hashicorp.cdktf.DataTerraformRemoteStateS3;
import com.hashicorp.cdktf.DataTerraformRemoteStateS3Config;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.storefront.platform.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** Real AWS: the caller's credentials, the environment's account only, state in its S3 bucket. */
public record AwsDeployment() implements Deployment {

    @Override
    public AwsProviderConfig providerConfig(EnvironmentConfig environment, String region, Map<String, String> defaultTags) {
        return AwsProviderConfig.builder()
                .region(region)
                .allowedAccountIds(List.of(environment.accountId()))
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(defaultTags).build()))
                .build();
    }

    @Override
    public void attachBackend(EnvironmentStack stack) {
        StateLocation state = stack.stateLocation();
        String kmsKeyId = stack.environment().stateBackend().kmsKeyId();
        S3Backend backend = new S3Backend(stack, S3BackendConfig.builder()
                .bucket(state.bucket())
                .region(state.region())
                .key(state.key())
                .encrypt(true)
                .kmsKeyId(kmsKeyId)
                .build());
        // S3-native locking (Terraform >= 1.10) replaces the DynamoDB table; the 0.19 bindings predate it.
        backend.addOverride("use_lockfile", true);
    }

    @Override
    public TerraformRemoteState readState(Construct scope, String id, EnvironmentConfig environment, Layer layer) {
        StateLocation state = StateLocation.of(environment, layer);
        return new DataTerraformRemoteStateS3(scope, id, DataTerraformRemoteStateS3Config.builder()
                .bucket(state.bucket())
                .region(state.region())
                .key(state.key())
                .build());
    }

    @Override
    public GeneratedPassword password(TerraformStack stack, String user) {
        return new GeneratedPassword(() -> ephemeralPassword(stack, user));
    }

    /** Declares the ephemeral password resource in {@code stack} and returns the expression reading it. */
    static String ephemeralPassword(TerraformStack stack, String user) {
        // Ephemeral resources (Terraform >= 1.10, provider >= 5.83) have no CDKTF 0.19 binding.
        String address = "ephemeral.aws_secretsmanager_random_password." + user + "_password";
        stack.addOverride(address, Map.of(
                "password_length", 32,
                // RDS refuses '/', '@', '"' and spaces in master passwords.
                "exclude_punctuation", true));
        return address + ".random_password";
    }

    @Override
    public void afterSynth(Path outdir, List<EnvironmentConfig> environments) {
        // Real stacks need nothing beside them.
    }
}

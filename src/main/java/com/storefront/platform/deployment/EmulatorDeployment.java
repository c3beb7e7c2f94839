package com.storefront.platform.deployment;

import com.hashicorp.cdktf.DataTerraformRemoteStateLocal;
import com.hashicorp.cdktf.DataTerraformRemoteStateLocalConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.storefront.platform.config.EnvironmentConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An AWS emulator on this machine (moto, or any AWS-compatible endpoint): the same stacks, deployed for
 * real to a loopback URL, with local state.
 *
 * <p>What differs from {@link AwsDeployment}, and nothing else:
 * <ul>
 *   <li>every service the stacks call goes to {@code endpoint}, S3 path-style; credentials are placeholders
 *       the emulator does not check. The provider still asks STS for the account and keeps the environment's
 *       {@code allowed_account_ids}: start the emulator with that account id (moto: {@code MOTO_ACCOUNT_ID}).
 *       The endpoint is the {@code endpoint_url} of an AWS shared-config profile written beside each stack
 *       ({@value #CONFIG_FILE}), not the provider's {@code endpoints} block: with that block set, every start of the
 *       AWS provider validates its few hundred endpoint attributes, which more than doubles the CPU of each
 *       {@code plan}, {@code apply} and {@code destroy} (network-dev's plan: 6.0 CPU-s with it, 2.8 without);</li>
 *   <li>state is local, one file per stack in {@code stateDirectory} (outside {@code cdktf.out}, which synthesis
 *       may rewrite), and the database stack reads the network stack's real applied state from there.</li>
 * </ul>
 * The master password is the real ephemeral one: the emulator generates it, as Secrets Manager would.
 *
 * @param endpoint the emulator's base URL, e.g. {@code http://127.0.0.1:5000}
 * @param stateDirectory an absolute directory for the stacks' state files
 */
public record EmulatorDeployment(URI endpoint, Path stateDirectory) implements Deployment {

    /** The environment variable holding the emulator's URL. */
    public static final String ENDPOINT_VARIABLE = "STOREFRONT_EMULATOR_ENDPOINT";

    /** The environment variable naming the state directory. Default: {@value #DEFAULT_STATE_DIRECTORY}. */
    public static final String STATE_DIRECTORY_VARIABLE = "STOREFRONT_EMULATOR_STATE";

    /** Where state goes by default, relative to the directory synthesis runs in (the project's). */
    public static final String DEFAULT_STATE_DIRECTORY = "emulator-state";

    /** Default: moto_server's own port. */
    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:5000";

    /** The shared-config profile that sends every AWS call to the emulator. */
    public static final String PROFILE = "storefront-emulator";

    /** The profile's file, in each stack's directory, where Terraform runs. */
    public static final String CONFIG_FILE = "emulator.aws-config";

    private static final String PLACEHOLDER_CREDENTIAL = "emulator";

    public EmulatorDeployment {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException(ENDPOINT_VARIABLE + " must be an http(s) URL like " + DEFAULT_ENDPOINT
                    + ", got '" + endpoint + "'");
        }
        stateDirectory = stateDirectory.toAbsolutePath().normalize();
    }

    /** The deployment {@code environment} (the process's variables) describes, with defaults for what it leaves out. */
    static EmulatorDeployment fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.getOrDefault(ENDPOINT_VARIABLE, DEFAULT_ENDPOINT);
        String state = environment.getOrDefault(STATE_DIRECTORY_VARIABLE, DEFAULT_STATE_DIRECTORY);
        try {
            return new EmulatorDeployment(URI.create(endpoint.strip()), Path.of(state));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENDPOINT_VARIABLE + " must be an http(s) URL like " + DEFAULT_ENDPOINT
                    + ", got '" + endpoint + "'", e);
        }
    }

    @Override
    public AwsProviderConfig providerConfig(EnvironmentConfig environment, String region, Map<String, String> defaultTags) {
        return AwsProviderConfig.builder()
                .region(region)
                .accessKey(PLACEHOLDER_CREDENTIAL)
                .secretKey(PLACEHOLDER_CREDENTIAL)
                .allowedAccountIds(List.of(environment.accountId()))
                .skipCredentialsValidation(true)
                .skipMetadataApiCheck("true")
                .skipRegionValidation(true)
                .s3UsePathStyle(true)
                .profile(PROFILE)
                .sharedConfigFiles(List.of(CONFIG_FILE))
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(defaultTags).build()))
                .build();
    }

    @Override
    public void attachBackend(EnvironmentStack stack) {
        new LocalBackend(stack, LocalBackendConfig.builder().path(statePath(stack.stateLocation()).toString()).build());
    }

    @Override
    public TerraformRemoteState readState(Construct scope, String id, EnvironmentConfig environment, Layer layer) {
        return new DataTerraformRemoteStateLocal(scope, id, DataTerraformRemoteStateLocalConfig.builder()
                .path(statePath(StateLocation.of(environment, layer)).toString())
                .build());
    }

    @Override
    public GeneratedPassword password(TerraformStack stack, String user) {
        return new GeneratedPassword(() -> AwsDeployment.ephemeralPassword(stack, user));
    }

    @Override
    public void afterSynth(Path outdir, List<EnvironmentConfig> environments) throws IOException {
        for (EnvironmentConfig environment : environments) {
            for (Layer layer : Layer.values()) {
                Files.writeString(layer.stackDirectory(outdir, environment).resolve(CONFIG_FILE), profile(endpoint));
            }
        }
    }

    /** The {@value #CONFIG_FILE} that sends the AWS calls of a provider using profile {@value #PROFILE} to {@code endpoint}. */
    public static String profile(URI endpoint) {
        return "# Written by synthesis (STOREFRONT_MODE=emulator): the stack's AWS calls go to the emulator.\n"
                + "[profile " + PROFILE + "]\n"
                + "endpoint_url = " + endpoint + "\n";
    }

    /** {@code <stateDirectory>/<bucket>/<key>}: the S3 layout, so two environments never share a file. */
    public Path statePath(StateLocation state) {
        return stateDirectory.resolve(state.bucket()).resolve(state.key());
    }
}

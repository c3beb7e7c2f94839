package com.storefront.platform.deployment;

import com.hashicorp.cdktf.DataTerraformRemoteStateLocal;
import com.hashicorp.cdktf.DataTerraformRemoteStateLocalConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderEndpoints;
import com.storefront.platform.config.EnvironmentConfig;
import java.net.URI;
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
 *       {@code allowed_account_ids}: start the emulator with that account id (moto: {@code MOTO_ACCOUNT_ID});</li>
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
        String url = endpoint.toString();
        return AwsProviderConfig.builder()
                .region(region)
                .accessKey(PLACEHOLDER_CREDENTIAL)
                .secretKey(PLACEHOLDER_CREDENTIAL)
                .allowedAccountIds(List.of(environment.accountId()))
                .skipCredentialsValidation(true)
                .skipMetadataApiCheck("true")
                .skipRegionValidation(true)
                .s3UsePathStyle(true)
                .endpoints(List.of(AwsProviderEndpoints.builder()
                        .backup(url)
                        .cloudformation(url)
                        .cloudwatch(url)
                        .cloudwatchlogs(url)
                        .ec2(url)
                        .iam(url)
                        .kms(url)
                        .lambda(url)
                        .rds(url)
                        .s3(url)
                        .secretsmanager(url)
                        .serverlessrepo(url)
                        .sns(url)
                        .ssm(url)
                        .sts(url)
                        .build()))
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
    public void afterSynth(Path outdir, List<EnvironmentConfig> environments) {
        // The emulator's stacks need nothing beside them.
    }

    /** {@code <stateDirectory>/<bucket>/<key>}: the S3 layout, so two environments never share a file. */
    public Path statePath(StateLocation state) {
        return stateDirectory.resolve(state.bucket()).resolve(state.key());
    }
}

package com.storefront.platform.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.DataTerraformRemoteStateLocal;
import com.hashicorp.cdktf.DataTerraformRemoteStateLocalConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformRemoteState;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.storefront.platform.aws.MachineImage;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.network.NetworkOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.constructs.Construct;

/**
 * Offline: the same stacks, planned with no AWS account and no network (this project's tests and CI).
 *
 * <p>Every substitution the offline mode makes is in this class:
 * <ul>
 *   <li>placeholder credentials, with the provider told not to call STS or the metadata service, and no
 *       {@code allowed_account_ids} (the provider cannot learn the account without STS, so it would refuse
 *       every one);</li>
 *   <li>local state instead of S3;</li>
 *   <li>the master password: Secrets Manager would generate it during plan, so a fixed stand-in (no real
 *       database ever receives it) goes to the write-only attributes instead;</li>
 *   <li>the network stack's outputs, which only an applied network could produce, read from a stand-in
 *       state file written beside each database stack ({@value #NETWORK_STAND_IN_STATE});</li>
 *   <li>AMI lookups, which would ask SSM during plan: a fixed stand-in image.</li>
 * </ul>
 */
public record OfflineDeployment() implements Deployment {

    /** The stand-in network state, relative to the database stack's directory. */
    public static final String NETWORK_STAND_IN_STATE = "network-outputs.offline.tfstate";

    private static final String PLACEHOLDER_CREDENTIAL = "offline-placeholder";

    /** Offline plans only; write-only, so it shows up in no plan or state either. */
    private static final String PASSWORD_STAND_IN = "offline-plan-stand-in";

    @Override
    public AwsProviderConfig providerConfig(EnvironmentConfig environment, String region, Map<String, String> defaultTags) {
        return AwsProviderConfig.builder()
                .region(region)
                .accessKey(PLACEHOLDER_CREDENTIAL)
                .secretKey(PLACEHOLDER_CREDENTIAL)
                .skipCredentialsValidation(true)
                .skipRequestingAccountId(true)
                .skipMetadataApiCheck("true")
                .skipRegionValidation(true)
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(defaultTags).build()))
                .build();
    }

    @Override
    public void attachBackend(EnvironmentStack stack) {
        new LocalBackend(stack, LocalBackendConfig.builder().path("terraform.tfstate").build());
    }

    @Override
    public TerraformRemoteState readState(Construct scope, String id, EnvironmentConfig environment, Layer layer) {
        if (layer != Layer.NETWORK) {
            throw new IllegalArgumentException("offline mode has stand-in outputs for the network layer only, not " + layer);
        }
        return new DataTerraformRemoteStateLocal(scope, id,
                DataTerraformRemoteStateLocalConfig.builder().path(NETWORK_STAND_IN_STATE).build());
    }

    /** Offline plans only; never launched. */
    private static final MachineImage IMAGE_STAND_IN = new MachineImage.Fixed("ami-0000000000000000f");

    @Override
    public MachineImage lookup(MachineImage image) {
        return IMAGE_STAND_IN;
    }

    @Override
    public GeneratedPassword password(TerraformStack stack, String user) {
        return new GeneratedPassword(() -> "\"" + PASSWORD_STAND_IN + "\"");
    }

    @Override
    public void afterSynth(Path outdir, List<EnvironmentConfig> environments) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (EnvironmentConfig environment : environments) {
            Path stackDir = Layer.DATABASE.stackDirectory(outdir, environment);
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(stackDir.resolve(NETWORK_STAND_IN_STATE).toFile(), networkState(json, environment));
        }
    }

    /**
     * A Terraform state holding only the network's outputs. Values that config decides (CIDR, zones) are
     * the real ones; ids that only AWS assigns are recognisable stand-ins.
     */
    static ObjectNode networkState(ObjectMapper json, EnvironmentConfig environment) {
        ObjectNode state = json.createObjectNode()
                .put("version", 4)
                .put("terraform_version", "1.11.4")
                .put("serial", 1)
                .put("lineage", "offline-stand-in-" + environment.name());
        ObjectNode outputs = state.putObject("outputs");
        for (NetworkOutput output : NetworkOutput.values()) {
            ObjectNode entry = outputs.putObject(output.outputName());
            Object value = standIn(output, environment);
            if (value instanceof List<?> values) {
                ArrayNode array = entry.putArray("value");
                values.forEach(v -> array.add(v.toString()));
                entry.putArray("type").add("list").add("string");
            } else {
                entry.put("value", value.toString());
                entry.put("type", "string");
            }
        }
        state.putArray("resources");
        return state;
    }

    private static Object standIn(NetworkOutput output, EnvironmentConfig environment) {
        int zones = environment.network().availabilityZones().size();
        return switch (output) {
            case VPC_ID -> "vpc-0000000000000000f";
            case VPC_CIDR -> environment.network().vpcCidr().toString();
            case AVAILABILITY_ZONES -> environment.network().availabilityZones();
            case PUBLIC_SUBNET_IDS -> ids("subnet-00000000000000a", zones);
            case APPLICATION_SUBNET_IDS -> ids("subnet-00000000000000b", zones);
            case DATABASE_SUBNET_IDS -> ids("subnet-00000000000000c", zones);
            case APPLICATION_SECURITY_GROUP_ID -> "sg-0000000000000000a";
            case ENDPOINTS_SECURITY_GROUP_ID -> "sg-0000000000000000e";
        };
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + Integer.toHexString(i)).toList();
    }
}

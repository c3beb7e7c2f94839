package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StateBackendConfigTest {

    /** KMS key ids Terraform 1.11.4's S3 backend accepts; StateKmsKeyIdsTerraformTest feeds them to it. */
    static final List<String> KMS_KEYS_THE_BACKEND_ACCEPTS = List.of(
            "0b6a9c5e-3f2d-4e1a-9c8b-7d6e5f4a3b2c",
            "mrk-0b6a9c5e3f2d4e1a9c8b7d6e5f4a3b2c",
            "alias/storefront-dev-tfstate",
            "alias/aws/s3",
            "alias/team/state_key",
            "arn:aws:kms:eu-west-1:111122223333:key/0b6a9c5e-3f2d-4e1a-9c8b-7d6e5f4a3b2c",
            "arn:aws:kms:eu-west-1:111122223333:key/mrk-0b6a9c5e3f2d4e1a9c8b7d6e5f4a3b2c",
            "arn:aws:kms:eu-west-1:111122223333:alias/storefront-dev-tfstate");

    /** KMS key ids Terraform 1.11.4's S3 backend refuses; StateKmsKeyIdsTerraformTest feeds them to it. */
    static final List<String> KMS_KEYS_THE_BACKEND_REFUSES = List.of(
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "0B6A9C5E-3F2D-4E1A-9C8B-7D6E5F4A3B2C",
            "mrk-0b6a9c5e",
            "alias/storefront.dev.tfstate",
            "storefront-dev-tfstate",
            "arn:aws:kms:eu-west-1:111122223333:grant/0b6a9c5e",
            "arn:aws:kms:eu-west-1:111122223333:key/storefront",
            "arn:aws:s3:::storefront-dev-tfstate");

    static Stream<String> validBuckets() {
        return StateBucketNames.VALID.stream();
    }

    static Stream<String> invalidBuckets() {
        return StateBucketNames.INVALID.stream();
    }

    static Stream<String> keysTheBackendAccepts() {
        return KMS_KEYS_THE_BACKEND_ACCEPTS.stream();
    }

    static Stream<String> keysTheBackendRefuses() {
        return KMS_KEYS_THE_BACKEND_REFUSES.stream();
    }

    @ParameterizedTest
    @MethodSource("validBuckets")
    void acceptsTheBucketNamesTheModulesAccept(String bucket) {
        assertEquals(bucket, valid(b -> b.stateBucket(bucket)).stateBackend().bucket());
    }

    @ParameterizedTest
    @MethodSource("invalidBuckets")
    void rejectsTheBucketNamesTheModulesReject(String bucket) {
        assertRejected(b -> b.stateBucket(bucket), "environment 'dev': stateBackend.bucket must be an S3 bucket name", "got '" + bucket + "'");
    }

    @Test
    void rejectsADottedBucketNameSayingWhy() {
        assertRejected(b -> b.stateBucket("storefront.dev.tfstate"),
                "stateBackend.bucket must be an S3 bucket name modules/state-backend can create: 3..63 lowercase letters, digits or hyphens",
                "no dots (the key alias alias/<bucket> cannot hold them, and TLS to dotted names fails)", "got 'storefront.dev.tfstate'");
    }

    @Test
    void rejectsABucketNameWithAPrefixS3Reserves() {
        assertRejected(b -> b.stateBucket("sthree-storefront"),
                "stateBackend.bucket must be an S3 bucket name that does not start with a prefix S3 reserves [amzn-s3-demo-, sthree-, xn--]",
                "got 'sthree-storefront'");
    }

    @Test
    void rejectsABucketNameWithASuffixS3Reserves() {
        assertRejected(b -> b.stateBucket("storefront-111122223333-eu-west-1-an"),
                "stateBackend.bucket must be an S3 bucket name that does not end with a suffix S3 reserves "
                        + "[--ol-s3, --table-s3, --x-s3, -an, -s3alias]",
                "-an only in an account regional namespace", "got 'storefront-111122223333-eu-west-1-an'");
    }

    @Test
    void defaultsTheKmsKeyToTheAliasTheModuleCreates() {
        assertEquals("alias/storefront-dev-tfstate", valid(b -> b).stateBackend().kmsKeyId());
    }

    @ParameterizedTest
    @MethodSource("keysTheBackendAccepts")
    void acceptsEveryKmsKeyFormTheS3BackendAccepts(String keyId) {
        assertEquals(keyId, valid(b -> b.stateKmsKeyId(keyId)).stateBackend().kmsKeyId());
    }

    @ParameterizedTest
    @MethodSource("keysTheBackendRefuses")
    void rejectsTheKmsKeyFormsTheS3BackendRefuses(String keyId) {
        assertRejected(b -> b.stateKmsKeyId(keyId), "environment 'dev': stateBackend.kmsKeyId must be a KMS key in a form Terraform's S3 backend"
                + " accepts: a key id (a lowercase UUID), a multi-Region key id", "like alias/storefront-dev-tfstate", "got '" + keyId + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws-cn:kms:cn-north-1:111122223333:key/0b6a9c5e-3f2d-4e1a-9c8b-7d6e5f4a3b2c",
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/state"})
    void rejectsAKmsKeyOfAnotherPartition(String keyId) {
        assertRejected(b -> b.stateKmsKeyId(keyId), "stateBackend.kmsKeyId must be a KMS key in a form Terraform's S3 backend accepts",
                "arn:aws:kms:<region>:<account>:key/<id>", "got '" + keyId + "'");
    }

    private static EnvironmentConfig valid(UnaryOperator<EnvironmentConfig.Builder> overrides) {
        return overrides.apply(EnvironmentConfig.builder("dev", Tier.DEV)
                .region("eu-west-1")
                .accountId("444444444444")
                .stateBucket("storefront-dev-tfstate")
                .network(n -> n.vpcCidr("10.40.0.0/16"))).build();
    }

    @Test
    void rejectsAKmsKeyOfAnotherRegionThanTheStateBucket() {
        assertRejected(b -> b.stateKmsKeyId("arn:aws:kms:eu-central-1:111122223333:key/0b6a9c5e-3f2d-4e1a-9c8b-7d6e5f4a3b2c"),
                "environment 'dev': stateBackend.kmsKeyId must be a key in the state bucket's region eu-west-1",
                "got 'arn:aws:kms:eu-central-1:111122223333:key/0b6a9c5e-3f2d-4e1a-9c8b-7d6e5f4a3b2c'");
    }

    private static void assertRejected(UnaryOperator<EnvironmentConfig.Builder> overrides, String... fragments) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> valid(overrides));
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "message should contain '" + fragment + "' but was: " + error.getMessage());
        }
        assertTrue(error.getMessage().startsWith("environment 'dev': "), error.getMessage());
    }
}

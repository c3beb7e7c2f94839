package com.storefront.platform.config;

import java.util.regex.Pattern;

/**
 * Where an environment keeps its Terraform state: an S3 bucket made by {@code modules/state-backend}.
 *
 * @param bucket the state bucket's name
 * @param region the bucket's region
 * @param kmsKeyId the key state objects are encrypted with, a key ARN or {@code alias/<name>}; the
 *     bucket refuses writes that ask for any other encryption. Default: {@code alias/<bucket>}, the
 *     alias {@code modules/state-backend} creates
 */
public record StateBackendConfig(String bucket, String region, String kmsKeyId) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public StateBackendConfig {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidConfigException("stateBackend.bucket", bucket,
                    "must be an S3 bucket name: 3..63 lowercase letters, digits, dots or hyphens");
        }
        Regions.requireStateRegion("stateBackend.region", region);
        if (kmsKeyId == null || !(kmsKeyId.startsWith("alias/") || kmsKeyId.startsWith("arn:aws:kms:"))) {
            throw new InvalidConfigException("stateBackend.kmsKeyId", kmsKeyId,
                    "must be a KMS key ARN or an alias like alias/" + bucket);
        }
    }

    /** The state bucket as {@code modules/state-backend} makes it, encrypted with the key it creates. */
    public static StateBackendConfig ofModuleDefaults(String bucket, String region) {
        return new StateBackendConfig(bucket, region, "alias/" + bucket);
    }
}

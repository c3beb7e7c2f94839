package com.storefront.platform.config;

import java.util.regex.Pattern;

/**
 * Where an environment keeps its Terraform state: an S3 bucket made by {@code modules/state-backend}.
 *
 * @param bucket the state bucket's name
 * @param region the bucket's region
 */
public record StateBackendConfig(String bucket, String region) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public StateBackendConfig {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidConfigException("stateBackend.bucket", bucket,
                    "must be an S3 bucket name: 3..63 lowercase letters, digits, dots or hyphens");
        }
        Regions.requireValid("stateBackend.region", region);
    }
}

package com.storefront.platform.config;

import java.util.List;

/**
 * One list of state bucket names, good and bad, fed to every place that checks them: {@link StateBackendConfig} in
 * {@code StateBackendConfigTest}, and the bucket variables of {@code modules/state-backend} and
 * {@code modules/database-access} in {@code StateBucketNamesTerraformTest}.
 */
final class StateBucketNames {

    /** Names S3 accepts in the global namespace and that hold no dot. */
    static final List<String> VALID = List.of(
            "storefront-dev-tfstate",
            "storefront-tfstate-prod-111122223333",
            "abc",
            "a-b",
            "0123456789",
            "a".repeat(63),
            "a--b",
            "japan",
            "xn-storefront",
            "sthree",
            "amzn-s3-demo",
            "storefront-an1",
            "storefront-s3alias1");

    /** Names S3 refuses, or that hold a dot (which the default key alias alias/<bucket> cannot). */
    static final List<String> INVALID = List.of(
            "ab",
            "a".repeat(64),
            "My_Bucket",
            "Storefront-dev-tfstate",
            "storefront_dev_tfstate",
            "storefront.dev.tfstate",
            "192.168.5.4",
            "-storefront",
            "storefront-",
            "xn--storefront",
            "sthree-storefront",
            "sthree-configurator-storefront",
            "amzn-s3-demo-storefront",
            "storefront-s3alias",
            "storefront--ol-s3",
            "storefront--x-s3",
            "storefront--table-s3",
            "storefront-tfstate-111122223333-eu-west-1-an");

    private StateBucketNames() {
    }
}

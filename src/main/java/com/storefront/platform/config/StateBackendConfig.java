package com.storefront.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where an environment keeps its Terraform state: an S3 bucket made by {@code modules/state-backend}.
 *
 * @param bucket the state bucket's name: S3's naming rules for a bucket in the global namespace, without dots; the
 *     same rule as the {@code bucket_name} and {@code state_bucket} variables of {@code modules/state-backend} and
 *     {@code modules/database-access}
 * @param region the bucket's region, one Terraform's S3 backend knows
 * @param kmsKeyId the key state objects are encrypted with, in a form Terraform's S3 backend accepts: a key id, a
 *     multi-Region key id ({@code mrk-...}), a key ARN, an alias ({@code alias/<name>}) or an alias ARN. An alias is
 *     resolved in the account that runs Terraform; use the key ARN for a key in another account. An ARN names a key in
 *     the bucket's region, the only one S3 encrypts with. The bucket refuses
 *     writes that ask for any other encryption. Default: {@code alias/<bucket>}, the alias {@code modules/state-backend}
 *     creates
 */
public record StateBackendConfig(String bucket, String region, String kmsKeyId) {

    /**
     * S3's general purpose bucket naming rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)
     * less dots, which this project refuses: the default key alias {@code alias/<bucket>} cannot hold one (KMS alias
     * names are {@code [a-zA-Z0-9:/_-]}), and TLS to a dotted name fails for virtual-hosted-style requests. Without
     * dots, the rules on adjacent periods, IP-address-shaped names and the {@code .mrap} suffix cannot apply.
     * {@code StateBucketNamesTerraformTest} feeds one list of names to this rule and to both modules' variables.
     */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    /** Prefixes S3 reserves (sthree- also covers sthree-configurator). */
    static final SortedSet<String> RESERVED_BUCKET_PREFIXES = sorted("amzn-s3-demo-", "sthree-", "xn--");

    /**
     * Suffixes S3 reserves: access point and Object Lambda aliases, directory and table buckets, and {@code -an}, which
     * only a bucket in an account regional namespace may end with; modules/state-backend creates its bucket in the
     * global namespace (the AWS provider 5.100.0 has no argument for another).
     */
    static final SortedSet<String> RESERVED_BUCKET_SUFFIXES = sorted("--ol-s3", "--table-s3", "--x-s3", "-an", "-s3alias");

    /** A KMS key id: a version 1-5 UUID in lowercase, as Terraform's S3 backend matches it (validate.go). */
    private static final String KEY_ID = "[a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[ab89][a-f0-9]{3}-[a-f0-9]{12}";
    private static final String MULTI_REGION_KEY_ID = "mrk-[a-f0-9]{32}";
    /** KMS CreateAlias: {@code alias/} then letters, digits, slashes, underscores and hyphens, 256 characters in all. */
    private static final String ALIAS = "alias/[a-zA-Z0-9/_-]{1,250}";

    /**
     * The kms_key_id forms Terraform 1.11.4's S3 backend accepts, anchored (its own pattern is not): key id,
     * multi-Region key id, alias, and ARNs of a key or an alias, here in the aws partition only.
     */
    private static final Pattern KMS_KEY = Pattern.compile(KEY_ID + "|" + MULTI_REGION_KEY_ID + "|" + ALIAS
            + "|arn:aws:kms:[a-z]{2}-[a-z]+-\\d+:\\d{12}:(?:key/(?:" + KEY_ID + "|" + MULTI_REGION_KEY_ID + ")|" + ALIAS + ")");

    public StateBackendConfig {
        requireBucket(bucket);
        Regions.requireStateRegion("stateBackend.region", region);
        if (kmsKeyId == null || !KMS_KEY.matcher(kmsKeyId).matches()) {
            throw new InvalidConfigException("stateBackend.kmsKeyId", kmsKeyId,
                    "must be a KMS key in a form Terraform's S3 backend accepts: a key id (a lowercase UUID), a multi-Region key id"
                            + " (mrk-<32 hex digits>), a key ARN (arn:aws:kms:<region>:<account>:key/<id>), an alias (alias/<name> of letters,"
                            + " digits, /, _ or -) or an alias ARN; like alias/" + bucket);
        }
        String keyRegion = kmsKeyId.startsWith("arn:") ? kmsKeyId.split(":")[3] : region;
        if (!keyRegion.equals(region)) {
            throw new InvalidConfigException("stateBackend.kmsKeyId", kmsKeyId,
                    "must be a key in the state bucket's region " + region + " (S3 encrypts an object only with a key of its own region,"
                            + " so every state write would fail); use the key, or a multi-Region key's replica, in " + region);
        }
    }

    /** The state bucket as {@code modules/state-backend} makes it, encrypted with the key it creates. */
    public static StateBackendConfig ofModuleDefaults(String bucket, String region) {
        return new StateBackendConfig(bucket, region, "alias/" + bucket);
    }

    private static void requireBucket(String bucket) {
        String field = "stateBackend.bucket";
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new InvalidConfigException(field, bucket, "must be an S3 bucket name modules/state-backend can create: 3..63 lowercase"
                    + " letters, digits or hyphens, starting and ending with a letter or digit; no dots (the key alias alias/<bucket>"
                    + " cannot hold them, and TLS to dotted names fails)");
        }
        for (String prefix : RESERVED_BUCKET_PREFIXES) {
            if (bucket.startsWith(prefix)) {
                throw new InvalidConfigException(field, bucket,
                        "must be an S3 bucket name that does not start with a prefix S3 reserves " + RESERVED_BUCKET_PREFIXES);
            }
        }
        for (String suffix : RESERVED_BUCKET_SUFFIXES) {
            if (bucket.endsWith(suffix)) {
                throw new InvalidConfigException(field, bucket, "must be an S3 bucket name that does not end with a suffix S3 reserves "
                        + RESERVED_BUCKET_SUFFIXES + " (-an only in an account regional namespace, which modules/state-backend does not use)");
            }
        }
    }

    private static SortedSet<String> sorted(String... values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(List.of(values)));
    }
}

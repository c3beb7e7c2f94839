package com.storefront.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AWS regions an environment and its Terraform state may live in, checked without asking AWS.
 *
 * <p>Only the commercial partition, {@code aws}: the project builds {@code arn:aws:} ARNs, so a region of another
 * partition (cn-*, us-gov-*, the iso partitions, eusc-*) would get ARNs that do not exist there. The partition's
 * regions are those of botocore 1.43.11's {@code data/partitions.json} (the same list as {@code aws ec2
 * describe-regions --all-regions --query "Regions[].RegionName"}), less the ones the pinned tools do not know yet:
 * the AWS provider 5.100.0 refuses ap-southeast-6 ("invalid AWS Region") and Terraform 1.11.4's S3 backend also
 * refuses ap-east-2 ("Invalid region value"). {@code RegionsTerraformTest} feeds every list to those versions: after
 * upgrading the provider or Terraform, move the regions they have learned out of the unknown lists and run it.
 * Every region of the list offers RDS (botocore's {@code endpoints.json}).
 */
final class Regions {

    /** The {@code aws} partition's regions. */
    static final SortedSet<String> AWS_PARTITION = sorted(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
            "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
            "us-east-2", "us-west-1", "us-west-2");

    /** Regions of the partition the AWS provider 5.100.0 refuses. */
    static final SortedSet<String> UNKNOWN_TO_PROVIDER = sorted("ap-southeast-6");

    /** Regions the provider knows but Terraform 1.11.4's S3 backend refuses. */
    static final SortedSet<String> UNKNOWN_TO_S3_BACKEND = sorted("ap-east-2");

    /** Where an environment's resources may live. */
    static final SortedSet<String> ENVIRONMENT = without(AWS_PARTITION, UNKNOWN_TO_PROVIDER);

    /** Where an environment's state bucket may live: the S3 backend reads it there, the provider creates it there. */
    static final SortedSet<String> STATE = without(ENVIRONMENT, UNKNOWN_TO_S3_BACKEND);

    /**
     * The zone letters every account has in each region, for zones given as a count: {@code aws ec2
     * describe-availability-zones --region <region> --query "AvailabilityZones[?ZoneType=='availability-zone'].ZoneName"}
     * (the AWS "Regions and Availability Zones" pages list the same). Most regions run from a, but ca-central-1 has no c and
     * ap-northeast-1 gives accounts a, c and d; us-west-1 gives each account its own two of a, b and c, so it has none here
     * and its zones must be named. Every other region of {@link #ENVIRONMENT} has a, b and c; {@code RegionsTest} checks
     * that the exceptions name regions of that list.
     */
    static final SortedMap<String, String> ZONE_LETTERS = zoneLetters();

    private Regions() {
    }

    /**
     * The first {@code count} zones of {@code region}, by {@link #ZONE_LETTERS}.
     *
     * @throws InvalidConfigException for fewer than two zones, more than the region has, or a region whose zone names
     *     differ between accounts
     */
    static List<String> firstZones(String field, String region, int count) {
        if (count < 2) {
            throw new InvalidConfigException(field, count, "must be at least 2: a Multi-AZ database and its subnet group need two zones");
        }
        String letters = ZONE_LETTERS.get(region);
        String listThem = "name them with .network(n -> n.availabilityZones(...)), as aws ec2 describe-availability-zones --region "
                + region + " lists them for your account";
        if (letters == null || letters.isEmpty()) {
            throw new InvalidConfigException(field, count, "cannot be turned into zone names in " + region
                    + ", where each account sees its own zones; " + listThem);
        }
        if (count > letters.length()) {
            throw new InvalidConfigException(field, count, "must be at most " + letters.length() + ", the zones " + region + " has ("
                    + String.join(", ", letters.split("")) + "); lower it, or " + listThem);
        }
        return letters.chars().limit(count).mapToObj(letter -> region + (char) letter).toList();
    }

    /** @throws InvalidConfigException unless {@code region} is one of {@link #ENVIRONMENT} */
    static void requireEnvironmentRegion(String field, String region) {
        if (region == null || !ENVIRONMENT.contains(region)) {
            throw new InvalidConfigException(field, region, "must be an AWS region name like eu-west-1: a commercial (aws partition) region the"
                    + " AWS provider 5.100.0 knows, one of " + ENVIRONMENT);
        }
    }

    /** @throws InvalidConfigException unless {@code region} is one of {@link #STATE} */
    static void requireStateRegion(String field, String region) {
        if (region != null && UNKNOWN_TO_S3_BACKEND.contains(region)) {
            throw new InvalidConfigException(field, region, "must be a region Terraform 1.11.4's S3 backend knows, which " + region
                    + " is not yet; keep the state bucket in another region with EnvironmentConfig.Builder#stateRegion");
        }
        if (region == null || !STATE.contains(region)) {
            throw new InvalidConfigException(field, region, "must be an AWS region name like eu-west-1: a commercial (aws partition) region the"
                    + " AWS provider 5.100.0 and Terraform 1.11.4's S3 backend know, one of " + STATE);
        }
    }

    private static SortedMap<String, String> zoneLetters() {
        SortedMap<String, String> letters = new TreeMap<>();
        for (String region : ENVIRONMENT) {
            letters.put(region, "abc");
        }
        letters.putAll(Map.of("us-east-1", "abcdef", "us-west-2", "abcd", "ap-northeast-2", "abcd", "ap-northeast-1", "acd",
                "ca-central-1", "abd", "us-west-1", ""));
        return Collections.unmodifiableSortedMap(letters);
    }

    private static SortedSet<String> sorted(String... regions) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(List.of(regions)));
    }

    private static SortedSet<String> without(SortedSet<String> regions, SortedSet<String> left) {
        SortedSet<String> kept = new TreeSet<>(regions);
        kept.removeAll(left);
        return Collections.unmodifiableSortedSet(kept);
    }
}

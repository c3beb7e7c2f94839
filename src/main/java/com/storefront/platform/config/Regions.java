package com.storefront.platform.config;

import java.util.regex.Pattern;

/** The shape of AWS region names, checked without asking AWS. */
final class Regions {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private Regions() {
    }

    static void requireValid(String field, String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new InvalidConfigException(field, region, "must be an AWS region name like eu-west-1");
        }
    }
}

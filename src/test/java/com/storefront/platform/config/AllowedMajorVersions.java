package com.storefront.platform.config;

import java.util.SortedSet;

/** The PostgreSQL major versions {@link DatabaseConfig} accepts, for tests outside its package that run each one. */
public final class AllowedMajorVersions {

    private AllowedMajorVersions() {
    }

    public static SortedSet<String> all() {
        return DatabaseConfig.MAJOR_VERSIONS;
    }
}

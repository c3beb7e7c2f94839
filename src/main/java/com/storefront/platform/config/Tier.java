package com.storefront.platform.config;

/**
 * The kind of environment, which decides the defaults it starts from: one row each in
 * {@link Environments#defaults}.
 */
public enum Tier {
    /** For developers: cheapest shape that still behaves like production, easy to tear down. */
    DEV,
    /** A rehearsal of production: same topology at a smaller size. */
    STAGING,
    /** Serves customers: zone-redundant everywhere, protected from deletion. */
    PROD
}

package com.storefront.platform.review;

import java.util.Objects;

/**
 * An in-place update that loses no data but interrupts clients: a restart, a failover, a new endpoint or new
 * credentials; or the replacement of a resource that holds no data but serves clients (the RDS Proxy). The guard lets
 * it through; the review warns about it (and blocks it with {@code --block-disruptive}).
 *
 * @param attribute what changes, e.g. {@code identifier} or {@code parameter shared_buffers}, or {@code (replaced)}
 * @param why what clients will see, in one line
 */
public record Disruption(String attribute, String why) {

    public Disruption {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(why, "why");
    }

    /** E.g. {@code identifier: every client loses its endpoint ...}. */
    @Override
    public String toString() {
        return attribute + ": " + why;
    }
}

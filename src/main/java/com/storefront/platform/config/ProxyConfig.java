package com.storefront.platform.config;

/**
 * An RDS Proxy in front of the primary, pooling the writer's connections. Defaults: {@link Environments#defaults}.
 * The limits are those of the RDS API's {@code ConnectionPoolConfiguration} and {@code CreateDBProxy}
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html; the borrow timeout's
 * as the current API model states it, "Must be between 0 and 300", where older pages still say 3600).
 *
 * @param enabled whether the primary gets a proxy
 * @param maxConnectionsPercent the pool's ceiling, as a percentage of the primary's {@code max_connections}, 1..100;
 *     below 100 leaves room for operators, the rotation function and the bastion, which connect directly
 * @param maxIdleConnectionsPercent how many idle connections the pool keeps open, as a percentage of
 *     {@code max_connections}, 0..{@code maxConnectionsPercent}
 * @param connectionBorrowTimeoutSeconds how long a client waits for a pooled connection once all are busy, 0..300
 * @param idleClientTimeoutSeconds how long a client connection may idle before the proxy closes it, 1..28800
 */
public record ProxyConfig(boolean enabled, int maxConnectionsPercent, int maxIdleConnectionsPercent, int connectionBorrowTimeoutSeconds,
        int idleClientTimeoutSeconds) {

    public ProxyConfig {
        if (maxConnectionsPercent < 1 || maxConnectionsPercent > 100) {
            throw new InvalidConfigException("database.proxy.maxConnectionsPercent", maxConnectionsPercent,
                    "must be 1..100 (a percentage of the primary's max_connections)");
        }
        if (maxIdleConnectionsPercent < 0 || maxIdleConnectionsPercent > maxConnectionsPercent) {
            throw new InvalidConfigException("database.proxy.maxIdleConnectionsPercent", maxIdleConnectionsPercent,
                    "must be 0..maxConnectionsPercent (" + maxConnectionsPercent + "): RDS refuses an idle share above the pool's ceiling");
        }
        if (connectionBorrowTimeoutSeconds < 0 || connectionBorrowTimeoutSeconds > 300) {
            throw new InvalidConfigException("database.proxy.connectionBorrowTimeoutSeconds", connectionBorrowTimeoutSeconds,
                    "must be 0..300 seconds: RDS refuses a longer wait (the provider lets up to 3600 through to apply)");
        }
        if (idleClientTimeoutSeconds < 1 || idleClientTimeoutSeconds > 28_800) {
            throw new InvalidConfigException("database.proxy.idleClientTimeoutSeconds", idleClientTimeoutSeconds,
                    "must be 1..28800 seconds (8 hours)");
        }
    }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).maxConnectionsPercent(maxConnectionsPercent).maxIdleConnectionsPercent(maxIdleConnectionsPercent)
                .connectionBorrowTimeoutSeconds(connectionBorrowTimeoutSeconds).idleClientTimeoutSeconds(idleClientTimeoutSeconds);
    }

    /** Builds a {@link ProxyConfig}; every value is required. */
    public static final class Builder {
        private Boolean enabled;
        private Integer maxConnectionsPercent;
        private Integer maxIdleConnectionsPercent;
        private Integer connectionBorrowTimeoutSeconds;
        private Integer idleClientTimeoutSeconds;

        Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder maxConnectionsPercent(int percent) {
            maxConnectionsPercent = percent;
            return this;
        }

        public Builder maxIdleConnectionsPercent(int percent) {
            maxIdleConnectionsPercent = percent;
            return this;
        }

        public Builder connectionBorrowTimeoutSeconds(int seconds) {
            connectionBorrowTimeoutSeconds = seconds;
            return this;
        }

        public Builder idleClientTimeoutSeconds(int seconds) {
            idleClientTimeoutSeconds = seconds;
            return this;
        }

        public ProxyConfig build() {
            return new ProxyConfig(Required.of("database.proxy.enabled", enabled),
                    Required.of("database.proxy.maxConnectionsPercent", maxConnectionsPercent),
                    Required.of("database.proxy.maxIdleConnectionsPercent", maxIdleConnectionsPercent),
                    Required.of("database.proxy.connectionBorrowTimeoutSeconds", connectionBorrowTimeoutSeconds),
                    Required.of("database.proxy.idleClientTimeoutSeconds", idleClientTimeoutSeconds));
        }
    }
}

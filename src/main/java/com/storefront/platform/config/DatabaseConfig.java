package com.storefront.platform.config;

/**
 * The PostgreSQL service of one environment.
 *
 * @param readReplicas read replicas of the primary, each in its own availability zone, 0..5
 */
public record DatabaseConfig(int readReplicas) {

    /** RDS allows up to 15 PostgreSQL replicas; past five, a cluster design serves better than this one. */
    static final int MAX_READ_REPLICAS = 5;

    public DatabaseConfig {
        if (readReplicas < 0 || readReplicas > MAX_READ_REPLICAS) {
            throw new InvalidConfigException("database.readReplicas", readReplicas, "must be 0.." + MAX_READ_REPLICAS);
        }
    }
}

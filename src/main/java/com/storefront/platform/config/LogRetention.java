package com.storefront.platform.config;

import java.util.Set;

/**
 * The retention periods CloudWatch Logs accepts, so a typo fails at synth instead of at apply: the {@code Days} shape of
 * PutRetentionPolicy (CloudWatch Logs API Reference; {@code botocore/data/logs/<date>/service-2.json}, which the AWS
 * provider's {@code retention_in_days} validator mirrors). Refresh from the newest botocore or the API page. The
 * provider's 0 ("never expire") is refused on purpose: RDS and flow logs would then be kept, and billed, forever.
 */
final class LogRetention {

    private static final Set<Integer> ALLOWED_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    static void requireValid(String field, int days) {
        if (!ALLOWED_DAYS.contains(days)) {
            throw new InvalidConfigException(field, days,
                    "must be a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days)");
        }
    }
}

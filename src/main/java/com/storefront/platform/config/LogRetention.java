package com.storefront.platform.config;

import java.util.Set;

/** The retention periods CloudWatch Logs accepts, so a typo fails at synth instead of at apply. */
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

package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-place updates that delete data already kept: AWS applies a shorter retention or expiry at once to what is
 * already stored. The guard stops them like the deletion of a {@link ProtectedResourceType protected resource}, unless
 * acknowledged. This is the one list to review when the stacks grow.
 */
enum DataLosingUpdate {

    BACKUP_RETENTION("aws_db_instance", "backup_retention_period shortened",
            "RDS deletes at once the automated backups older than the new period (every one of them at 0), and point-in-time"
                    + " recovery reaches back no further") {
        @Override
        boolean loses(JsonNode before, JsonNode after) {
            return shortened(before.path("backup_retention_period"), after.path("backup_retention_period"));
        }
    },
    LOG_RETENTION("aws_cloudwatch_log_group", "retention_in_days shortened",
            "CloudWatch Logs deletes the events older than the new retention") {
        @Override
        boolean loses(JsonNode before, JsonNode after) {
            return keptLess(before.path("retention_in_days").asInt(0), after.path("retention_in_days").asInt(0));
        }
    },
    VERSIONING("aws_s3_bucket_versioning", "versioning suspended",
            "an object overwritten or deleted from now on keeps no previous version to restore") {
        @Override
        boolean loses(JsonNode before, JsonNode after) {
            return status(before).equals("Enabled") && !status(after).equals("Enabled");
        }

        private String status(JsonNode versioning) {
            return versioning.at("/versioning_configuration/0/status").asText();
        }
    },
    LIFECYCLE_EXPIRY("aws_s3_bucket_lifecycle_configuration", "objects expire sooner",
            "S3 applies a lifecycle rule to the objects already stored: those past the new age are deleted") {
        @Override
        boolean loses(JsonNode before, JsonNode after) {
            Map<String, JsonNode> earlier = new HashMap<>();
            before.path("rule").forEach(rule -> earlier.put(rule.path("id").asText(), rule));
            for (JsonNode rule : after.path("rule")) {
                JsonNode was = earlier.get(rule.path("id").asText());
                JsonNode wasOn = was != null && was.path("status").asText().equals("Enabled") ? was : null;
                if (rule.path("status").asText().equals("Enabled") && (expiresSooner(wasOn, rule, "/expiration/0/days")
                        || expiresSooner(wasOn, rule, "/noncurrent_version_expiration/0/noncurrent_days"))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code rule} now expires at {@code days} what {@code was} (null: an off or new rule) kept longer. */
        private boolean expiresSooner(JsonNode was, JsonNode rule, String days) {
            return keptLess(was == null ? 0 : was.at(days).asInt(0), rule.at(days).asInt(0));
        }
    };

    private final String resourceType;
    private final String what;
    private final String why;

    DataLosingUpdate(String resourceType, String what, String why) {
        this.resourceType = resourceType;
        this.what = what;
        this.why = why;
    }

    /** Whether the update from {@code before} to {@code after} deletes data already kept. */
    abstract boolean loses(JsonNode before, JsonNode after);

    /**
     * What one in-place update of a {@code resourceType} deletes, each as {@code what: why}, from the plan's
     * {@code change} object; values are compared, never copied out.
     */
    static List<String> of(String resourceType, JsonNode change) {
        return Arrays.stream(values())
                .filter(rule -> rule.resourceType.equals(resourceType) && rule.loses(change.path("before"), change.path("after")))
                .map(rule -> rule.what + ": " + rule.why)
                .toList();
    }

    /** Whether a limit in days, where 0 (or unset) keeps forever, went from {@code had} to a shorter {@code will}. */
    private static boolean keptLess(int had, int will) {
        return will > 0 && (had == 0 || will < had);
    }

    private static boolean shortened(JsonNode was, JsonNode will) {
        return was.isNumber() && will.isNumber() && will.asInt() < was.asInt();
    }
}

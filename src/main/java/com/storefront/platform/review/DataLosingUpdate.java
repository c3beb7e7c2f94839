package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-place updates that delete data already kept (AWS applies a shorter retention or expiry at once to what is
 * already stored; a Blue/Green update deletes the old instance), or that lift what keeps it from being deleted later.
 * The guard stops them like the deletion of a {@link ProtectedResourceType protected resource}, unless acknowledged.
 * This is the one list to review when the stacks grow.
 */
enum DataLosingUpdate {

    BLUE_GREEN_SWITCHOVER("aws_db_instance", "updated through a Blue/Green deployment",
            "after the switchover the AWS provider deletes the old instance with no final snapshot, and RDS its automated"
                    + " backups with it, so point-in-time recovery reaches back only to the switchover; take a manual snapshot"
                    + " first", DataLosingUpdate::deploysBlueGreen),
    DATABASE_PROTECTION_LIFTED("aws_db_instance", "protection lifted",
            "deletion protection off, no final snapshot or the automated backups deleted with the instance: its next deletion"
                    + " or replacement keeps nothing to restore from",
            anyOf(turnedOff("deletion_protection"), turnedOn("skip_final_snapshot"), turnedOn("delete_automated_backups"))),
    BUCKET_FORCE_DESTROY("aws_s3_bucket", "force_destroy turned on",
            "the bucket's next deletion or replacement deletes every object in it first, where S3 would refuse it",
            turnedOn("force_destroy")),
    VAULT_FORCE_DESTROY("aws_backup_vault", "force_destroy turned on",
            "the vault's next deletion or replacement deletes every recovery point in it first, where AWS Backup would refuse it",
            turnedOn("force_destroy")),
    SECRET_RECOVERY_WINDOW("aws_secretsmanager_secret", "recovery_window_in_days shortened",
            "a deleted secret can be restored for fewer days (at 0 it is gone at once)", shortened("recovery_window_in_days")),

    BACKUP_RETENTION("aws_db_instance", "backup_retention_period shortened",
            "RDS deletes at once the automated backups older than the new period (every one of them at 0), and point-in-time"
                    + " recovery reaches back no further", shortened("backup_retention_period")),
    PERFORMANCE_INSIGHTS_RETENTION("aws_db_instance", "performance_insights_retention_period shortened",
            "Performance Insights deletes the collected history older than the new period",
            shortened("performance_insights_retention_period")),
    LOG_RETENTION("aws_cloudwatch_log_group", "retention_in_days shortened",
            "CloudWatch Logs deletes the events older than the new retention",
            (before, after) -> keptLess(before.path("retention_in_days").asInt(0), after.path("retention_in_days").asInt(0))),
    VERSIONING("aws_s3_bucket_versioning", "versioning suspended",
            "an object overwritten or deleted from now on keeps no previous version to restore",
            (before, after) -> versioning(before).equals("Enabled") && !versioning(after).equals("Enabled")),
    LIFECYCLE_EXPIRY("aws_s3_bucket_lifecycle_configuration", "objects expire sooner",
            "S3 applies a lifecycle rule to the objects already stored: those past the new age are deleted",
            DataLosingUpdate::expiresSooner);

    /** Whether an update from {@code before} to {@code after} deletes data already kept. */
    @FunctionalInterface
    private interface Rule {
        boolean loses(JsonNode before, JsonNode after);
    }

    /**
     * What the AWS provider updates in place even with {@code blue_green_update} on (its update's
     * {@code HasChangesExcept} list): a change of any other argument, a new write-only password version included, makes
     * it create a deployment, switch over and delete the old instance.
     */
    private static final Set<String> UPDATED_WITHOUT_DEPLOYMENT = Set.of("allow_major_version_upgrade", "blue_green_update",
            "delete_automated_backups", "deletion_protection", "final_snapshot_identifier", "password", "replicate_source_db",
            "skip_final_snapshot", "tags", "tags_all");

    private final String resourceType;
    private final String what;
    private final String why;
    private final Rule rule;

    DataLosingUpdate(String resourceType, String what, String why, Rule rule) {
        this.resourceType = resourceType;
        this.what = what;
        this.why = why;
        this.rule = rule;
    }

    /**
     * What one in-place update of a {@code resourceType} deletes, each as {@code what: why}, from the plan's
     * {@code change} object; values are compared, never copied out.
     */
    static List<String> of(String resourceType, JsonNode change) {
        return Arrays.stream(values())
                .filter(update -> update.resourceType.equals(resourceType) && update.rule.loses(change.path("before"), change.path("after")))
                .map(update -> update.what + ": " + update.why)
                .toList();
    }

    private static boolean deploysBlueGreen(JsonNode before, JsonNode after) {
        if (!after.at("/blue_green_update/0/enabled").asBoolean()) {
            return false;
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!UPDATED_WITHOUT_DEPLOYMENT.contains(name) && !after.get(name).equals(before.path(name))) {
                return true;
            }
        }
        return false;
    }

    private static String versioning(JsonNode versioning) {
        return versioning.at("/versioning_configuration/0/status").asText();
    }

    private static boolean expiresSooner(JsonNode before, JsonNode after) {
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
    private static boolean expiresSooner(JsonNode was, JsonNode rule, String days) {
        return keptLess(was == null ? 0 : was.at(days).asInt(0), rule.at(days).asInt(0));
    }

    /** Whether a limit in days, where 0 (or unset) keeps forever, went from {@code had} to a shorter {@code will}. */
    private static boolean keptLess(int had, int will) {
        return will > 0 && (had == 0 || will < had);
    }

    private static Rule anyOf(Rule... rules) {
        return (before, after) -> Arrays.stream(rules).anyMatch(rule -> rule.loses(before, after));
    }

    private static Rule turnedOn(String flag) {
        return (before, after) -> !before.path(flag).asBoolean() && after.path(flag).asBoolean();
    }

    private static Rule turnedOff(String flag) {
        return (before, after) -> before.path(flag).asBoolean() && after.has(flag) && !after.path(flag).asBoolean();
    }

    private static Rule shortened(String attribute) {
        return (before, after) -> {
            JsonNode was = before.path(attribute);
            JsonNode will = after.path(attribute);
            return was.isNumber() && will.isNumber() && will.asInt() < was.asInt();
        };
    }
}

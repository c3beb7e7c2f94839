package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-place updates that delete data already kept (AWS applies a shorter retention or expiry at once to what is
 * already stored; a Blue/Green update deletes the old instance), that lift what keeps it from being deleted later, or
 * that make it unreadable or stop keeping it where it was promised (a key disabled, recovery copies stopped). The guard
 * stops them like the deletion of a {@link ProtectedResourceType protected resource}, unless acknowledged. A value known
 * only after apply counts as changed for the worse: the review cannot tell it is not. This is the one list to review
 * when the stacks grow.
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
    KEY_DELETION_WINDOW("aws_kms_key", "deletion_window_in_days shortened",
            "a key scheduled for deletion can be saved for fewer days, and once deleted, everything it encrypts is unreadable for"
                    + " good", shortened("deletion_window_in_days")),
    KEY_DISABLED("aws_kms_key", "key disabled",
            "everything it encrypts becomes unreadable: RDS makes an instance whose key is disabled inaccessible, and after seven"
                    + " days restorable only from a backup, which the same key encrypts", turnedOff("is_enabled")),
    RECOVERY_PLAN_WEAKENED("aws_backup_plan", "recovery points kept for less time, or no longer copied",
            "AWS Backup keeps the recovery points it makes from now on for less time, or stops making them or copying them to"
                    + " another region (those already kept stay as they were): the recovery the plan promised ends without a word",
            DataLosingUpdate::weakensRecovery),

    BACKUP_RETENTION("aws_db_instance", "backup_retention_period shortened",
            "RDS deletes at once the automated backups older than the new period (every one of them at 0), and point-in-time"
                    + " recovery reaches back no further", shortened("backup_retention_period")),
    PERFORMANCE_INSIGHTS_RETENTION("aws_db_instance", "performance_insights_retention_period shortened",
            "Performance Insights deletes the collected history older than the new period",
            shortened("performance_insights_retention_period")),
    LOG_RETENTION("aws_cloudwatch_log_group", "retention_in_days shortened",
            "CloudWatch Logs deletes the events older than the new retention",
            change -> change.unknown("retention_in_days")
                    || keptLess(change.before().path("retention_in_days").asInt(0), change.after().path("retention_in_days").asInt(0))),
    VERSIONING("aws_s3_bucket_versioning", "versioning suspended",
            "an object overwritten or deleted from now on keeps no previous version to restore",
            change -> versioning(change.before()).equals("Enabled")
                    && (change.unknown("versioning_configuration") || !versioning(change.after()).equals("Enabled"))),
    LIFECYCLE_EXPIRY("aws_s3_bucket_lifecycle_configuration", "objects expire sooner",
            "S3 applies a lifecycle rule to the objects already stored: those past the new age, date or version count, or newly"
                    + " in the rule's scope, are deleted",
            DataLosingUpdate::expiresSooner);

    /** Whether an in-place update deletes data already kept, or lifts what protects it. */
    @FunctionalInterface
    private interface Rule {
        boolean loses(Change change);
    }

    /** One update from the plan: the values before and after, and which of the after values only apply will know. */
    private record Change(JsonNode before, JsonNode after, JsonNode afterUnknown) {

        /** Whether {@code attribute}, or anything in it, is known only after apply. */
        boolean unknown(String attribute) {
            return PlanReader.containsTrue(afterUnknown.path(attribute));
        }

        /**
         * Whether anything at {@code pointers} in a block of {@code blocks} is known only after apply: the arguments that
         * matter, where the provider leaves others of the same blocks to compute.
         */
        boolean unknownIn(String blocks, String... pointers) {
            for (JsonNode block : afterUnknown.path(blocks)) {
                for (String pointer : pointers) {
                    if (PlanReader.containsTrue(block.at(pointer))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final String EXPIRATION_DAYS = "/expiration/0/days";
    private static final String EXPIRATION_DATE = "/expiration/0/date";
    private static final String NONCURRENT_DAYS = "/noncurrent_version_expiration/0/noncurrent_days";
    private static final String NONCURRENT_VERSIONS_KEPT = "/noncurrent_version_expiration/0/newer_noncurrent_versions";

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
        Change values = new Change(change.path("before"), change.path("after"), change.path("after_unknown"));
        return Arrays.stream(values())
                .filter(update -> update.resourceType.equals(resourceType) && update.rule.loses(values))
                .map(update -> update.what + ": " + update.why)
                .toList();
    }

    private static boolean deploysBlueGreen(Change change) {
        if (!change.after().at("/blue_green_update/0/enabled").asBoolean()) {
            return false;
        }
        // A value known only after apply (a replaced parameter group's name, say) is left out of after.
        Set<String> names = new TreeSet<>();
        change.after().fieldNames().forEachRemaining(names::add);
        change.afterUnknown().fieldNames().forEachRemaining(names::add);
        return names.stream().anyMatch(name -> !UPDATED_WITHOUT_DEPLOYMENT.contains(name)
                && (change.unknown(name) || !change.after().path(name).equals(change.before().path(name))));
    }

    private static boolean weakensRecovery(Change change) {
        if (change.unknownIn("rule", "/rule_name", "/lifecycle/0/delete_after", "/copy_action")) {
            return true;
        }
        Map<String, JsonNode> rulesAfter = byName(change.after().path("rule"), "rule_name");
        for (JsonNode was : change.before().path("rule")) {
            JsonNode rule = rulesAfter.get(was.path("rule_name").asText());
            if (rule == null || keptLess(deleteAfter(was), deleteAfter(rule))) {
                return true;
            }
            Map<String, JsonNode> copiesAfter = byName(rule.path("copy_action"), "destination_vault_arn");
            for (JsonNode copy : was.path("copy_action")) {
                JsonNode kept = copiesAfter.get(copy.path("destination_vault_arn").asText());
                if (kept == null || keptLess(deleteAfter(copy), deleteAfter(kept))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A rule's or a copy's {@code lifecycle.delete_after}, 0 when it keeps forever. */
    private static int deleteAfter(JsonNode ruleOrCopy) {
        return ruleOrCopy.at("/lifecycle/0/delete_after").asInt(0);
    }

    private static Map<String, JsonNode> byName(JsonNode blocks, String key) {
        Map<String, JsonNode> named = new HashMap<>();
        blocks.forEach(block -> named.put(block.path(key).asText(), block));
        return named;
    }

    private static String versioning(JsonNode versioning) {
        return versioning.at("/versioning_configuration/0/status").asText();
    }

    private static boolean expiresSooner(Change change) {
        if (change.unknownIn("rule", "/id", "/status", "/expiration", "/noncurrent_version_expiration", "/filter", "/prefix")) {
            return true;
        }
        Map<String, JsonNode> earlier = byName(change.before().path("rule"), "id");
        for (JsonNode rule : change.after().path("rule")) {
            JsonNode was = earlier.get(rule.path("id").asText());
            JsonNode wasOn = was != null && was.path("status").asText().equals("Enabled") ? was : null;
            if (rule.path("status").asText().equals("Enabled") && expiresSooner(wasOn, rule)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the enabled {@code rule} deletes what {@code was} (null: an off or new rule) kept. */
    private static boolean expiresSooner(JsonNode was, JsonNode rule) {
        JsonNode kept = was == null ? MissingNode.getInstance() : was;
        boolean expires = rule.at(EXPIRATION_DAYS).asInt(0) > 0 || !rule.at(EXPIRATION_DATE).isMissingNode() && !rule.at(EXPIRATION_DATE).isNull()
                || rule.at(NONCURRENT_DAYS).asInt(0) > 0;
        return keptLess(kept.at(EXPIRATION_DAYS).asInt(0), rule.at(EXPIRATION_DAYS).asInt(0))
                || keptLess(kept.at(NONCURRENT_DAYS).asInt(0), rule.at(NONCURRENT_DAYS).asInt(0))
                || earlier(kept.at(EXPIRATION_DATE), rule.at(EXPIRATION_DATE))
                || rule.at(NONCURRENT_DAYS).asInt(0) > 0 && fewer(kept.at(NONCURRENT_VERSIONS_KEPT).asInt(0), rule.at(NONCURRENT_VERSIONS_KEPT).asInt(0))
                || was != null && expires && !(was.path("filter").equals(rule.path("filter")) && was.path("prefix").equals(rule.path("prefix")));
    }

    /** Whether an expiry date is set where there was none, or set earlier (ISO 8601 dates compare as text). */
    private static boolean earlier(JsonNode had, JsonNode will) {
        boolean set = !will.isMissingNode() && !will.isNull() && !will.asText().isEmpty();
        boolean wasSet = !had.isMissingNode() && !had.isNull() && !had.asText().isEmpty();
        return set && (!wasSet || will.asText().compareTo(had.asText()) < 0);
    }

    /** Whether a number of versions kept, where 0 (or unset) keeps none beyond the age limit, went down. */
    private static boolean fewer(int had, int will) {
        return had > 0 && will < had;
    }

    /** Whether a limit in days, where 0 (or unset) keeps forever, went from {@code had} to a shorter {@code will}. */
    private static boolean keptLess(int had, int will) {
        return will > 0 && (had == 0 || will < had);
    }

    private static Rule anyOf(Rule... rules) {
        return change -> Arrays.stream(rules).anyMatch(rule -> rule.loses(change));
    }

    private static Rule turnedOn(String flag) {
        return change -> !change.before().path(flag).asBoolean() && (change.unknown(flag) || change.after().path(flag).asBoolean());
    }

    private static Rule turnedOff(String flag) {
        return change -> change.before().path(flag).asBoolean()
                && (change.unknown(flag) || change.after().has(flag) && !change.after().path(flag).asBoolean());
    }

    private static Rule shortened(String attribute) {
        return change -> {
            JsonNode was = change.before().path(attribute);
            JsonNode will = change.after().path(attribute);
            return was.isNumber() && (change.unknown(attribute) || will.isNumber() && will.asInt() < was.asInt());
        };
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on the updates of real plans ({@link FixturePlan}), and on the same updates undone or narrowed. */
class DataLosingUpdateTest {

    @Test
    void findsWhatEachShorterRetentionAndTheSuspendedVersioningDelete() {
        List<String> losses = new ArrayList<>();
        updates().forEach(update -> losses.addAll(DataLosingUpdate.of(update.path("type").asText(), update.path("change"))));

        assertEquals(5, losses.size(), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("retention_in_days shortened: CloudWatch Logs deletes")), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("performance_insights_retention_period shortened: ")), losses::toString);
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("versioning suspended: ")), losses::toString);
    }

    @Test
    void findsNothingInTheSameUpdatesUndone() {
        for (JsonNode update : updates()) {
            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone(update)), update.path("address").asText());
        }
    }

    @Test
    void findsEveryLiftedProtectionAndNothingWhenTheyAreRestored() {
        List<JsonNode> lifted = updates(FixturePlan.PROTECTION_LIFTED, 3);

        for (JsonNode update : lifted) {
            assertEquals(1, DataLosingUpdate.of(update.path("type").asText(), update.path("change")).size(), update.path("address").asText());
            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone(update)), update.path("address").asText());
        }
    }

    @Test
    void findsABlueGreenUpdateOnlyWhenItChangesMoreThanTheProviderUpdatesWithoutADeployment() {
        JsonNode resize = updates(FixturePlan.BLUE_GREEN, 1).get(0);
        ObjectNode switchedOnAlone = switchedOnAlone();
        ObjectNode retaggedAlone = switchedOnAlone.deepCopy();
        ((ObjectNode) retaggedAlone.path("after")).putObject("tags").put("Owner", "checkout");
        ObjectNode newPasswordVersion = switchedOnAlone.deepCopy();
        ((ObjectNode) newPasswordVersion.path("after")).put("password_wo_version", 2);

        assertEquals(List.of("updated through a Blue/Green deployment"), whats(resize.path("change")));
        assertEquals(List.of(), whats(switchedOnAlone), "switching it on changes nothing by a deployment");
        assertEquals(List.of(), whats(retaggedAlone), "tags are updated in place");
        assertEquals(List.of("updated through a Blue/Green deployment"), whats(newPasswordVersion), "a new write-only password is deployed");
    }

    @Test
    void findsTheKeyDisabledItsDeletionWindowShortenedAndTheRecoveryPlanWeakenedAndNothingWhenUndone() {
        List<JsonNode> weakened = updates(FixturePlan.RECOVERY_WEAKENED, 2);
        JsonNode key = weakened.stream().filter(u -> u.path("type").asText().equals("aws_kms_key")).findFirst().orElseThrow();
        JsonNode plan = weakened.stream().filter(u -> u.path("type").asText().equals("aws_backup_plan")).findFirst().orElseThrow();

        assertEquals(List.of("deletion_window_in_days shortened", "key disabled"), whats("aws_kms_key", key.path("change")));
        assertEquals(List.of("recovery points kept for less time, or no longer copied"), whats("aws_backup_plan", plan.path("change")));
        for (JsonNode update : weakened) {
            assertEquals(List.of(), DataLosingUpdate.of(update.path("type").asText(), undone(update)), update.path("address").asText());
        }
    }

    @Test
    void findsEachWayARecoveryPlanKeepsLessAndNothingWhenItKeepsLonger() {
        JsonNode plan = updates(FixturePlan.RECOVERY_WEAKENED, 2).stream()
                .filter(u -> u.path("type").asText().equals("aws_backup_plan")).findFirst().orElseThrow();
        ObjectNode asBefore = undone(plan);
        asBefore.set("before", plan.at("/change/before"));
        ObjectNode rule = (ObjectNode) asBefore.at("/after/rule/0");

        ObjectNode shorter = asBefore.deepCopy();
        ((ObjectNode) shorter.at("/after/rule/0/lifecycle/0")).put("delete_after", 7);
        ObjectNode copyShorter = asBefore.deepCopy();
        ((ObjectNode) copyShorter.at("/after/rule/0/copy_action/0/lifecycle/0")).put("delete_after", 35);
        ObjectNode renamed = asBefore.deepCopy();
        ((ObjectNode) renamed.at("/after/rule/0")).put("rule_name", "nightly");
        ObjectNode unknownCopyLife = asBefore.deepCopy();
        ((ObjectNode) unknownCopyLife.at("/after/rule/0/copy_action/0/lifecycle/0")).remove("delete_after");
        ((ObjectNode) unknownCopyLife.at("/after_unknown/rule/0")).putArray("copy_action").addObject().putArray("lifecycle").addObject()
                .put("delete_after", true);
        ObjectNode longer = asBefore.deepCopy();
        ((ObjectNode) longer.at("/after/rule/0/lifecycle/0")).put("delete_after", 90);

        assertEquals(List.of(), whats("aws_backup_plan", asBefore), "unchanged: " + rule);
        assertEquals(1, whats("aws_backup_plan", shorter).size(), "the rule's recovery points kept for less time");
        assertEquals(1, whats("aws_backup_plan", copyShorter).size(), "the copies kept for less time");
        assertEquals(1, whats("aws_backup_plan", renamed).size(), "the rule removed (another made in its place)");
        assertEquals(1, whats("aws_backup_plan", unknownCopyLife).size(), "the copies' retention known only after apply");
        assertEquals(List.of(), whats("aws_backup_plan", longer), "kept longer");
    }

    @Test
    void findsALifecycleRuleThatExpiresByDateWidensItsScopeOrKeepsFewerVersions() {
        JsonNode lifecycle = updates().stream().filter(u -> u.path("type").asText().equals("aws_s3_bucket_lifecycle_configuration"))
                .findFirst().orElseThrow();
        ObjectNode same = lifecycle.path("change").deepCopy();
        same.set("after", lifecycle.at("/change/before").deepCopy());

        ObjectNode byDate = same.deepCopy();
        ((ObjectNode) byDate.at("/after/rule/0/expiration/0")).put("days", 0).put("date", "2024-01-01T00:00:00Z");
        ObjectNode scoped = same.deepCopy();
        ((ObjectNode) scoped.at("/before/rule/0/filter/0")).put("prefix", "tmp/");
        ObjectNode versions = same.deepCopy();
        ((ObjectNode) versions.at("/before/rule/0")).putArray("noncurrent_version_expiration").addObject()
                .put("noncurrent_days", 30).put("newer_noncurrent_versions", "5");
        versions.set("after", versions.path("before").deepCopy());
        ((ObjectNode) versions.at("/after/rule/0/noncurrent_version_expiration/0")).put("newer_noncurrent_versions", "2");
        ObjectNode unknown = same.deepCopy();
        unknown.putObject("after_unknown").putArray("rule").addObject().putArray("expiration").addObject().put("days", true);

        assertEquals(List.of(), whats("aws_s3_bucket_lifecycle_configuration", same), "unchanged");
        assertEquals(List.of("objects expire sooner"), whats("aws_s3_bucket_lifecycle_configuration", byDate), "a date replaces the age");
        assertEquals(List.of("objects expire sooner"), whats("aws_s3_bucket_lifecycle_configuration", scoped), "tmp/ widened to the bucket");
        assertEquals(List.of("objects expire sooner"), whats("aws_s3_bucket_lifecycle_configuration", versions), "five versions kept, now two");
        assertEquals(List.of("objects expire sooner"), whats("aws_s3_bucket_lifecycle_configuration", unknown), "rules known only after apply");
    }

    @Test
    void findsABlueGreenUpdateWhoseChangedValueIsKnownOnlyAfterApply() {
        ObjectNode switchedOnAlone = switchedOnAlone();
        ObjectNode newParameterGroup = switchedOnAlone.deepCopy();
        ((ObjectNode) newParameterGroup.path("after")).remove("parameter_group_name");
        ((ObjectNode) newParameterGroup.path("after_unknown")).put("parameter_group_name", true);
        ObjectNode newTags = switchedOnAlone.deepCopy();
        ((ObjectNode) newTags.path("after")).remove("tags_all");
        ((ObjectNode) newTags.path("after_unknown")).put("tags_all", true);

        assertEquals(List.of("updated through a Blue/Green deployment"), whats(newParameterGroup), "a replaced parameter group's new name");
        assertEquals(List.of(), whats(newTags), "tags are updated in place, known or not");
    }

    @Test
    void countsARetentionKnownOnlyAfterApplyAsShortened() {
        JsonNode log = updates().stream().filter(u -> u.path("type").asText().equals("aws_cloudwatch_log_group")).findFirst().orElseThrow();
        ObjectNode unknown = undone(log);
        ((ObjectNode) unknown.path("after")).remove("retention_in_days");
        unknown.putObject("after_unknown").put("retention_in_days", true);

        assertEquals(List.of("retention_in_days shortened"), whats("aws_cloudwatch_log_group", unknown));
    }

    /** The Blue/Green fixture's update with its new instance class undone: Blue/Green switched on, nothing else. */
    private static ObjectNode switchedOnAlone() {
        JsonNode resize = updates(FixturePlan.BLUE_GREEN, 1).get(0);
        ObjectNode change = resize.path("change").deepCopy();
        ((ObjectNode) change.path("after")).set("instance_class", resize.at("/change/before/instance_class"));
        return change;
    }

    private static List<String> whats(JsonNode change) {
        return whats("aws_db_instance", change);
    }

    private static List<String> whats(String type, JsonNode change) {
        return DataLosingUpdate.of(type, change).stream().map(loss -> loss.substring(0, loss.indexOf(':'))).toList();
    }

    private static ObjectNode undone(JsonNode update) {
        ObjectNode undone = update.path("change").deepCopy();
        undone.set("before", update.at("/change/after"));
        undone.set("after", update.at("/change/before"));
        return undone;
    }

    private static List<JsonNode> updates() {
        return updates(FixturePlan.DATA_LOSS, 4);
    }

    /** The in-place updates of {@code plan}, as many as {@code expected}. */
    private static List<JsonNode> updates(FixturePlan plan, int expected) {
        try {
            List<JsonNode> updates = new ArrayList<>();
            new ObjectMapper().readTree(plan.json()).path("resource_changes").forEach(change -> {
                if (change.at("/change/actions/0").asText().equals("update")) {
                    updates.add(change);
                }
            });
            assertEquals(expected, updates.size(), "the in-place updates of " + plan.fileName());
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads real plans of the fixture, made by Terraform and the AWS provider and checked in ({@link FixturePlan}). */
class PlanReaderTest {

    private static String manyChangesPlan() {
        return FixturePlan.MANY_CHANGES.json();
    }

    private static ResourceChange find(List<ResourceChange> changes, String address) {
        return changes.stream().filter(c -> c.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + address + " in " + changes));
    }

    @Test
    void readsAChangedCreateOnlyAttributeAsAReplacementForcedByIt() {
        String plan = manyChangesPlan();

        ResourceChange database = find(PlanReader.read(plan), "aws_db_instance.primary");

        assertEquals(Action.REPLACE_DELETE_FIRST, database.action(), database::toString);
        assertEquals(List.of("snapshot_identifier"), database.replacePaths(), database::toString);
        assertEquals("forced by snapshot_identifier", database.cause(), database::toString);
    }

    @Test
    void readsACreateBeforeDestroyReplacementAsCreateThenDelete() {
        String plan = manyChangesPlan();

        ResourceChange secret = find(PlanReader.read(plan), "aws_secretsmanager_secret.credentials");

        assertEquals(Action.REPLACE_CREATE_FIRST, secret.action(), secret::toString);
        assertEquals(List.of("name"), secret.replacePaths(), secret::toString);
    }

    @Test
    void readsAResourceRemovedFromTheConfigurationAsADeleteWithTerraformsReason() {
        String plan = manyChangesPlan();

        ResourceChange logGroup = find(PlanReader.read(plan), "aws_cloudwatch_log_group.audit[0]");

        assertEquals(Action.DELETE, logGroup.action(), logGroup::toString);
        assertEquals("delete_because_count_index", logGroup.actionReason(), logGroup::toString);
        assertEquals("because its count index is out of range", logGroup.cause(), logGroup::toString);
    }

    @Test
    void readsAnInPlaceChangeAsAnUpdateNamingTheChangedAttribute() {
        String plan = manyChangesPlan();

        ResourceChange alarm = find(PlanReader.read(plan), "aws_cloudwatch_metric_alarm.cpu");

        assertEquals(Action.UPDATE, alarm.action(), alarm::toString);
        assertEquals(List.of("threshold"), alarm.changedAttributes(), alarm::toString);
        assertEquals(TagChanges.NONE, alarm.tags(), alarm::toString);
    }

    @Test
    void readsARenameAResizeANewPortAndARebootOnlyParameterAsDisruptiveInPlaceUpdates() {
        String plan = FixturePlan.DISRUPTIVE.json();

        List<ResourceChange> changes = PlanReader.read(plan);

        ResourceChange database = find(changes, "aws_db_instance.primary");
        ResourceChange parameters = find(changes, "aws_db_parameter_group.tuned");
        assertEquals(Action.UPDATE, database.action(), database::toString);
        assertEquals(List.of("identifier", "instance_class", "port"), database.disruptions().stream().map(Disruption::attribute).toList(),
                database::toString);
        assertEquals(List.of("parameter shared_buffers"), parameters.disruptions().stream().map(Disruption::attribute).toList(),
                parameters::toString);
        assertEquals(List.of(), find(changes, "aws_cloudwatch_metric_alarm.cpu").disruptions());
    }

    @Test
    void readsTheReplacementOfTheRdsProxyAsADisruption() {
        String plan = FixturePlan.PROXY_MOVED.json();

        List<ResourceChange> changes = PlanReader.read(plan);

        ResourceChange proxy = find(changes, "aws_db_proxy.writer");
        assertEquals(Action.REPLACE_DELETE_FIRST, proxy.action(), proxy::toString);
        assertEquals(List.of("vpc_subnet_ids"), proxy.replacePaths(), proxy::toString);
        assertEquals(List.of("(replaced)"), proxy.disruptions().stream().map(Disruption::attribute).toList(), proxy::toString);
        assertEquals(List.of("aws_db_proxy.writer"), changes.stream().map(ResourceChange::address).toList(), changes::toString);
    }

    @Test
    void countsTagChangesInsteadOfListingThem() {
        String plan = manyChangesPlan();

        ResourceChange database = find(PlanReader.read(plan), "aws_db_instance.primary");

        assertEquals(new TagChanges(0, 1, 0, false), database.tags(), database::toString);
        assertEquals("tags: 1 changed", database.tags().summary());
        assertFalse(database.changedAttributes().contains("tags") || database.changedAttributes().contains("tags_all"),
                database::toString);
    }

    @Test
    void flagsAChangedSensitiveValueByNameAndNeverAsAnOrdinaryChange() {
        String plan = manyChangesPlan();

        ResourceChange database = find(PlanReader.read(plan), "aws_db_instance.primary");

        assertEquals(List.of("password"), database.sensitiveChanged(), database::toString);
        assertFalse(database.changedAttributes().contains("password"), database::toString);
    }

    @Test
    void leavesUnchangedResourcesOutSoThePriorStateIsAcceptedAsItIs() {
        String plan = manyChangesPlan();

        Set<String> addresses = PlanReader.read(plan).stream().map(ResourceChange::address).collect(Collectors.toSet());

        assertEquals(Set.of("aws_db_instance.primary", "aws_secretsmanager_secret.credentials",
                "aws_cloudwatch_log_group.audit[0]", "aws_cloudwatch_metric_alarm.cpu"), addresses);
    }

    @Test
    void rendersReplacePathsWithDotsAndListIndexes() throws Exception {
        ObjectMapper json = new ObjectMapper();

        String mapKey = PlanReader.renderPath(json.readTree("[\"tags\", \"Name\"]"));
        String nested = PlanReader.renderPath(json.readTree("[\"ebs_block_device\", 0, \"volume_size\"]"));

        assertEquals("tags.Name", mapKey);
        assertEquals("ebs_block_device[0].volume_size", nested);
    }

    @Test
    void rejectsJsonThatIsNotAPlan() {
        String notAPlan = "{\"resources\": []}";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PlanReader.read(notAPlan));

        assertEquals("not the JSON of a Terraform plan: no format_version", error.getMessage());
    }
}

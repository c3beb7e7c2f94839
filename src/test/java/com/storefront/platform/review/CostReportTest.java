package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storefront.platform.review.cost.CostGroup;
import com.storefront.platform.review.cost.PriceItem;
import com.storefront.platform.review.cost.PriceTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both reports render the one estimate a review holds, on the checked-in fixture plan of an instance class change. */
class CostReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PriceTable TABLE = PriceTable.bundled();

    /** db.t4g.micro to db.t4g.small, Single-AZ, priced in us-east-1, where the table has both classes. */
    private static final BigDecimal CLASS_CHANGE = TABLE.usd(PriceItem.RDS_INSTANCE, "us-east-1", "db.t4g.small/single-az")
            .subtract(TABLE.usd(PriceItem.RDS_INSTANCE, "us-east-1", "db.t4g.micro/single-az"))
            .multiply(BigDecimal.valueOf(TABLE.hoursPerMonth()));

    @Test
    void stackMarkdownShowsTheChangeTheClassChangeMakesToTheDatabaseInstancesGroup() {
        StackReview review = reviewIn("us-east-1");

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("## Monthly cost estimate"), markdown);
        assertTrue(markdown.contains("| database instances | " + MarkdownReport.usd(review.cost().summary(
                CostGroup.DATABASE_INSTANCES).current()) + " | "), markdown);
        assertTrue(markdown.contains(MarkdownReport.signedUsd(CLASS_CHANGE)), markdown);
        assertTrue(markdown.contains("730 hours a month"), markdown);
    }

    @Test
    void stackJsonHoldsTheSameChangeAndEveryLineWithItsStatus() throws Exception {
        StackReview review = reviewIn("us-east-1");

        JsonNode cost = JSON.readTree(JsonReport.forStack(review, Mode.OFFLINE)).path("cost");

        assertEquals(0, CLASS_CHANGE.compareTo(cost.path("total").path("change").decimalValue()), cost::toString);
        assertEquals(730, cost.path("hoursPerMonth").asInt());
        assertEquals(review.cost().lines().size(), cost.path("lines").size());
        assertTrue(cost.path("lines").findValuesAsText("status").contains("priced"), cost::toString);
    }

    @Test
    void summaryShowsEachStacksTotalAndTheSumOfAllStacks() throws Exception {
        ReviewRun run = new ReviewRun(Mode.OFFLINE, List.of(reviewIn("us-east-1")), List.of(), List.of());

        String markdown = MarkdownReport.forRun(run);
        JsonNode summary = JSON.readTree(JsonReport.forRun(run)).path("cost");

        assertTrue(markdown.contains("| **all stacks** |"), markdown);
        assertEquals(0, CLASS_CHANGE.compareTo(summary.path("total").path("change").decimalValue()), summary::toString);
        assertEquals("fixture", summary.path("stacks").path(0).path("stack").asText());
    }

    @Test
    void aClassWithoutAPriceInItsRegionIsShownAsUnknownPriceNotAsAZeroChange() {
        StackReview review = reviewIn("eu-west-1");

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("db.t4g.small Single-AZ primary — **unknown price**: the table has no rds.instance"
                + " db.t4g.small/single-az price for eu-west-1"), markdown);
    }

    @Test
    void aChargeThePlanKeepsIsShownOnceAsUnchangedAndAChangedOneAsBeforeAndAfter() {
        StackReview review = reviewIn("us-east-1");

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("| before | db.t4g.micro Single-AZ primary |") && markdown.contains("| after | db.t4g.small Single-AZ primary |"),
                markdown);
        assertTrue(markdown.contains("| `aws_kms_key.database` | unchanged | KMS customer managed key"), markdown);
        assertTrue(!markdown.contains("| `aws_kms_key.database` | before |") && !markdown.contains("| `aws_kms_key.database` | after |"), markdown);
    }

    /** The fixture's plan with its provider in {@code region}. */
    private static StackReview reviewIn(String region) {
        try {
            JsonNode plan = JSON.readTree(FixturePlan.INSTANCE_CLASS.json());
            ((ObjectNode) plan.at("/configuration/provider_config/aws/expressions/region")).put("constant_value", region);
            return new Guard(List.of()).review(new PlannedStack("fixture", JSON.writeValueAsString(plan)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Markdown of a real plan with a change of every kind ({@link FixturePlan#MANY_CHANGES}). */
class MarkdownReportTest {

    private static final String STACK = "database-fixture";

    private static StackReview manyChanges(Guard guard) {
        List<ResourceChange> changes = FixturePlan.MANY_CHANGES.changes();
        return new StackReview(STACK, changes, guard.inspect(STACK, changes));
    }

    @Test
    void countsEachKindOfChange() {
        StackReview review = manyChanges(new Guard(List.of()));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("| create | update | replace | delete |\n|---:|---:|---:|---:|\n| 0 | 1 | 2 | 1 |\n"), markdown);
    }

    @Test
    void namesTheAttributesThatForceEachReplacement() {
        StackReview review = manyChanges(new Guard(List.of()));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("## Replacements\n\n"
                + "- `aws_db_instance.primary`: replace (delete, then create), forced by `snapshot_identifier`\n"), markdown);
        assertTrue(markdown.contains(
                "- `aws_secretsmanager_secret.credentials`: replace (create, then delete), forced by `name`\n"), markdown);
    }

    @Test
    void showsEveryChangedResourceInTheTableWithItsAction() {
        StackReview review = manyChanges(new Guard(List.of()));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("| `aws_cloudwatch_metric_alarm.cpu` | update in place | changes `threshold` |\n"), markdown);
        assertTrue(markdown.contains("| `aws_cloudwatch_log_group.audit[0]` | delete | because its count index is out of range;"
                + " **blocked by the guard** |\n"), markdown);
    }

    @Test
    void flagsAChangedSensitiveValueWithoutShowingIt() {
        StackReview review = manyChanges(new Guard(List.of()));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("`password` (sensitive value changed)"), markdown);
        for (String password : FixturePlan.PASSWORDS) {
            assertFalse(markdown.contains(password), "the Markdown shows a password:\n" + markdown);
        }
    }

    @Test
    void summarizesTagChangesWithoutListingThem() {
        StackReview review = manyChanges(new Guard(List.of()));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("tags: 1 changed"), markdown);
        assertFalse(markdown.contains("checkout") || markdown.contains("Owner"), markdown);
    }

    @Test
    void saysWhichChangesWereAcknowledged() {
        StackReview review = manyChanges(new Guard(List.of(Acknowledgement.parse("aws_db_instance.primary"))));

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("- **acknowledged** `aws_db_instance.primary`: replace (delete, then create),"
                + " forced by `snapshot_identifier`. Protected: a database instance"), markdown);
        assertTrue(markdown.contains("**Guard: blocked.** 2 delete(s) or replacement(s) of protected resources not let through."), markdown);
    }

    @Test
    void namesTerraformsRefusalAsWhatBlocksAChangeWithPreventDestroyEvenWhenAcknowledged() {
        PlannedStack refused = new PlannedStack(STACK, FixturePlan.SNAPSHOT.json(), Set.of("aws_db_instance.primary"));
        StackReview review = new Guard(List.of(Acknowledgement.parse("aws_db_instance.primary"))).review(refused);

        String markdown = MarkdownReport.forStack(review, Mode.OFFLINE);

        assertTrue(markdown.contains("| `aws_db_instance.primary` | replace (delete, then create) | forced by `snapshot_identifier`;"
                + " **refused by Terraform: prevent_destroy** |\n"), markdown);
    }

    @Test
    void listsAcknowledgementsThatMatchedNothingInTheSummary() {
        Guard guard = new Guard(List.of(Acknowledgement.parse("database-fixture:aws_db_instance.primry")));
        StackReview review = manyChanges(guard);
        ReviewRun run = new ReviewRun(Mode.OFFLINE, List.of(review), List.of(), guard.unused(review.findings()));

        String markdown = MarkdownReport.forRun(run);

        assertTrue(markdown.contains("## Acknowledgements that matched nothing\n"), markdown);
        assertTrue(markdown.contains("- `database-fixture:aws_db_instance.primry`\n"), markdown);
    }
}

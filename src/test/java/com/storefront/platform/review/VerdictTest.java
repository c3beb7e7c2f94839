package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one verdict of a change, a stack and a run, on the checked-in plans ({@link FixturePlan}). */
class VerdictTest {

    private static final String STACK = "database-fixture";
    private static final String DATABASE = "aws_db_instance.primary";

    private static StackReview review(FixturePlan plan, List<String> acknowledgements, Set<String> refusedByPreventDestroy,
            boolean disruptionsBlock) {
        Guard guard = new Guard(acknowledgements.stream().map(Acknowledgement::parse).toList(), disruptionsBlock);
        return guard.review(new PlannedStack(STACK, plan.json(), refusedByPreventDestroy));
    }

    private static StackReview review(FixturePlan plan, String... acknowledgements) {
        return review(plan, List.of(acknowledgements), Set.of(), false);
    }

    private static ResourceChange change(StackReview review, String address) {
        return review.changes().stream().filter(c -> c.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + address + " in " + review.changes()));
    }

    @ParameterizedTest
    @CsvSource({
        "PASSED,       passed,       passed,  0",
        "ACKNOWLEDGED, acknowledged, passed,  0",
        "BLOCKED,      blocked,      blocked, 1",
        "ERROR,        error,        error,   2"
    })
    void givesEachVerdictTheLabelResultAndExitCodeTheReportsUse(Verdict verdict, String label, String result, int exitCode) {
        String shown = verdict.label() + " " + verdict.result() + " " + verdict.exitCode();

        assertEquals(label + " " + result + " " + exitCode, shown, verdict::name);
    }

    @Test
    void passesAStackThatDeletesAndReplacesNothingProtected() {
        StackReview review = review(FixturePlan.IN_PLACE);

        Verdict verdict = review.verdict();

        assertEquals(Verdict.PASSED, verdict, review::toString);
    }

    @Test
    void blocksAStackThatReplacesAProtectedResourceNobodyAcknowledged() {
        StackReview review = review(FixturePlan.SNAPSHOT);

        Verdict verdict = review.verdict();

        assertEquals(Verdict.BLOCKED, verdict, review::toString);
    }

    @Test
    void passesAStackAsAcknowledgedWhenEveryProtectedReplacementWasAcknowledged() {
        StackReview review = review(FixturePlan.SNAPSHOT, STACK + ":" + DATABASE);

        Verdict verdict = review.verdict();

        assertEquals(Verdict.ACKNOWLEDGED, verdict, review::toString);
        assertEquals("passed", verdict.result());
    }

    @Test
    void blocksAStackTerraformRefusedWhateverWasAcknowledged() {
        StackReview review = review(FixturePlan.SNAPSHOT, List.of(DATABASE), Set.of(DATABASE), false);

        Verdict stack = review.verdict();
        Verdict database = review.verdictOn(change(review, DATABASE));

        assertEquals(Verdict.BLOCKED, stack, review::toString);
        assertEquals(Verdict.BLOCKED, database, review::toString);
    }

    @Test
    void blocksADisruptiveInPlaceChangeOnlyWhenDisruptionsBlock() {
        StackReview warned = review(FixturePlan.INSTANCE_CLASS, List.of(), Set.of(), false);
        StackReview blocking = review(FixturePlan.INSTANCE_CLASS, List.of(), Set.of(), true);

        Verdict whenWarned = warned.verdict();
        Verdict whenBlocking = blocking.verdict();

        assertEquals(Verdict.PASSED, whenWarned, warned::toString);
        assertEquals(Verdict.BLOCKED, whenBlocking, blocking::toString);
    }

    @Test
    void blocksAProxyReplacementOnlyWhenDisruptionsBlockForItHoldsNoData() {
        StackReview warned = review(FixturePlan.PROXY_MOVED, List.of(), Set.of(), false);
        StackReview blocking = review(FixturePlan.PROXY_MOVED, List.of(), Set.of(), true);

        assertEquals(List.of(), warned.findings(), warned::toString);
        assertEquals(Verdict.PASSED, warned.verdict(), warned::toString);
        assertEquals(Verdict.BLOCKED, blocking.verdict(), blocking::toString);
    }

    @Test
    void judgesEachChangeByItsOwnFinding() {
        StackReview review = review(FixturePlan.MANY_CHANGES, DATABASE);

        Verdict database = review.verdictOn(change(review, DATABASE));
        Verdict secret = review.verdictOn(change(review, "aws_secretsmanager_secret.credentials"));
        Verdict alarm = review.verdictOn(change(review, "aws_cloudwatch_metric_alarm.cpu"));

        assertEquals(Verdict.ACKNOWLEDGED, database, review::toString);
        assertEquals(Verdict.BLOCKED, secret, review::toString);
        assertEquals(Verdict.PASSED, alarm, review::toString);
    }

    @Test
    void passesARunWithAcknowledgedChangesWhenEveryStackPasses() {
        ReviewRun run = new ReviewRun(Mode.OFFLINE, List.of(review(FixturePlan.SNAPSHOT, DATABASE), review(FixturePlan.IN_PLACE)),
                List.of(), List.of());

        Verdict verdict = run.verdict();

        assertEquals(Verdict.ACKNOWLEDGED, verdict, run::toString);
        assertEquals("passed, with acknowledged changes", verdict.description());
    }

    @Test
    void blocksARunWhenAnyStackIsBlocked() {
        ReviewRun run = new ReviewRun(Mode.OFFLINE, List.of(review(FixturePlan.SNAPSHOT, DATABASE), review(FixturePlan.MANY_CHANGES)),
                List.of(), List.of());

        Verdict verdict = run.verdict();

        assertEquals(Verdict.BLOCKED, verdict, run::toString);
    }

    @Test
    void failsARunWithAStackThatCouldNotBeReviewedEvenWhenAnotherIsBlocked() {
        ReviewRun run = new ReviewRun(Mode.OFFLINE, List.of(review(FixturePlan.MANY_CHANGES)),
                List.of(new StackFailure("database-broken", "`terraform init` failed")), List.of());

        Verdict verdict = run.verdict();

        assertEquals(Verdict.ERROR, verdict, run::toString);
        assertEquals("incomplete: a stack could not be reviewed", verdict.description());
    }
}

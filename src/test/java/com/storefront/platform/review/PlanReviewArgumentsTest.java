package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review command's answers to arguments it cannot use: no stack is planned, so no Terraform is needed. */
class PlanReviewArgumentsTest {

    private static final Path OUT = Path.of("target", "plan-review-arguments");

    @Test
    void exitsWith2AndShowsUsageForAnUnknownOption() {
        String unknownOption = "--destroy";

        CommandOutcome outcome = CommandOutcome.run(OUT, Map.of(), unknownOption);

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().startsWith("plan review: unknown option --destroy\nUsage: PlanReview"), outcome::toString);
    }

    @Test
    void explainsHowToPassArgumentsWhenMavenGotNone() {
        String undefinedProperty = "${review.args}";

        CommandOutcome outcome = CommandOutcome.run(OUT, Map.of(), undefinedProperty);

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().startsWith("plan review: no arguments: pass them with -Dreview.args="), outcome::toString);
    }
}

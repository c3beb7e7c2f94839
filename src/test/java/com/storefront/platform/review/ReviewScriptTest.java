package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/review}, as CI runs it: its exit code is the review's, where {@code mvn exec:exec@review} turns both
 * a block and an error into 1. It runs on the suite's classpath ({@code STOREFRONT_CLASSPATH}), so it builds nothing.
 */
class ReviewScriptTest {

    private static final Path SCRIPT = Path.of("scripts", "review").toAbsolutePath();
    private static final Path OUT = Path.of("target", "review-script-tests").toAbsolutePath();

    /** What one run of the script did. */
    private record ScriptRun(int exitCode, String output) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- output\n" + output;
        }
    }

    private static ScriptRun runScript(String name, String... args) {
        return runScript(name, Map.of(), args);
    }

    private static ScriptRun runScript(String name, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createDirectories(OUT).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // The suite has built the project: the script runs on the tests' classpath instead of building it again.
            builder.environment().put("STOREFRONT_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/review " + String.join(" ", args) + " still runs after 5 minutes:\n" + Files.readString(log));
            }
            return new ScriptRun(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void exitsWith2ForAnUnknownOption() {
        String unknownOption = "--destroy";

        ScriptRun run = runScript("unknown-option", unknownOption);

        assertEquals(Verdict.ERROR.exitCode(), run.exitCode(), run::toString);
        assertTrue(run.output().contains("plan review: unknown option --destroy\nUsage: PlanReview"), run::toString);
    }

    @Test
    @Tag("terraform")
    void exitsWith1WhenTheGuardBlocksAPlan() {
        Path stack = ReviewFixture.stack("script-blocked", FixturePlan.MANY_CHANGES.variables()).toAbsolutePath();

        ScriptRun run = runScript("blocked", "--offline", "--out", OUT.resolve("blocked").toString(), stack.toString());

        assertEquals(Verdict.BLOCKED.exitCode(), run.exitCode(), run::toString);
        assertTrue(run.output().contains("plan review: blocked; reviews in "), run::toString);
    }

    @Test
    @Tag("terraform")
    void exitsWith2NotTheBlockedCodeWhenTheReviewCrashes() {
        Path stack = ReviewFixture.stack("script-crashed", FixturePlan.MANY_CHANGES.variables()).toAbsolutePath();
        // Without a temporary directory the review fails before it plans anything.
        Map<String, String> noTemporaryDirectory = Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + OUT.resolve("no-such-directory"));

        ScriptRun run = runScript("crashed", noTemporaryDirectory, "--offline", "--out", OUT.resolve("crashed").toString(), stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), run.exitCode(), run::toString);
        assertTrue(run.output().contains("plan review: internal error, nothing was reviewed: "), run::toString);
    }
}

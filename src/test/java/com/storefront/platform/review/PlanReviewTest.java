package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The review command end to end: Terraform plans the fixture, the command writes the reviews and exits. */
@Tag("terraform")
class PlanReviewTest {

    private static final Path OUT = Path.of("target", "plan-review-tests");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CommandOutcome review(String name, Map<String, String> environment, String... args) {
        return CommandOutcome.run(OUT.resolve(name), environment, args);
    }

    @Test
    void passesADisruptiveInPlaceChangeWithAWarningAndBlocksItOnlyWhenAsked() {
        Path stack = ReviewFixture.stack("review-disruptive", Map.of("instance_class", "db.t4g.small"));

        CommandOutcome warned = review("disruptive", Map.of(), "--offline", stack.toString());
        CommandOutcome blocked = review("disruptive-blocked", Map.of(), "--offline", "--block-disruptive", stack.toString());

        assertEquals(Verdict.PASSED.exitCode(), warned.exitCode(), warned::toString);
        assertTrue(warned.stderr().contains("plan review: WARNING disruptive review-disruptive: aws_db_instance.primary instance_class: restarts"),
                warned::toString);
        assertTrue(warned.file("review-disruptive.md").contains("## Disruptive in-place changes\n\nWarning:"), warned.file("review-disruptive.md"));
        assertEquals("instance_class", warned.json("review-disruptive.json").at("/disruptive/0/attribute").asText(),
                warned.file("review-disruptive.json"));
        assertEquals(Verdict.BLOCKED.exitCode(), blocked.exitCode(), blocked::toString);
        assertTrue(blocked.stderr().contains("plan review: BLOCKED disruptive review-disruptive:"), blocked::toString);
    }

    @Test
    void failsWithExitCode1NamingEachBlockedResourceActionAndCause() throws IOException {
        Path stack = ReviewFixture.stack("review-blocked", FixturePlan.MANY_CHANGES.variables());

        CommandOutcome outcome = review("blocked", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.BLOCKED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("plan review: BLOCKED review-blocked: aws_db_instance.primary —"
                + " replace (delete, then create), forced by snapshot_identifier."), outcome::toString);
        assertTrue(outcome.stderr().contains("BLOCKED review-blocked: aws_secretsmanager_secret.credentials —"
                + " replace (create, then delete), forced by name."), outcome::toString);
        assertTrue(outcome.stderr().contains("BLOCKED review-blocked: aws_cloudwatch_log_group.audit[0] — delete,"), outcome::toString);
        assertEquals("blocked", outcome.json("summary.json").path("result").asText(), outcome.file("summary.json"));
        assertEquals(3, outcome.json("review-blocked.json").path("findings").size(), outcome.file("review-blocked.json"));
    }

    @Test
    void passesAnAcknowledgedReplacementAndSaysItWasAcknowledged() throws IOException {
        Path stack = ReviewFixture.stack("review-acknowledged", Map.of("snapshot_identifier", "storefront-fixture-before-upgrade"));

        CommandOutcome outcome = review("acknowledged",
                Map.of(Acknowledgement.ENVIRONMENT_VARIABLE, "review-acknowledged:aws_db_instance.primary"),
                "--offline", stack.toString());

        assertEquals(Verdict.PASSED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.file("review-acknowledged.md").contains("| `aws_db_instance.primary` | replace (delete, then create) |"
                + " forced by `snapshot_identifier`; **acknowledged** |"), () -> outcome.file("review-acknowledged.md"));
        JsonNode change = outcome.json("review-acknowledged.json").path("changes").get(0);
        assertEquals("aws_db_instance.primary", change.path("address").asText(), change::toString);
        assertEquals("acknowledged", change.path("guard").asText(), change::toString);
        assertTrue(outcome.file("summary.md").contains("Result: **passed, with acknowledged changes** (exit code 0)"),
                () -> outcome.file("summary.md"));
    }

    @Test
    void passesAnInPlaceChangeAndShowsItAsAnUpdate() throws IOException {
        Path stack = ReviewFixture.stack("review-in-place", Map.of("cpu_alarm_threshold", 90, "owner_tag", "checkout"));

        CommandOutcome outcome = review("in-place", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.PASSED.exitCode(), outcome.exitCode(), outcome::toString);
        assertEquals(JSON.readTree("{\"create\":0,\"update\":2,\"replace\":0,\"delete\":0,\"forget\":0}"),
                outcome.json("review-in-place.json").path("counts"), outcome.file("review-in-place.json"));
        String markdown = outcome.file("review-in-place.md");
        assertTrue(markdown.contains("| `aws_cloudwatch_metric_alarm.cpu` | update in place | changes `threshold` |"), markdown);
        assertTrue(markdown.contains("| `aws_db_instance.primary` | update in place | tags: 1 changed |"), markdown);
        assertTrue(markdown.contains("**Guard: passed.** No protected resource is deleted or replaced."), markdown);
    }

    @Test
    void namesWhyAResourceWithPreventDestroyWouldBeReplacedAndBlocksItEvenWhenAcknowledged() {
        Path stack = ReviewFixture.stack("review-prevent-destroy", Map.of("backup_bucket_name", "storefront-fixture-backups-v2"));

        CommandOutcome outcome = review("prevent-destroy", Map.of(), "--offline", stack.toString(),
                "--allow-replace", "aws_s3_bucket.backups");

        assertEquals(Verdict.BLOCKED.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("plan review: BLOCKED review-prevent-destroy: Terraform refuses the plan:"
                + " it would destroy aws_s3_bucket.backups (lifecycle.prevent_destroy)"), outcome::toString);
        assertTrue(outcome.stderr().contains("BLOCKED review-prevent-destroy: aws_s3_bucket.backups — replace (delete, then create),"
                + " forced by bucket."), outcome::toString);
        assertTrue(outcome.file("review-prevent-destroy.md").contains("- **blocked** (acknowledged) `aws_s3_bucket.backups`"),
                () -> outcome.file("review-prevent-destroy.md"));
        assertEquals(List.of(), listNames(stack.getParent()).stream().filter(n -> n.contains("without-prevent-destroy")).toList(),
                "the copy planned without prevent_destroy is left behind");
    }

    private static List<String> listNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exitsWith2AndWritesWhatFailedWhenTerraformCannotPlanAStack() throws IOException {
        TerraformRequired.runner(OUT);
        Path stack = OUT.resolve("stacks").resolve("broken");
        Files.createDirectories(stack);
        Files.writeString(stack.resolve("main.tf"), "resource \"aws_s3_bucket\" {\n");

        CommandOutcome outcome = review("broken", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("plan review: broken could not be reviewed: `terraform init"), outcome::toString);
        assertTrue(outcome.file("summary.md").contains("## Stacks that could not be reviewed\n\n### broken\n"),
                () -> outcome.file("summary.md"));
    }

    @Test
    void refusesAStackSynthesizedForAwsInOfflineMode() throws IOException {
        TerraformRequired.runner(OUT);
        Path stack = OUT.resolve("stacks").resolve("database-prod");
        Files.createDirectories(stack);
        Files.writeString(stack.resolve("cdk.tf.json"),
                "{\"terraform\": {\"backend\": {\"s3\": {\"bucket\": \"storefront-prod-tfstate\"}}}}");

        CommandOutcome outcome = review("aws-stack-offline", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("was synthesized for real (S3 state, the caller's AWS credentials, refreshed), not offline:"
                + " review it with neither --offline nor --emulator, or synthesize it with STOREFRONT_MODE=offline"), outcome::toString);
    }

    @Test
    void refusesAnOfflineStackWhenPlanningAgainstAws() throws IOException {
        TerraformRequired.runner(OUT);
        Path stack = OUT.resolve("stacks").resolve("database-dev");
        Files.createDirectories(stack);
        Files.writeString(stack.resolve("cdk.tf.json"), "{\"terraform\": {\"backend\": {\"local\": {\"path\": \"terraform.tfstate\"}}}}");

        CommandOutcome outcome = review("offline-stack-real", Map.of(), stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("was synthesized for offline (local state, placeholder credentials, -refresh=false), not real:"
                + " review it with --offline, or synthesize it with STOREFRONT_MODE=aws"), outcome::toString);
    }

    @Test
    void refusesAnEmulatorStackInOfflineMode() throws IOException {
        TerraformRequired.runner(OUT);
        Path stack = OUT.resolve("stacks").resolve("database-staging");
        Files.createDirectories(stack);
        Files.writeString(stack.resolve("cdk.tf.json"), "{\"terraform\": {\"backend\": {\"local\": {\"path\": \"/tmp/s.tfstate\"}}},"
                + " \"provider\": {\"aws\": [{\"endpoints\": [{\"rds\": \"http://127.0.0.1:5000\"}]}]}}");

        CommandOutcome outcome = review("emulator-stack-offline", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("was synthesized for emulator (local state, an AWS emulator's endpoints, refreshed), not offline:"
                + " review it with --emulator, or synthesize it with STOREFRONT_MODE=offline"), outcome::toString);
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static CommandOutcome review(String name, Map<String, String> environment, String... args) {
        return CommandOutcome.run(OUT.resolve(name), environment, args);
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
                + " \"provider\": {\"aws\": [{\"profile\": \"storefront-emulator\", \"shared_config_files\": [\"emulator.aws-config\"]}]}}");

        CommandOutcome outcome = review("emulator-stack-offline", Map.of(), "--offline", stack.toString());

        assertEquals(Verdict.ERROR.exitCode(), outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("was synthesized for emulator (local state, an AWS emulator's endpoints, refreshed), not offline:"
                + " review it with --emulator, or synthesize it with STOREFRONT_MODE=offline"), outcome::toString);
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.storefront.platform.Main;
import com.storefront.platform.config.Environments;
import com.storefront.platform.support.OfflineDeployment;
import com.storefront.platform.terraform.Directories;
import com.storefront.platform.testing.TerraformRequired;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * This project's CI review: every stack of every environment, synthesized offline and reviewed offline, with
 * the Markdown and JSON kept in {@code target/plan-review/}.
 */
@Tag("terraform")
class OfflineReviewOfAllStacksTest {

    private static final Path SYNTH = Path.of("target", "review-synth");
    private static final Path OUT = Path.of("target", "plan-review");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reviewsEveryStackOfEveryEnvironmentAndPassesTheGuardOnAFreshPlan() throws IOException {
        TerraformRequired.runner(SYNTH);
        Path outdir = synthesizeEveryEnvironmentOffline();
        List<String> stacks = new ArrayList<>();
        JSON.readTree(outdir.resolve("manifest.json").toFile()).path("stacks").fieldNames().forEachRemaining(stacks::add);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        long started = System.nanoTime();
        int exitCode = PlanReview.run(List.of("--offline", "--all", outdir.toString(), "--out", OUT.toString()), Map.of(),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - started) / 1e9;

        String output = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        System.out.printf("offline plan review of %d stacks took %.1f s%n", stacks.size(), seconds);
        assertEquals(Verdict.PASSED.exitCode(), exitCode, output);
        assertEquals(2 * Environments.all().size(), stacks.size(), stacks::toString);
        for (String stack : stacks) {
            assertTrue(Files.isRegularFile(OUT.resolve(stack + ".md")), () -> "no Markdown review of " + stack + "\n" + output);
            JsonNode review = JSON.readTree(OUT.resolve(stack + ".json").toFile());
            JsonNode counts = review.path("counts");
            assertTrue(counts.path("create").asInt() > 0, () -> stack + " creates nothing: " + review);
            assertEquals(0, counts.path("update").asInt() + counts.path("replace").asInt() + counts.path("delete").asInt(),
                    () -> "a fresh plan of " + stack + " only creates: " + review);
        }
        assertEquals("passed", JSON.readTree(OUT.resolve("summary.json").toFile()).path("result").asText());
        assertTrue(Files.isRegularFile(OUT.resolve("summary.md")), output);
    }

    private static Path synthesizeEveryEnvironmentOffline() throws IOException {
        // Absolute: the path is handed to jsii's Node process, which creates only the last directory.
        Path outdir = SYNTH.resolve("cdktf.out").toAbsolutePath();
        Directories.deleteRecursively(outdir);
        App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
        Main.synthesize(app, Environments.all(), new OfflineDeployment());
        return outdir;
    }
}

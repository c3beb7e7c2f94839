package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real plans of the fixture configuration ({@code src/test/resources/review/fixture/}) against a prior
 * state: the fixture is planned once with its defaults, that plan becomes the state of every copy, and each
 * copy changes some variables. Plans are cached per copy, since each takes a few seconds.
 *
 * <p>Terraform runs here; tests that only read plans use the checked-in {@link FixturePlan}s, which
 * {@link RegenerateReviewPlans} makes with this class.
 */
final class ReviewFixture {

    /** Where the copies go: {@code target/review-fixtures/<name>}. */
    static final Path ROOT = Path.of("target", "review-fixtures");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PLANS = new HashMap<>();
    private static String priorState;

    private ReviewFixture() {
    }

    /**
     * A fresh copy of the fixture named {@code name}, holding the prior state, with {@code variables} in its
     * {@code terraform.tfvars.json} (which Terraform loads by itself, so the review command plans it unchanged).
     */
    static synchronized Path stack(String name, Map<String, Object> variables) {
        String state = priorState();
        Path dir = copy(name);
        try {
            Files.writeString(dir.resolve("terraform.tfstate"), state);
            JSON.writeValue(dir.resolve("terraform.tfvars.json").toFile(), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The JSON of the plan of copy {@code name} with {@code variables}, planned once per test run. */
    static synchronized String planJson(String name, Map<String, Object> variables) {
        if (!PLANS.containsKey(name)) {
            Path dir = stack(name, variables);
            PLANS.put(name, planner(dir).plan(dir).planJson());
        }
        return PLANS.get(name);
    }

    private static String priorState() {
        if (priorState == null) {
            Path dir = copy("prior");
            StackPlanner planner = planner(dir);
            try {
                JsonNode plan = JSON.readTree(planner.plan(dir).planJson());
                JsonNode schemas = JSON.readTree(TerraformRequired.runner(dir).run(dir, "providers", "schema", "-json")
                        .orThrow(dir).stdout());
                priorState = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PriorState.fromPlan(plan, schemas));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return priorState;
    }

    private static StackPlanner planner(Path dir) {
        return new StackPlanner(TerraformRequired.runner(dir), Mode.OFFLINE);
    }

    /** A fresh copy of every file of the fixture in {@code target/review-fixtures/<name>}. */
    private static Path copy(String name) {
        try {
            Path source = Path.of(ReviewFixture.class.getResource("/review/fixture").toURI());
            Path dir = ROOT.resolve(name);
            Files.createDirectories(dir);
            for (String stale : List.of("terraform.tfstate", "terraform.tfvars.json", StackPlanner.PLAN_FILE)) {
                Files.deleteIfExists(dir.resolve(stale));
            }
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

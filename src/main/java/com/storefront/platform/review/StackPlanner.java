package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storefront.platform.terraform.Directories;
import com.storefront.platform.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plans one synthesized stack: {@code init}, {@code plan -out}, {@code show -json}.
 *
 * <p>When Terraform refuses a plan because it would destroy a resource with {@code prevent_destroy} (staging's
 * and prod's database, key, secret and backup bucket), its error names the resource but not why it would be
 * destroyed. The planner then plans a copy of the stack with {@code prevent_destroy} lifted, only to read that
 * plan's causes; the copy is deleted afterwards and its plan is never applied.
 *
 * <p>A plan takes seconds; plan each stack once and hand the {@link PlannedStack}s to
 * {@link PlanReview#review(Mode, List, Guard)} as often as needed.
 */
public final class StackPlanner {

    /** The saved plan, beside the stack's {@code cdk.tf.json}; it holds sensitive values, and is git-ignored. */
    static final String PLAN_FILE = "plan-review.tfplan";

    private static final ObjectMapper JSON = new ObjectMapper();

    // Terraform wraps its messages, so this is matched against the output with whitespace collapsed.
    private static final Pattern PREVENT_DESTROY_REFUSAL =
            Pattern.compile("Resource (\\S+) has lifecycle\\.prevent_destroy set, but the plan calls for this resource to be destroyed");

    private final Terraform terraform;
    private final Mode mode;

    /**
     * @param terraform the runner, with its CLI configuration
     * @param mode how to plan; a stack synthesized for another mode is refused
     */
    public StackPlanner(Terraform terraform, Mode mode) {
        this.terraform = terraform;
        this.mode = mode;
    }

    /**
     * Plans the stack in {@code stackDir}, saving the plan there as {@value #PLAN_FILE}; the stack is named after
     * the directory ({@link #stackName}).
     *
     * @throws IllegalStateException when the stack does not fit the mode or a Terraform command fails, with
     *     everything Terraform printed
     */
    public PlannedStack plan(Path stackDir) {
        requireBackendFitsMode(stackDir);
        Terraform.Result plan = initAndPlan(stackDir);
        Set<String> refused = plan.succeeded() ? Set.of() : preventDestroyRefusals(plan);
        if (refused.isEmpty() || !hasJsonConfiguration(stackDir)) {
            // Throws for any failure but a prevent_destroy refusal in a configuration this planner can lift it from.
            plan.orThrow(stackDir);
            return new PlannedStack(stackName(stackDir), show(stackDir));
        }
        Path copy = stackDir.resolveSibling("." + stackDir.getFileName() + "-without-prevent-destroy");
        try {
            copyWithoutPreventDestroy(stackDir, copy);
            initAndPlan(copy).orThrow(copy);
            return new PlannedStack(stackName(stackDir), show(copy), refused);
        } finally {
            Directories.deleteRecursively(copy);
        }
    }

    /** A stack's id: the name of its directory, as CDKTF writes {@code cdktf.out/stacks/<stack-id>}. */
    static String stackName(Path stackDir) {
        return stackDir.toAbsolutePath().normalize().getFileName().toString();
    }

    private Terraform.Result initAndPlan(Path dir) {
        terraform.run(dir, "init", "-input=false", "-no-color").orThrow(dir);
        List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-no-color",
                // A review never writes state, and a read-only CI role cannot write the S3 lock file.
                "-lock=false", "-out=" + PLAN_FILE));
        plan.addAll(mode.planOptions());
        return terraform.run(dir, plan.toArray(String[]::new));
    }

    private String show(Path dir) {
        return terraform.run(dir, "show", "-json", "-no-color", PLAN_FILE).orThrow(dir).stdout();
    }

    /** The addresses of the resources a failed plan names as refused by their {@code lifecycle.prevent_destroy}. */
    public static Set<String> preventDestroyRefusals(Terraform.Result plan) {
        Matcher matcher = PREVENT_DESTROY_REFUSAL.matcher((plan.stdout() + "\n" + plan.stderr()).replaceAll("\\s+", " "));
        Set<String> addresses = new LinkedHashSet<>();
        while (matcher.find()) {
            addresses.add(matcher.group(1));
        }
        return addresses;
    }

    private static boolean hasJsonConfiguration(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tf.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the stack (state, stand-in files, assets) beside itself, so that relative paths still resolve, and
     * lifts {@code prevent_destroy} in its JSON configuration. HCL files are copied as they are.
     */
    private static void copyWithoutPreventDestroy(Path stackDir, Path copy) {
        Directories.deleteRecursively(copy);
        List<Path> sources;
        try (Stream<Path> paths = Files.walk(stackDir)) {
            // .terraform holds the backend and provider links of the original; the copy is initialized anew.
            sources = paths.filter(p -> !p.startsWith(stackDir.resolve(".terraform"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stackDir, e);
        }
        try {
            for (Path source : sources) {
                Path target = copy.resolve(stackDir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getFileName().toString().endsWith(".tf.json")) {
                    JsonNode configuration = JSON.readTree(source.toFile());
                    configuration.path("resource").forEach(type -> type.forEach(resource -> {
                        if (resource.path("lifecycle").isObject()) {
                            ((ObjectNode) resource.get("lifecycle")).remove("prevent_destroy");
                        }
                    }));
                    JSON.writeValue(target.toFile(), configuration);
                } else if (!source.getFileName().toString().equals(PLAN_FILE)) {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + stackDir + " to plan it without prevent_destroy", e);
        }
    }

    /**
     * Refuses a stack synthesized for another mode before Terraform does, with a message that says how to fix it
     * rather than an S3 credentials error (or a refresh with placeholder credentials).
     */
    private void requireBackendFitsMode(Path stackDir) {
        Path synthesized = stackDir.resolve("cdk.tf.json");
        if (!Files.isRegularFile(synthesized)) {
            return;
        }
        Mode synthesizedFor;
        try {
            synthesizedFor = Mode.synthesizedFor(JSON.readTree(synthesized.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + synthesized, e);
        }
        if (synthesizedFor != mode) {
            throw new IllegalStateException(stackDir + " was synthesized for " + synthesizedFor.label() + " ("
                    + synthesizedFor.description() + "), not " + mode.label() + ": review it with "
                    + synthesizedFor.option() + ", or synthesize it with STOREFRONT_MODE=" + mode.synthesisMode());
        }
    }
}

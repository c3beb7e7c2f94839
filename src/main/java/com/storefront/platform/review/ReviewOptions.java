package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one run of {@link PlanReview} reviews, and how.
 *
 * @param mode how to plan. Default: {@link Mode#REAL}
 * @param stacks the synthesized stack directories, in review order
 * @param out where the Markdown and JSON go. Default: {@code target/plan-review}
 * @param guard the acknowledgements of {@code --allow-replace} and {@value Acknowledgement#ENVIRONMENT_VARIABLE}, and
 *     {@code --block-disruptive}. Default: every protected delete or replacement blocked, disruptions warned about
 * @param jobs how many stacks are planned at once. Default: the number of processors, at most the number of stacks
 */
record ReviewOptions(Mode mode, List<Path> stacks, Path out, Guard guard, int jobs) {

    static final Path DEFAULT_OUT = Path.of("target", "plan-review");

    ReviewOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(guard, "guard");
        stacks = List.copyOf(stacks);
        if (stacks.isEmpty()) {
            throw new IllegalArgumentException("no stacks to review: name stack directories (cdktf.out/stacks/<stack>)"
                    + " or pass --all <cdktf.out>");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        Set<String> names = new HashSet<>();
        for (Path stack : stacks) {
            if (!names.add(StackPlanner.stackName(stack))) {
                throw new IllegalArgumentException("two stack directories are both named '" + StackPlanner.stackName(stack)
                        + "': their reviews would overwrite each other; review them in separate runs");
            }
        }
    }

    /**
     * @throws IllegalArgumentException for an unknown option, a missing value, or a directory that is not there
     */
    static ReviewOptions parse(List<String> args, Map<String, String> environment) {
        Mode mode = Mode.REAL;
        Path out = DEFAULT_OUT;
        Integer jobs = null;
        boolean blockDisruptive = false;
        List<Path> stacks = new ArrayList<>();
        List<Acknowledgement> acknowledgements = new ArrayList<>();
        String fromEnvironment = environment.getOrDefault(Acknowledgement.ENVIRONMENT_VARIABLE, "");
        Arrays.stream(fromEnvironment.split(",")).filter(s -> !s.isBlank())
                .map(a -> acknowledgement(Acknowledgement.ENVIRONMENT_VARIABLE, a)).forEach(acknowledgements::add);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--offline" -> mode = Mode.OFFLINE;
                case "--emulator" -> mode = Mode.EMULATOR;
                case "--block-disruptive" -> blockDisruptive = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--all" -> stacks.addAll(fromManifest(Path.of(value(args, ++i, arg))));
                case "--allow-replace" -> acknowledgements.add(acknowledgement(arg, value(args, ++i, arg)));
                case "--jobs" -> jobs = number(value(args, ++i, arg));
                default -> stacks.add(stackDirectory(arg));
            }
        }
        int defaultJobs = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), stacks.size()));
        return new ReviewOptions(mode, stacks, out, new Guard(acknowledgements, blockDisruptive), jobs == null ? defaultJobs : jobs);
    }

    /** {@code text} parsed, its error naming the option or variable it came from. */
    private static Acknowledgement acknowledgement(String source, String text) {
        try {
            return Acknowledgement.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--jobs must be a number, got '" + text + "'", e);
        }
    }

    private static Path stackDirectory(String arg) {
        if (arg.startsWith("${")) {
            // Maven leaves an undefined property as it is.
            throw new IllegalArgumentException("no arguments: pass them with -Dreview.args=\"--offline --all cdktf.out\"");
        }
        if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + arg);
        }
        Path dir = Path.of(arg);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("stack directory " + arg + " does not exist: synthesize first"
                    + " (mvn compile exec:exec), then name cdktf.out/stacks/<stack>");
        }
        return dir;
    }

    /** Every stack of a synthesized app, in the manifest's order (the order the stacks were declared). */
    private static List<Path> fromManifest(Path outdir) {
        Path manifest = outdir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(outdir + " has no manifest.json: --all needs a cdktf.out directory;"
                    + " synthesize first (mvn compile exec:exec)");
        }
        List<Path> stacks = new ArrayList<>();
        try {
            for (JsonNode stack : new ObjectMapper().readTree(manifest.toFile()).path("stacks")) {
                stacks.add(stackDirectory(outdir.resolve(stack.path("workingDirectory").asText()).toString()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        return stacks;
    }
}

package com.storefront.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run of the review command did: its exit code, what it printed, and the reviews it wrote.
 *
 * @param out the {@code --out} directory the run was given
 */
record CommandOutcome(int exitCode, String stdout, String stderr, Path out) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@link PlanReview#run} in this JVM with {@code args} and {@code --out out}. */
    static CommandOutcome run(Path out, Map<String, String> environment, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--out", out.toString()));
        int exitCode = PlanReview.run(arguments, environment, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new CommandOutcome(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), out);
    }

    /**
     * What the command would do with plans already made: {@link PlanReview#review(Mode, List, Guard)}, then
     * {@link PlanReview#write} into {@code out} and the command's console output. No Terraform runs.
     */
    static CommandOutcome reviewOf(Path out, Guard guard, PlannedStack... plans) {
        ReviewRun run = PlanReview.review(Mode.OFFLINE, List.of(plans), guard);
        PlanReview.write(run, out);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PlanReview.report(run, out, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new CommandOutcome(run.verdict().exitCode(), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), out);
    }

    /** A file the run wrote into {@link #out()}. */
    String file(String name) {
        try {
            return Files.readString(out.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json(String name) {
        try {
            return JSON.readTree(out.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}

package com.storefront.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CDKTF CLI the README tells users to run ({@value #PACKAGE}, through {@code npx}), on stacks already
 * synthesized into an output directory ({@code --skip-synth}).
 */
public final class CdktfCli {

    /** The CLI release matching the {@code cdktf} library. */
    public static final String PACKAGE = "cdktf-cli@0.19.2";

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    /** A line of Terraform working on a resource, as opposed to {@code init}, which cdktf runs for every stack at once. */
    private static final Pattern RESOURCE_WORK = Pattern.compile(": (Reading|Refreshing state|Creating|Modifying|Destroying)\\.\\.\\.");

    private CdktfCli() {
    }

    /**
     * Runs {@code cdktf <command> <stacks> --skip-synth --auto-approve -o <outdir>} from the project directory
     * (whose {@code cdktf.json} it reads), with Terraform configured by {@code terraformCliConfig} when present.
     */
    public static Run run(Path outdir, Optional<Path> terraformCliConfig, String command, String... stacks) {
        List<String> args = new ArrayList<>(List.of("npx", "--yes", PACKAGE, command));
        args.addAll(List.of(stacks));
        args.addAll(List.of("--skip-synth", "--auto-approve", "--no-color", "-o", outdir.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        terraformCliConfig.ifPresent(file -> builder.environment().put("TF_CLI_CONFIG_FILE", file.toAbsolutePath().toString()));
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String plain = ANSI.matcher(line).replaceAll("");
                    output.append(plain).append('\n');
                    Instant now = Instant.now();
                    for (String stack : stacks) {
                        if (plain.startsWith(stack + " ")) {
                            if (spans.containsKey(stack)) {
                                spans.get(stack)[1] = now;
                            } else if (RESOURCE_WORK.matcher(plain).find()) {
                                spans.put(stack, new Instant[] {now, now});
                            }
                        }
                    }
                }
            }
            Map<String, Span> stackSpans = new LinkedHashMap<>();
            spans.forEach((stack, span) -> stackSpans.put(stack, new Span(span[0], span[1])));
            return new Run(process.waitFor(), output.toString(), stackSpans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One run of the CLI.
     *
     * @param exitCode its exit code
     * @param output everything it printed, without terminal escapes
     * @param stacks per stack, from its first line of work on a resource to its last line of output
     */
    public record Run(int exitCode, String output, Map<String, Span> stacks) {

        /** When {@code stack} printed, failing if it printed nothing. */
        public Span span(String stack) {
            Span span = stacks.get(stack);
            if (span == null) {
                throw new AssertionError("cdktf printed nothing for " + stack + ":\n" + output);
            }
            return span;
        }
    }

    /** From a stack's first line of work on a resource to its last line. */
    public record Span(Instant start, Instant end) {

        public Duration duration() {
            return Duration.between(start, end);
        }
    }
}

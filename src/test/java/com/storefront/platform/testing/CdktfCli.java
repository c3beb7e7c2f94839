package com.storefront.platform.testing;

import com.storefront.platform.terraform.Terraform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDKTF CLI the README tells users to run ({@value #PACKAGE}, through {@code npx}), on stacks already
 * synthesized into an output directory ({@code --skip-synth}).
 */
public final class CdktfCli {

    /** The CLI release matching the {@code cdktf} library. */
    public static final String PACKAGE = "cdktf-cli@0.19.2";

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    /** A resource operation starting, e.g. {@code aws_db_instance.x: Creating...}. */
    private static final Pattern OPERATION_START = Pattern.compile("^\\S*\\s+(\\S+)(?: \\([^)]*\\))?: (Creating|Modifying|Destroying)\\.\\.\\.");

    /** A resource operation done, e.g. {@code aws_db_instance.x: Creation complete after 2m40s}. */
    private static final Pattern OPERATION_END = Pattern.compile("^\\S*\\s+(\\S+)(?: \\([^)]*\\))?: (Creation|Modifications|Destruction) complete after");

    /** A line of Terraform working on a resource, as opposed to {@code init}, which cdktf runs for every stack at once. */
    private static final Pattern RESOURCE_WORK = Pattern.compile(": (Reading|Refreshing state|Creating|Modifying|Destroying)\\.\\.\\.");

    private CdktfCli() {
    }

    /**
     * Runs {@code cdktf <command> <stacks> --skip-synth --auto-approve -o <outdir>} from the project directory
     * (whose {@code cdktf.json} it reads), with the Terraform it runs set up as {@code terraform} runs it.
     */
    public static Run run(Path outdir, Terraform terraform, String command, String... stacks) {
        List<String> args = new ArrayList<>(List.of("npx", "--yes", PACKAGE, command));
        args.addAll(List.of(stacks));
        args.addAll(List.of("--skip-synth", "--auto-approve", "--no-color", "-o", outdir.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        terraform.configure(builder.environment());
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        Map<String, Instant> started = new LinkedHashMap<>();
        List<Instant[]> operations = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String plain = ANSI.matcher(line).replaceAll("");
                    output.append(plain).append('\n');
                    Instant now = Instant.now();
                    Matcher start = OPERATION_START.matcher(plain);
                    Matcher end = OPERATION_END.matcher(plain);
                    if (start.find()) {
                        started.putIfAbsent(start.group(1), now);
                    } else if (end.find() && started.containsKey(end.group(1))) {
                        operations.add(new Instant[] {started.remove(end.group(1)), now});
                    }
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
            return new Run(process.waitFor(), output.toString(), stackSpans, union(operations));
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
     * @param resourceOperations how long at least one resource was being created, modified or destroyed: against an
     *     emulator that answers at once, the AWS provider's own waits
     */
    public record Run(int exitCode, String output, Map<String, Span> stacks, Duration resourceOperations) {

        /** When {@code stack} printed, failing if it printed nothing. */
        public Span span(String stack) {
            Span span = stacks.get(stack);
            if (span == null) {
                throw new AssertionError("cdktf printed nothing for " + stack + ":\n" + output);
            }
            return span;
        }
    }

    /** The length of the union of {@code intervals}. */
    private static Duration union(List<Instant[]> intervals) {
        List<Instant[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(i -> i[0]));
        Duration total = Duration.ZERO;
        Instant coveredUntil = Instant.MIN;
        for (Instant[] interval : sorted) {
            Instant from = interval[0].isAfter(coveredUntil) ? interval[0] : coveredUntil;
            if (interval[1].isAfter(from)) {
                total = total.plus(Duration.between(from, interval[1]));
                coveredUntil = interval[1];
            }
        }
        return total;
    }

    /** From a stack's first line of work on a resource to its last line. */
    public record Span(Instant start, Instant end) {

        public Duration duration() {
            return Duration.between(start, end);
        }
    }
}

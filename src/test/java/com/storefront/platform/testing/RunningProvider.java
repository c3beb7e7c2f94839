package com.storefront.platform.testing;

import com.storefront.platform.terraform.Terraform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS provider a stack or module directory was initialized with, started once in debug mode and reached by the
 * Terraform commands given {@link #variables()} ({@code TF_REATTACH_PROVIDERS}) instead of each starting its own.
 *
 * <p>For {@code terraform test} with {@code mock_provider}: the mock answers every call but the schema, which comes
 * from the real provider, and Terraform otherwise starts the provider (which builds the schema of every AWS resource,
 * about a CPU-second) for each run block. Give it to one command at a time, on configurations that configure the
 * provider once at most: a process holds one configuration.
 */
public final class RunningProvider implements AutoCloseable {

    private static final Pattern REATTACH = Pattern.compile("TF_REATTACH_PROVIDERS='(.+)'");

    private final Process process;
    private final String reattach;

    private RunningProvider(Process process, String reattach) {
        this.process = process;
        this.reattach = reattach;
    }

    /** Starts the AWS provider that {@code terraform init} installed in {@code initializedDir}. */
    public static RunningProvider of(Path initializedDir) {
        Path binary;
        try (Stream<Path> files = Files.walk(initializedDir.resolve(".terraform").resolve("providers"), FileVisitOption.FOLLOW_LINKS)) {
            binary = files.filter(file -> file.getFileName().toString().startsWith("terraform-provider-aws")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no AWS provider installed in " + initializedDir + "; run terraform init first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-debug").redirectError(ProcessBuilder.Redirect.DISCARD);
        // Configured a second time in one process, the provider refuses a custom CA bundle ("unable to add custom
        // RootCAs HTTPClient"); nothing it serves here calls AWS.
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().putIfAbsent("GOGC", Terraform.GO_GC_PERCENT);
        // In debug mode the provider logs every call, which Terraform would otherwise filter.
        for (String logLevel : List.of("TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK")) {
            builder.environment().putIfAbsent(logLevel, "off");
        }
        try {
            Process process = builder.start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                printed.append(line).append('\n');
                Matcher matcher = REATTACH.matcher(line);
                if (matcher.find()) {
                    // Whatever it prints later is read and dropped, so that it never blocks on a full pipe.
                    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "aws-provider-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new RunningProvider(process, matcher.group(1));
                }
            }
            process.destroy();
            throw new IllegalStateException(binary + " -debug stopped without saying where to attach:\n" + printed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " -debug", e);
        }
    }

    /** The variables that point Terraform at this process. */
    public Map<String, String> variables() {
        return Map.of("TF_REATTACH_PROVIDERS", reattach);
    }

    @Override
    public void close() {
        process.destroy();
    }
}

package com.storefront.platform.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the Terraform CLI on synthesized stacks, with a CLI configuration that installs providers from
 * a local filesystem mirror when the machine has one, and from the registry otherwise.
 *
 * <p>The mirror is {@value #MIRROR_VARIABLE} when set, else {@value #DEFAULT_MIRROR} when it holds the
 * AWS provider. With no mirror, Terraform's own configuration is left alone.
 */
public final class Terraform {

    /** Overrides where the provider mirror is. */
    public static final String MIRROR_VARIABLE = "STOREFRONT_TF_PROVIDER_MIRROR";

    /** Where this project's machines keep the AWS provider. */
    public static final String DEFAULT_MIRROR = "/opt/tf-plugins";

    /** How the names of Terraform's own environment variables begin. */
    public static final String VARIABLE_PREFIX = "TF_";

    /** The {@code GOGC} Terraform runs with when the environment sets none: see {@link #configure}. */
    public static final String GO_GC_PERCENT = "400";

    private final Optional<Path> cliConfig;
    private final Map<String, String> variables;

    private Terraform(Optional<Path> cliConfig, Map<String, String> variables) {
        this.cliConfig = cliConfig;
        this.variables = Map.copyOf(variables);
    }

    /**
     * A runner whose CLI configuration (if a mirror exists) is written into {@code workDir}.
     *
     * @throws IllegalStateException when no {@code terraform} is on the PATH
     */
    public static Terraform inWorkDir(Path workDir) {
        if (!isInstalled()) {
            throw new IllegalStateException("terraform is not on the PATH; install Terraform >= 1.11 to validate and plan stacks");
        }
        return new Terraform(mirror().map(mirror -> writeCliConfig(workDir, mirror)), Map.of());
    }

    /**
     * This runner, giving every Terraform it sets up Terraform's own variables ({@value #VARIABLE_PREFIX}*) of
     * {@code environment} as well, over what this runner sets; other variables are left out.
     */
    public Terraform withVariablesOf(Map<String, String> environment) {
        Map<String, String> merged = new TreeMap<>(variables);
        environment.forEach((name, value) -> {
            if (name.startsWith(VARIABLE_PREFIX)) {
                merged.put(name, value);
            }
        });
        return new Terraform(cliConfig, merged);
    }

    /** The CLI configuration this runner gives Terraform, when the machine has a provider mirror. */
    public Optional<Path> cliConfig() {
        return cliConfig;
    }

    /** Whether a {@code terraform} executable is on the PATH. */
    public static boolean isInstalled() {
        return onPath("terraform");
    }

    /** Whether an executable named {@code program} is on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The provider mirror to use, if any. */
    public static Optional<Path> mirror() {
        String configured = System.getenv(MIRROR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path fallback = Path.of(DEFAULT_MIRROR);
        return Files.isDirectory(fallback.resolve("registry.terraform.io/hashicorp/aws")) ? Optional.of(fallback) : Optional.empty();
    }

    private static Path writeCliConfig(Path workDir, Path mirror) {
        String config = """
                # Written by the storefront build: providers come from the local mirror, nothing from the network.
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/*"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/hashicorp/*"]
                  }
                }
                """.formatted(mirror.toAbsolutePath());
        try {
            Files.createDirectories(workDir);
            Path file = workDir.resolve("terraform-cli.tfrc");
            // Runners sharing a work directory write the file while others' Terraform reads it: a rewrite in place is
            // empty for a moment, and a Terraform reading it then goes to the registry. A rename never is.
            Path written = Files.writeString(Files.createTempFile(workDir, "terraform-cli", ".tfrc"), config);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets up the environment of a process that runs Terraform (this runner's, or a tool's that runs it, such as the
     * CDKTF CLI): this runner's CLI configuration, no version check, {@value #GO_GC_PERCENT} for Go's collector
     * unless the caller's environment sets {@code GOGC}, and the variables given to {@link #withVariablesOf}.
     *
     * <p>Terraform and the AWS provider are Go programs that allocate heavily while they load schemas (the provider
     * knows every AWS resource): at Go's default ({@code GOGC=100}) garbage collection is a good part of the CPU of a
     * {@code validate} or {@code plan}. At 400 the heap may grow to five times what is live before a collection,
     * measured on this project's largest stack (an offline plan of database-prod) as 4.3 to 4.6 CPU-s and 500 MB at the
     * default against 3.5 to 3.7 CPU-s and 550 MB.
     */
    public void configure(Map<String, String> environment) {
        cliConfig.ifPresent(file -> environment.put("TF_CLI_CONFIG_FILE", file.toAbsolutePath().toString()));
        environment.put("CHECKPOINT_DISABLE", "1");
        environment.putIfAbsent("GOGC", GO_GC_PERCENT);
        environment.putAll(variables);
    }

    /**
     * Runs {@code terraform <args>} in {@code dir} and waits for it.
     *
     * @return the exit code and everything it printed
     */
    public Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("terraform");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        configure(builder.environment());
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("TF_INPUT", "0");
        try {
            Path stdout = Files.createTempFile("terraform-out", ".txt");
            Path stderr = Files.createTempFile("terraform-err", ".txt");
            try {
                Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                int exitCode = process.waitFor();
                return new Result(String.join(" ", command), exitCode,
                        Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * What one Terraform command did.
     *
     * @param command the command line
     * @param exitCode its exit code
     * @param stdout what it printed
     * @param stderr what it printed as errors
     */
    public record Result(String command, int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result, or an exception carrying everything Terraform said. */
        public Result orThrow(Path dir) {
            if (!succeeded()) {
                throw new IllegalStateException("`" + command + "` failed in " + dir + " with exit code " + exitCode
                        + "\n" + stdout + "\n" + stderr);
            }
            return this;
        }
    }
}

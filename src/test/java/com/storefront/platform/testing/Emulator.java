package com.storefront.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A moto_server of its own on a free loopback port, reporting {@code accountId} as its account, started through
 * {@code src/test/emulator/storefront_moto.py}: the one place where moto's defects are worked around.
 *
 * <p>Without moto installed the emulator tests are skipped with a loud message, except under {@code CI=true},
 * where they fail.
 */
public final class Emulator implements AutoCloseable {

    /** The launcher that patches moto, then runs its server. */
    public static final Path LAUNCHER = Path.of("src", "test", "emulator", "storefront_moto.py");

    /** Lists what the emulator holds, one resource per line. */
    public static final Path INVENTORY = Path.of("src", "test", "emulator", "inventory.py");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final String region;
    private final Path log;
    private final Thread stopAtExit;

    private Emulator(Process process, URI endpoint, String region, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.region = region;
        this.log = log;
        this.stopAtExit = new Thread(process::destroyForcibly);
    }

    /**
     * Starts the emulator, logging to {@code log}, and waits until it answers.
     *
     * @param accountId the account the emulator reports, so that the provider's {@code allowed_account_ids} pass
     * @param region the region the inventory lists
     */
    public static Emulator start(String accountId, String region, Path log) {
        requireMoto();
        for (int attempt = 1; ; attempt++) {
            Emulator emulator = launch(accountId, region, log, freePort());
            try {
                emulator.awaitReady();
                return emulator;
            } catch (IllegalStateException e) {
                emulator.close();
                // The port was free when probed, but another process (the other environment's emulator, a provider
                // plugin) took it before moto bound it: try another.
                if (attempt == 3 || !emulator.tail().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static Emulator launch(String accountId, String region, Path log, int port) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("python3", LAUNCHER.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("MOTO_ACCOUNT_ID", accountId);
            Emulator emulator = new Emulator(builder.start(), URI.create("http://127.0.0.1:" + port), region, log);
            // A test run that ends without closing it (interrupted, timed out) leaves no server behind.
            Runtime.getRuntime().addShutdownHook(emulator.stopAtExit);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Every resource the emulator holds that the stacks could have made, sorted ({@code src/test/emulator/inventory.py}). */
    public List<String> inventory() {
        return inventory(region);
    }

    /** The same, in {@code otherRegion} (e.g. a disaster-recovery region). */
    public List<String> inventory(String otherRegion) {
        try {
            Process inventory = new ProcessBuilder("python3", INVENTORY.toString(), endpoint.toString(), otherRegion)
                    .redirectErrorStream(true).start();
            String output = new String(inventory.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (inventory.waitFor() != 0) {
                throw new IllegalStateException("the emulator inventory failed:\n" + output);
            }
            return output.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting: the hook stops the server.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited at start; see " + log + ":\n" + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the emulator did not answer within " + START_TIMEOUT + "; see " + log + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void requireMoto() {
        boolean installed;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            installed = probe.waitFor() == 0;
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!installed) {
            TerraformRequired.skipOrFail("moto is not installed for python3: the emulator lifecycle NOT RUN."
                    + " Install moto[server] 5.2.1 (pip install 'moto[server]==5.2.1') to run it.");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

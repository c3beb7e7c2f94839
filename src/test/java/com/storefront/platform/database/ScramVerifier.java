package com.storefront.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the bastion sends: the verifier {@link DatabaseRoles#SCRAM_VERIFIER_COMMAND} prints for a password. */
final class ScramVerifier {

    private ScramVerifier() {
    }

    /** @throws IllegalStateException with the command's error output when it fails */
    static String of(String password) {
        try {
            Process command = new ProcessBuilder("bash", "-c", DatabaseRoles.SCRAM_VERIFIER_COMMAND).start();
            try (OutputStream in = command.getOutputStream()) {
                in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(command.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (command.waitFor() != 0) {
                throw new IllegalStateException("the verifier command failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewOptionsTest {

    @TempDir
    Path temporary;

    @Test
    void takesAcknowledgementsFromTheEnvironmentAndFromTheCommandLine() throws IOException {
        Path stack = Files.createDirectories(temporary.resolve("database-prod"));
        Map<String, String> environment = Map.of(Acknowledgement.ENVIRONMENT_VARIABLE, "aws_db_instance.primary, database-prod:aws_s3_bucket.backups");

        ReviewOptions options = ReviewOptions.parse(List.of("--offline", "--allow-replace", "database-prod:aws_kms_key.database",
                stack.toString()), environment);

        assertEquals(List.of("aws_db_instance.primary", "database-prod:aws_s3_bucket.backups", "database-prod:aws_kms_key.database"),
                options.guard().acknowledgements().stream().map(Acknowledgement::toString).toList(), options::toString);
    }

    @Test
    void warnsAboutDisruptiveChangesUnlessToldToBlockThem() throws IOException {
        Path stack = Files.createDirectories(temporary.resolve("database-prod"));

        ReviewOptions byDefault = ReviewOptions.parse(List.of(stack.toString()), Map.of());
        ReviewOptions blocking = ReviewOptions.parse(List.of("--block-disruptive", stack.toString()), Map.of());

        assertFalse(byDefault.guard().blockDisruptive(), byDefault::toString);
        assertTrue(blocking.guard().blockDisruptive(), blocking::toString);
    }

    @Test
    void refreshesAsTheModeDoesUnlessToldToPlanFromStateAlone() throws IOException {
        String stack = Files.createDirectories(temporary.resolve("database-prod")).toString();

        ReviewOptions emulator = ReviewOptions.parse(List.of("--emulator", stack), Map.of());
        ReviewOptions fromState = ReviewOptions.parse(List.of("--emulator", "--no-refresh", stack), Map.of());
        ReviewOptions real = ReviewOptions.parse(List.of(stack), Map.of());
        ReviewOptions offline = ReviewOptions.parse(List.of("--offline", stack), Map.of());
        ReviewOptions offlineToo = ReviewOptions.parse(List.of("--offline", "--no-refresh", stack), Map.of());

        assertTrue(emulator.refresh(), emulator::toString);
        assertFalse(fromState.refresh(), fromState::toString);
        assertTrue(real.refresh(), real::toString);
        assertFalse(offline.refresh(), offline::toString);
        assertFalse(offlineToo.refresh(), offlineToo::toString);
    }

    @Test
    void refusesTwoStackDirectoriesWithTheSameNameWhoseReviewsWouldOverwriteEachOther() throws IOException {
        Path first = Files.createDirectories(temporary.resolve("a/database-prod"));
        Path second = Files.createDirectories(temporary.resolve("b/database-prod"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReviewOptions.parse(List.of(first.toString(), second.toString()), Map.of()));

        assertTrue(error.getMessage().startsWith("two stack directories are both named 'database-prod'"), error.getMessage());
    }
}

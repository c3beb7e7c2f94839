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
    void refusesTwoStackDirectoriesWithTheSameNameWhoseReviewsWouldOverwriteEachOther() throws IOException {
        Path first = Files.createDirectories(temporary.resolve("a/database-prod"));
        Path second = Files.createDirectories(temporary.resolve("b/database-prod"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReviewOptions.parse(List.of(first.toString(), second.toString()), Map.of()));

        assertTrue(error.getMessage().startsWith("two stack directories are both named 'database-prod'"), error.getMessage());
    }

    @Test
    void namesTheVariableOrOptionABadAcknowledgementCameFrom() throws IOException {
        Path stack = Files.createDirectories(temporary.resolve("database-prod"));

        IllegalArgumentException fromVariable = assertThrows(IllegalArgumentException.class, () -> ReviewOptions.parse(List.of(stack.toString()),
                Map.of(Acknowledgement.ENVIRONMENT_VARIABLE, "aws_db_instance.primary,database-prod:")));
        IllegalArgumentException fromOption = assertThrows(IllegalArgumentException.class,
                () -> ReviewOptions.parse(List.of("--allow-replace", "database-prod:", stack.toString()), Map.of()));

        assertTrue(fromVariable.getMessage().startsWith("STOREFRONT_ALLOW_REPLACE: an acknowledgement needs a resource address"),
                fromVariable.getMessage());
        assertTrue(fromOption.getMessage().startsWith("--allow-replace: an acknowledgement needs a resource address"), fromOption.getMessage());
    }
}

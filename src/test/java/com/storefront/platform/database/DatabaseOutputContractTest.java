package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.SynthesizedStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The database stack's outputs and their readers agree on one contract, {@link DatabaseOutput}. */
class DatabaseOutputContractTest {

    private static final Set<String> CONTRACT = Arrays.stream(DatabaseOutput.values()).map(DatabaseOutput::outputName)
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void modulesDatabaseAccessReadsOnlyOutputsTheContractHas() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("modules", "database-access"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                Matcher reference = Pattern.compile("local\\.database\\.([a-z_]+)").matcher(Files.readString(file));
                while (reference.find()) {
                    read.add(reference.group(1));
                }
            }
        }

        assertTrue(read.containsAll(Set.of("writer_endpoint", "reader_endpoints", "port", "database_name",
                "application_connect_policy_arn", "replica_connect_policy_arn")), read::toString);
        assertTrue(CONTRACT.containsAll(read), () -> "the module reads outputs the database stack does not publish: " + read + " vs " + CONTRACT);
    }

    @Test
    void theReadmesTableOfOutputsNamesEveryOutputOfTheContract() throws IOException {
        String row = Files.readAllLines(Path.of("README.md")).stream().filter(line -> line.startsWith("| `database-<env>` |"))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no row for database-<env> in its table of outputs"));

        Set<String> missing = CONTRACT.stream().filter(name -> !row.contains("`" + name + "`")).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), missing, "outputs the README's table leaves out: " + row);
    }

    @Test
    void theProdDatabaseStackPublishesEveryOutputOfTheContract() {
        StackJson prod = SynthesizedStacks.forAws().stack("database-prod");
        Set<String> published = new TreeSet<>();
        prod.root().path("output").fieldNames().forEachRemaining(published::add);

        prod.check(published.equals(CONTRACT), "prod has replicas, a bastion and a proxy, so it publishes every output of the contract "
                + CONTRACT + " and no other, but it publishes " + published);
    }
}

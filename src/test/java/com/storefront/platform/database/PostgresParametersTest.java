package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.InstanceClass;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresParametersTest {

    @Test
    void computesExactlyTheParametersTheConfigKeepsExtrasFrom() {
        PostgresParameters parameters = new PostgresParameters(InstanceClass.of("t", "db.r6g.large"));

        Set<String> computed = parameters.all(500).stream().map(PostgresParameters.Parameter::name).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(DatabaseConfig.COMPUTED_PARAMETERS, computed);
    }

    static Stream<String> everyAllowedClass() {
        return InstanceClass.MEMORY_GIB.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("everyAllowedClass")
    void keepsPostgresMemoryWellWithinTheInstance(String className) {
        InstanceClass instanceClass = InstanceClass.of("test", className);

        PostgresParameters parameters = new PostgresParameters(instanceClass);

        assertTrue(parameters.worstCaseBytes() <= instanceClass.memoryBytes() * 8 / 10,
                className + ": shared_buffers + max_connections x work_mem + maintenance_work_mem + autovacuum workers x autovacuum_work_mem = "
                        + parameters.worstCaseBytes() + " bytes exceeds 80% of " + instanceClass.memoryBytes());
        assertTrue(parameters.effectiveCacheSizePages() * 8192 < instanceClass.memoryBytes(), className + ": effective_cache_size");
    }

    @Test
    void expressesMemoryInPostgresUnits() {
        PostgresParameters sixteenGib = new PostgresParameters(InstanceClass.of("test", "db.r6g.large"));

        Map<String, String> values = sixteenGib.all(500).stream()
                .collect(Collectors.toMap(PostgresParameters.Parameter::name, PostgresParameters.Parameter::value));

        assertEquals("524288", values.get("shared_buffers"), "4 GiB in 8 kB pages");
        assertEquals("1572864", values.get("effective_cache_size"), "12 GiB in 8 kB pages");
        assertEquals("1802", values.get("max_connections"), "RDS's formula: memory / 9531392");
        assertEquals("4096", values.get("work_mem"), "4 MiB in kB");
        assertEquals("524288", values.get("maintenance_work_mem"), "512 MiB in kB");
        assertEquals("262144", values.get("autovacuum_work_mem"), "256 MiB in kB");
    }

    @Test
    void marksStartupParametersForReboot() {
        Map<String, Boolean> reboot = new PostgresParameters(InstanceClass.of("test", "db.m6g.large")).all(500).stream()
                .collect(Collectors.toMap(PostgresParameters.Parameter::name, PostgresParameters.Parameter::needsReboot));

        assertTrue(reboot.get("shared_buffers") && reboot.get("max_connections") && reboot.get("shared_preload_libraries"));
        assertTrue(!reboot.get("work_mem") && !reboot.get("log_min_duration_statement"));
    }
}

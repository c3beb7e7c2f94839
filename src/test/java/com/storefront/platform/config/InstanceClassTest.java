package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceClassTest {

    @ParameterizedTest
    @CsvSource({
        "db.t4g.micro, 1",
        "db.t3.2xlarge, 32",
        "db.m5.24xlarge, 384",
        "db.m6g.16xlarge, 256",
        "db.m6i.32xlarge, 512",
        "db.m7i.large, 8",
        "db.m8g.48xlarge, 768",
        "db.m8gd.xlarge, 16",
        "db.r5.12xlarge, 384",
        "db.r6g.16xlarge, 512",
        "db.r6i.32xlarge, 1024",
        "db.r7i.24xlarge, 768",
        "db.r8g.48xlarge, 1536",
        "db.r8gd.2xlarge, 64",
        "db.m5d.large, 8",
        "db.m6gd.16xlarge, 256",
        "db.m6id.32xlarge, 512",
        "db.r5d.24xlarge, 768",
        "db.r6gd.xlarge, 32",
        "db.r6id.large, 16"})
    void knowsTheMemoryOfCurrentPostgresClasses(String name, int memoryGib) {
        InstanceClass instanceClass = InstanceClass.of("database.instanceClass", name);

        assertEquals(memoryGib, instanceClass.memoryGib());
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.r6g.24xlarge", "db.m8g.32xlarge", "db.t2.micro", "db.c6gd.large", "db.z1d.large", "r6g.large"})
    void rejectsClassesRdsDoesNotOfferForPostgresInstances(String name) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> InstanceClass.of("database.instanceClass", name));

        assertTrue(error.getMessage().startsWith("database.instanceClass must be an RDS for PostgreSQL m, r or t class whose memory"
                + " this project knows, such as db.r6g.large (families m5, m5d, m6g, m6gd, m6i, m6id, m7g, m7i, m8g, m8gd, r5, r5d,"
                + " r6g, r6gd, r6i, r6id, r7g, r7i, r8g, r8gd, t3, t4g; add others to InstanceClass.MEMORY_GIB)"), error.getMessage());
        assertTrue(error.getMessage().endsWith("got '" + name + "'"), error.getMessage());
    }
}

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
        "db.r8gd.2xlarge, 64"})
    void knowsTheMemoryOfCurrentPostgresClasses(String name, int memoryGib) {
        InstanceClass instanceClass = InstanceClass.of("database.instanceClass", name);

        assertEquals(memoryGib, instanceClass.memoryGib());
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.r6g.24xlarge", "db.m8g.32xlarge", "db.t2.micro", "db.c6gd.large", "db.z1d.large", "r6g.large"})
    void rejectsClassesRdsDoesNotOfferForPostgresInstances(String name) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> InstanceClass.of("database.instanceClass", name));

        assertTrue(error.getMessage().startsWith("database.instanceClass must be one of the supported instance classes"), error.getMessage());
        assertTrue(error.getMessage().contains("add others to InstanceClass.MEMORY_GIB"), error.getMessage());
        assertTrue(error.getMessage().endsWith("got '" + name + "'"), error.getMessage());
    }
}

package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void knowsTheZoneLettersOfExactlyTheRegionsAnEnvironmentMayUse() {
        assertEquals(Regions.ENVIRONMENT, Regions.ZONE_LETTERS.keySet());
    }
}

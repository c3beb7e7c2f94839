package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

    @Test
    void parsesACanonicalBlock() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("f", "10.20.0.0/16");

        assertEquals("10.20.0.0/16", cidr.toString());
        assertEquals(16, cidr.prefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0", "10.20.0/16", "300.1.0.0/16", "10.20.0.0/33", "ten/8", ""})
    void rejectsTextThatIsNotACidrBlock(String text) {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> Ipv4Cidr.parse("network.vpcCidr", text));

        assertTrue(error.getMessage().startsWith("network.vpcCidr must"), error.getMessage());
        assertTrue(error.getMessage().contains("got '" + text + "'"), error.getMessage());
    }

    @Test
    void rejectsHostBitsAndSuggestsTheNetworkAddress() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> Ipv4Cidr.parse("network.vpcCidr", "10.20.1.0/16"));

        assertTrue(error.getMessage().contains("did you mean 10.20.0.0/16?"), error.getMessage());
    }

    @Test
    void carvesSubnetsAsTerraformCidrsubnetDoes() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("f", "10.30.0.0/16");

        assertEquals("10.30.0.0/20", vpc.subnet(20, 0).toString());
        assertEquals("10.30.160.0/20", vpc.subnet(20, 10).toString());
        assertEquals("10.30.240.0/20", vpc.subnet(20, 15).toString());
    }

    @Test
    void knowsContainmentAndOverlap() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("f", "10.30.0.0/16");
        Ipv4Cidr inside = Ipv4Cidr.parse("f", "10.30.16.0/20");
        Ipv4Cidr outside = Ipv4Cidr.parse("f", "10.31.0.0/20");

        assertTrue(vpc.contains(inside));
        assertFalse(vpc.contains(outside));
        assertTrue(inside.overlaps(vpc));
        assertFalse(inside.overlaps(outside));
    }
}

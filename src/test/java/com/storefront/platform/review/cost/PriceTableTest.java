package com.storefront.platform.review.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void bundledTableCountsSevenHundredThirtyHoursAMonthAndNamesWhenItWasRead() {
        PriceTable table = PriceTable.bundled();

        assertEquals(730, table.hoursPerMonth());
        assertEquals("USD", table.currency());
        assertTrue(table.pricesRead().matches("\\d{4}-\\d{2}-\\d{2}"), table.pricesRead());
    }

    @Test
    void everyBundledSourceHasAnHttpsUrlAndSaysWhatWasRead() {
        PriceTable table = PriceTable.bundled();

        table.sources().forEach((id, source) -> {
            assertTrue(source.url().startsWith("https://"), id + ": " + source.url());
            assertTrue(!source.says().isBlank(), id);
        });
    }

    @Test
    void findsARegionsOwnPriceBeforeOneForEveryRegion() {
        PriceTable table = new PriceTable("USD", 730, "2026-12-02", Map.of("s", new PriceTable.Source("https://example.com", "x")),
                List.of(new Price(PriceItem.KMS_KEY, "*", "", BigDecimal.ONE, "s", ""),
                        new Price(PriceItem.KMS_KEY, "eu-west-1", "", new BigDecimal("1.10"), "s", "")));

        assertEquals(new BigDecimal("1.10"), table.usd(PriceItem.KMS_KEY, "eu-west-1", ""));
        assertEquals(BigDecimal.ONE, table.usd(PriceItem.KMS_KEY, "us-east-1", ""));
    }

    @Test
    void hasNoPriceForARegionItsSourcesDoNotCover() {
        assertTrue(PriceTable.bundled().find(PriceItem.RDS_INSTANCE, "eu-west-1", "db.r6g.large/multi-az").isEmpty());
    }

    @Test
    void rejectsAPriceWhoseSourceIsNotListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PriceTable("USD", 730, "2026-12-02",
                Map.of(), List.of(new Price(PriceItem.KMS_KEY, "*", "", BigDecimal.ONE, "nowhere", ""))));

        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
    }

    @Test
    void rejectsAPriceListedTwice() {
        Map<String, PriceTable.Source> sources = Map.of("s", new PriceTable.Source("https://example.com", "x"));
        Price price = new Price(PriceItem.KMS_KEY, "*", "", BigDecimal.ONE, "s", "");

        assertThrows(IllegalArgumentException.class, () -> new PriceTable("USD", 730, "2026-12-02", sources, List.of(price, price)));
    }
}

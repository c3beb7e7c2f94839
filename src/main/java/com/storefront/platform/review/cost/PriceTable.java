package com.storefront.platform.review.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The on-demand prices the cost estimate multiplies by: {@value #RESOURCE} on the class path, read once. Every price
 * names the source it was read from; the file lists the sources (URL and what they say) and the date they were read.
 * A region, class or variant the file has no price for has no price here: the estimate reports it as unknown.
 *
 * @param currency the currency of every price, {@code USD}
 * @param hoursPerMonth the hours an hourly price is multiplied by for a month, 730 (8,760 hours a year / 12)
 * @param pricesRead the date the prices were read from their sources, e.g. {@code 2026-12-02}
 * @param sources the sources by id: their URL and what they say
 * @param prices every price
 */
public record PriceTable(String currency, int hoursPerMonth, String pricesRead, Map<String, Source> sources, List<Price> prices) {

    /** The class-path resource of the bundled price file. */
    public static final String RESOURCE = "pricing/aws-on-demand-prices.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PriceTable bundled;

    /** Where a price was read. */
    public record Source(String url, String says) {
    }

    public PriceTable {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pricesRead, "pricesRead");
        if (hoursPerMonth <= 0) {
            throw new IllegalArgumentException("hoursPerMonth must be positive, got " + hoursPerMonth);
        }
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        prices = List.copyOf(prices);
        Set<String> seen = new HashSet<>();
        for (Price price : prices) {
            if (!sources.containsKey(price.source())) {
                throw new IllegalArgumentException("price " + key(price) + " names source '" + price.source()
                        + "', which the table does not list; add it to sources");
            }
            if (!seen.add(key(price))) {
                throw new IllegalArgumentException("price " + key(price) + " is listed twice; keep one");
            }
        }
    }

    /** The bundled table, {@value #RESOURCE}. */
    public static synchronized PriceTable bundled() {
        if (bundled == null) {
            try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("no " + RESOURCE + " on the class path");
                }
                bundled = parse(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
        return bundled;
    }

    /**
     * A table from the JSON of a price file.
     *
     * @throws IllegalArgumentException when an entry names an unknown item or source, or is listed twice
     */
    public static PriceTable parse(JsonNode file) {
        Map<String, Source> sources = new LinkedHashMap<>();
        file.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(),
                new Source(e.getValue().path("url").asText(), e.getValue().path("says").asText())));
        List<Price> prices = new ArrayList<>();
        for (JsonNode entry : file.path("prices")) {
            String id = entry.path("item").asText();
            PriceItem item = PriceItem.ofId(id).orElseThrow(() -> new IllegalArgumentException(
                    "price file: unknown item '" + id + "'; use one of the PriceItem ids"));
            if (!entry.path("usd").isNumber()) {
                throw new IllegalArgumentException("price file: " + id + " in " + entry.path("region").asText() + " needs a numeric usd");
            }
            prices.add(new Price(item, entry.path("region").asText(), entry.path("variant").asText(""),
                    entry.path("usd").decimalValue(), entry.path("source").asText(), entry.path("note").asText("")));
        }
        return new PriceTable(file.path("currency").asText("USD"), file.path("hoursPerMonth").asInt(730),
                file.path("pricesRead").asText(), sources, prices);
    }

    /**
     * The price of {@code item} in {@code region} for {@code variant} (empty for none): the region's own price, else
     * one its source gives for every region; empty when the table has neither.
     */
    public Optional<Price> find(PriceItem item, String region, String variant) {
        Optional<Price> own = prices.stream()
                .filter(p -> p.item() == item && p.variant().equals(variant) && p.region().equals(region)).findFirst();
        return own.isPresent() ? own : prices.stream()
                .filter(p -> p.item() == item && p.variant().equals(variant) && p.region().equals(Price.EVERY_REGION)).findFirst();
    }

    /** The unit price of {@code item}, which must be in the table: for tests and docs that compute by hand. */
    public BigDecimal usd(PriceItem item, String region, String variant) {
        return find(item, region, variant).map(Price::usd).orElseThrow(() -> new IllegalArgumentException(
                "no price for " + item.id() + (variant.isEmpty() ? "" : " " + variant) + " in " + region));
    }

    private static String key(Price price) {
        return price.item().id() + (price.variant().isEmpty() ? "" : " " + price.variant()) + " in " + price.region();
    }
}

package com.storefront.platform.review.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One on-demand list price of the {@link PriceTable}.
 *
 * @param item what it prices
 * @param region the AWS region, e.g. {@code eu-west-1}, or {@code *} when its source gives one price for every region
 * @param variant the class, deployment or type it is for (e.g. {@code db.t4g.medium/multi-az}); empty when the item
 *     has none
 * @param usd the price in US dollars per {@link PriceItem#unit()}
 * @param source the id of the source it was read from, one of {@link PriceTable#sources()}
 * @param note what a reader should know about it (what is extra, how it was derived); empty when nothing
 */
public record Price(PriceItem item, String region, String variant, BigDecimal usd, String source, String note) {

    /** The region of a price whose source gives one price for every region. */
    public static final String EVERY_REGION = "*";

    public Price {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(usd, "usd");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("price of " + item.id() + " must not be negative, got " + usd);
        }
    }
}

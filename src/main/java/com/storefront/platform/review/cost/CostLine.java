package com.storefront.platform.review.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One charge of one resource, in the state before the plan or in the state it plans.
 *
 * @param address the resource address
 * @param type the resource type, e.g. {@code aws_db_instance}
 * @param group the group it is summed in
 * @param item what is charged
 * @param variant the price variant looked up (e.g. {@code db.r6g.large/multi-az}); empty when the item has none
 * @param description what the charge is, for a reviewer, e.g. {@code db.r6g.large Multi-AZ (primary and standby)}
 * @param region the region it is priced in; empty when the plan does not say
 * @param planned true for the state the plan makes (its {@code after}), false for the state before it
 * @param quantity units of {@link PriceItem#unit()} (for an hourly item, units running every hour); empty when the
 *     volume is not known from the plan (log ingestion, bucket contents, backup storage)
 * @param unitPrice the table's price per unit; empty when the table has none for this region and variant
 */
public record CostLine(String address, String type, CostGroup group, PriceItem item, String variant, String description,
        String region, boolean planned, Optional<BigDecimal> quantity, Optional<Price> unitPrice) {

    public CostLine {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** Why a line has no monthly amount, or that it has one. */
    public enum Status {
        PRICED("priced"),
        UNKNOWN_PRICE("unknown price"),
        UNKNOWN_VOLUME("unknown volume");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@link Status#UNKNOWN_PRICE} without a unit price, else {@link Status#UNKNOWN_VOLUME} without a quantity. */
    public Status status() {
        if (unitPrice.isEmpty()) {
            return Status.UNKNOWN_PRICE;
        }
        return quantity.isEmpty() ? Status.UNKNOWN_VOLUME : Status.PRICED;
    }

    /** Quantity times unit price, times the hours in a month for an hourly item; empty unless {@link Status#PRICED}. */
    public Optional<BigDecimal> monthlyUsd(int hoursPerMonth) {
        if (status() != Status.PRICED) {
            return Optional.empty();
        }
        BigDecimal amount = quantity.get().multiply(unitPrice.get().usd());
        return Optional.of(item.hourly() ? amount.multiply(BigDecimal.valueOf(hoursPerMonth)) : amount);
    }
}

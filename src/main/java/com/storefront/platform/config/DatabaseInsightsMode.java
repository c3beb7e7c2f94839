package com.storefront.platform.config;

/**
 * How much CloudWatch Database Insights collects about every instance (RDS {@code DatabaseInsightsMode}; the
 * Performance Insights console it replaces reached its end of life in 2026).
 */
public enum DatabaseInsightsMode {
    /** Load, wait events and top SQL for the Performance Insights retention; free at 7 days. */
    STANDARD,
    /**
     * Standard, plus execution plans, lock analysis and fleet views, kept 15 months: needs Performance Insights
     * retention of at least {@value ObservabilityConfig#ADVANCED_INSIGHTS_MIN_RETENTION_DAYS} days, and is billed
     * per vCPU-hour.
     */
    ADVANCED;

    /** The value the RDS API takes. */
    public String apiValue() {
        return name().toLowerCase();
    }
}

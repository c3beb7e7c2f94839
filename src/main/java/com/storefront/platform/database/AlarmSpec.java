package com.storefront.platform.database;

/**
 * One CloudWatch alarm on one instance or on the RDS Proxy, fully decided before any resource exists.
 *
 * @param name the alarm name
 * @param metric the {@code AWS/RDS} metric
 * @param statistic how datapoints are aggregated
 * @param comparison the CloudWatch comparison operator
 * @param threshold the value that breaches
 * @param treatMissingData what no data means for this metric
 * @param description what it means and what to do, shown in the notification
 * @param periodSeconds the period each datapoint covers
 * @param evaluationPeriods consecutive breaching periods before the alarm fires
 */
public record AlarmSpec(String name, String metric, String statistic, String comparison, double threshold,
        String treatMissingData, String description, int periodSeconds, int evaluationPeriods) {
}

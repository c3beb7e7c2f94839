package com.storefront.platform.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the database tells people: insights, metrics, logs and alarms. Defaults: {@link Environments#defaults}.
 *
 * @param performanceInsightsRetentionDays 7 (free), a multiple of 31 up to 713, or 731
 * @param monitoringIntervalSeconds enhanced monitoring granularity: 1, 5, 10, 15, 30 or 60
 * @param logRetentionDays retention of the exported PostgreSQL logs, a CloudWatch Logs period
 * @param slowQueryMillis statements slower than this are logged
 * @param alarms alarm thresholds
 * @param alarmEmails addresses subscribed to the environment's alarm topic; at least one where the environment is protected
 * @param databaseInsightsMode what CloudWatch Database Insights collects; advanced needs Performance Insights kept
 *     at least 465 days
 */
public record ObservabilityConfig(int performanceInsightsRetentionDays, int monitoringIntervalSeconds, int logRetentionDays,
        int slowQueryMillis, AlarmThresholds alarms, List<String> alarmEmails, DatabaseInsightsMode databaseInsightsMode) {

    /** Database Insights' advanced mode keeps 15 months of data, so Performance Insights must keep that much. */
    static final int ADVANCED_INSIGHTS_MIN_RETENTION_DAYS = 465;

    /**
     * CreateDBInstance's MonitoringInterval takes 0, 1, 5, 10, 15, 30 or 60; 0 turns Enhanced Monitoring off, and RDS
     * refuses it together with a MonitoringRoleArn, which every instance of this project has.
     */
    private static final Set<Integer> MONITORING_INTERVALS = Set.of(1, 5, 10, 15, 30, 60);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ObservabilityConfig {
        if (alarmEmails.stream().anyMatch(Objects::isNull)) {
            throw new InvalidConfigException("database.observability.alarmEmails", alarmEmails, "must be e-mail addresses like dba@example.com, not null");
        }
        alarmEmails = List.copyOf(alarmEmails);
        Required.of("database.observability.databaseInsightsMode", databaseInsightsMode);
        if (databaseInsightsMode == DatabaseInsightsMode.ADVANCED && performanceInsightsRetentionDays < ADVANCED_INSIGHTS_MIN_RETENTION_DAYS) {
            throw new InvalidConfigException("database.observability.databaseInsightsMode", "ADVANCED",
                    "needs performanceInsightsRetentionDays of at least " + ADVANCED_INSIGHTS_MIN_RETENTION_DAYS + " (got "
                            + performanceInsightsRetentionDays + "); keep insights 465 days or more (e.g. 496), or use STANDARD");
        }
        // CreateDBInstance's PerformanceInsightsRetentionPeriod: 7, 31 x months (1..23), or 731; anything else is an error.
        if (!(performanceInsightsRetentionDays == 7
                || (performanceInsightsRetentionDays % 31 == 0 && performanceInsightsRetentionDays >= 31 && performanceInsightsRetentionDays <= 713)
                || performanceInsightsRetentionDays == 731)) {
            throw new InvalidConfigException("database.observability.performanceInsightsRetentionDays", performanceInsightsRetentionDays,
                    "must be 7, a multiple of 31 up to 713, or 731");
        }
        if (!MONITORING_INTERVALS.contains(monitoringIntervalSeconds)) {
            throw new InvalidConfigException("database.observability.monitoringIntervalSeconds", monitoringIntervalSeconds,
                    "must be one of 1, 5, 10, 15, 30, 60 (0 would turn Enhanced Monitoring off, which RDS refuses for an instance with a"
                            + " monitoring role)");
        }
        LogRetention.requireValid("database.observability.logRetentionDays", logRetentionDays);
        if (slowQueryMillis < 1) {
            throw new InvalidConfigException("database.observability.slowQueryMillis", slowQueryMillis, "must be a positive number of milliseconds");
        }
        for (int i = 0; i < alarmEmails.size(); i++) {
            String email = alarmEmails.get(i);
            if (!EMAIL.matcher(email).matches()) {
                throw new InvalidConfigException("database.observability.alarmEmails", email, "must be e-mail addresses like dba@example.com");
            }
            // SNS keeps one subscription per topic and endpoint: two subscriptions of one address would manage the same
            // subscription, and removing either would silently unsubscribe the address.
            if (alarmEmails.subList(0, i).contains(email)) {
                throw new InvalidConfigException("database.observability.alarmEmails", email,
                        "must not repeat an address (SNS keeps one subscription per address, which both entries would manage); remove"
                                + " the duplicate");
            }
        }
    }

    public Builder toBuilder() {
        Builder builder = new Builder().databaseInsightsMode(databaseInsightsMode).performanceInsightsRetentionDays(performanceInsightsRetentionDays)
                .monitoringIntervalSeconds(monitoringIntervalSeconds).logRetentionDays(logRetentionDays)
                .slowQueryMillis(slowQueryMillis).alarmEmails(alarmEmails.toArray(String[]::new));
        builder.alarms = alarms.toBuilder();
        return builder;
    }

    /** Builds an {@link ObservabilityConfig}; all but the e-mails are required. */
    public static final class Builder {
        private Integer performanceInsightsRetentionDays;
        private Integer monitoringIntervalSeconds;
        private Integer logRetentionDays;
        private Integer slowQueryMillis;
        private AlarmThresholds.Builder alarms = new AlarmThresholds.Builder();
        private List<String> alarmEmails = List.of();
        private DatabaseInsightsMode databaseInsightsMode;

        Builder() {
        }

        public Builder performanceInsightsRetentionDays(int days) {
            performanceInsightsRetentionDays = days;
            return this;
        }

        public Builder monitoringIntervalSeconds(int seconds) {
            monitoringIntervalSeconds = seconds;
            return this;
        }

        public Builder logRetentionDays(int days) {
            logRetentionDays = days;
            return this;
        }

        public Builder slowQueryMillis(int millis) {
            slowQueryMillis = millis;
            return this;
        }

        public Builder alarms(UnaryOperator<AlarmThresholds.Builder> changes) {
            alarms = changes.apply(alarms);
            return this;
        }

        public Builder alarmEmails(String... emails) {
            alarmEmails = Required.each("database.observability.alarmEmails", "\"dba@example.com\"", emails);
            return this;
        }

        public Builder databaseInsightsMode(DatabaseInsightsMode mode) {
            databaseInsightsMode = mode;
            return this;
        }

        public ObservabilityConfig build() {
            String field = "database.observability.";
            return new ObservabilityConfig(Required.of(field + "performanceInsightsRetentionDays", performanceInsightsRetentionDays),
                    Required.of(field + "monitoringIntervalSeconds", monitoringIntervalSeconds),
                    Required.of(field + "logRetentionDays", logRetentionDays), Required.of(field + "slowQueryMillis", slowQueryMillis),
                    alarms.build(), alarmEmails, Required.of(field + "databaseInsightsMode", databaseInsightsMode));
        }
    }
}

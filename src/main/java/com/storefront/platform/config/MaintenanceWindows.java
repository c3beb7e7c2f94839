package com.storefront.platform.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RDS backup and maintenance windows (UTC) and finds overlaps, which RDS rejects at apply. The rules are
 * CreateDBInstance's: PreferredBackupWindow {@code hh24:mi-hh24:mi}, PreferredMaintenanceWindow
 * {@code ddd:hh24:mi-ddd:hh24:mi} with days {@code mon | tue | wed | thu | fri | sat | sun}, each at least 30 minutes,
 * the two not overlapping; and RDS's answer to a longer maintenance window, "Maintenance window must be less than 24
 * hours" (moto reproduces it, refusing only what is longer than 24 hours).
 */
final class MaintenanceWindows {

    private static final Pattern DAILY = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern WEEKLY = Pattern.compile(
            "(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):([0-5]\\d)-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):([0-5]\\d)");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final int MINIMUM_MINUTES = 30;
    private static final int MAXIMUM_WEEKLY_MINUTES = DAY;

    private MaintenanceWindows() {
    }

    /** The daily backup window as [start, end) minutes of the day; end may pass midnight. */
    static int[] daily(String field, String window) {
        Matcher m = window == null ? null : DAILY.matcher(window);
        if (m == null || !m.matches()) {
            throw new InvalidConfigException(field, window, "must be a UTC range hh24:mi-hh24:mi like 03:00-04:00");
        }
        int start = minutes(m.group(1), m.group(2));
        int end = minutes(m.group(3), m.group(4));
        return requireLength(field, window, start, end < start ? end + DAY : end);
    }

    /** The weekly maintenance window as [start, end) minutes of the week; end may pass Sunday midnight. */
    static int[] weekly(String field, String window) {
        Matcher m = window == null ? null : WEEKLY.matcher(window);
        if (m == null || !m.matches()) {
            throw new InvalidConfigException(field, window, "must be a UTC range ddd:hh24:mi-ddd:hh24:mi like sun:04:30-sun:05:30");
        }
        int start = DAYS.indexOf(m.group(1)) * DAY + minutes(m.group(2), m.group(3));
        int end = DAYS.indexOf(m.group(4)) * DAY + minutes(m.group(5), m.group(6));
        int[] minutes = requireLength(field, window, start, end < start ? end + WEEK : end);
        if (minutes[1] - minutes[0] > MAXIMUM_WEEKLY_MINUTES) {
            throw new InvalidConfigException(field, window, "must be at most 24 hours long (RDS refuses a longer maintenance window);"
                    + " end it within a day of its start");
        }
        return minutes;
    }

    /**
     * Whether the daily window, repeated every day, meets the weekly one, or one day's occurrence of another daily
     * window (which then meets it every day).
     */
    static boolean overlap(int[] daily, int[] weekly) {
        for (int day = -1; day <= 7; day++) {
            int start = daily[0] + day * DAY;
            int end = daily[1] + day * DAY;
            for (int shift : new int[] {-WEEK, 0, WEEK}) {
                if (start < weekly[1] + shift && weekly[0] + shift < end) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] requireLength(String field, String window, int start, int end) {
        if (end - start < MINIMUM_MINUTES) {
            throw new InvalidConfigException(field, window, "must be at least " + MINIMUM_MINUTES + " minutes long (RDS refuses a shorter window); move its end later");
        }
        return new int[] {start, end};
    }

    private static int minutes(String hours, String minutes) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
    }
}

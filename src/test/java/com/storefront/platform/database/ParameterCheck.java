package com.storefront.platform.database;

import com.storefront.platform.database.PostgresParameters.Parameter;
import com.storefront.platform.testing.RdsOnlyParameters;
import com.storefront.platform.testing.RdsOnlyParameters.RdsParameter;
import com.storefront.platform.testing.RealPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a real PostgreSQL server about every parameter a group sets: that the name exists ({@code pg_settings}), that
 * the server accepts the value and reads it as the same number in its own unit, that the number is within
 * {@code min_val..max_val} or among {@code enumvals}, that what it means in bytes or milliseconds (converted by the
 * server: {@code pg_size_bytes} of the unit, the unit as an {@code interval}) is what the tuning intends, and that the
 * apply method agrees with the parameter's {@code context}: a {@code postmaster} parameter is read only at start, RDS
 * calls it static and refuses {@code immediate}, so it must be {@code needsReboot}. RDS's own parameters ({@code rds.*})
 * are checked against {@link RdsOnlyParameters} instead.
 *
 * <p>Parameters of context {@code user} and {@code superuser} are read with {@code set_config} in a transaction rolled
 * back; every other context with {@code postgres -C}, as the server would read them at start.
 */
final class ParameterCheck {

    /** What a value must mean to the server, in bytes (memory units), milliseconds (time units) or as a plain count. */
    record Meaning(long amount, String why) {
    }

    private final RealPostgres server;
    private final String where;

    /**
     * @param environment named in every problem, with the server's version
     */
    ParameterCheck(RealPostgres server, String environment) {
        this.server = server;
        this.where = "environment '" + environment + "', PostgreSQL " + server.serverVersion();
    }

    /** Every problem found, each naming the environment, the server, the parameter and its value; empty when none. */
    List<String> problems(List<Parameter> parameters, Map<String, Meaning> meanings) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection connection = server.connect(RealPostgres.SUPERUSER, "postgres")) {
            for (Parameter parameter : parameters) {
                String problem = problem(connection, parameter, Optional.ofNullable(meanings.get(parameter.name())));
                if (problem != null) {
                    problems.add(where + ": " + parameter.name() + " = " + parameter.value() + " (" + applyMethod(parameter) + "): " + problem);
                }
            }
        }
        return problems;
    }

    private String problem(Connection connection, Parameter parameter, Optional<Meaning> meaning) throws SQLException {
        if (RdsOnlyParameters.isRdsOnly(parameter.name())) {
            return rdsProblem(parameter);
        }
        Setting setting = setting(connection, parameter.name());
        if (setting == null) {
            return "PostgreSQL has no such parameter (not in pg_settings, with pg_stat_statements preloaded)";
        }
        if (setting.context().equals("internal")) {
            return "context internal: nobody can set it";
        }
        if (setting.context().equals("postmaster") && !parameter.needsReboot()) {
            return "context postmaster: PostgreSQL reads it only at start, RDS calls it static and refuses immediate;"
                    + " needsReboot must be true (pending-reboot)";
        }
        String read;
        try {
            read = readByServer(connection, parameter, setting);
        } catch (IllegalArgumentException | SQLException refused) {
            return "the server refuses the value: " + refused.getMessage().strip();
        }
        switch (setting.vartype()) {
            case "integer", "real" -> {
                double number = Double.parseDouble(read);
                if (parameter.value().matches("-?\\d+(\\.\\d+)?") && Double.parseDouble(parameter.value()) != number) {
                    return "the server reads it as " + read + " " + unit(setting);
                }
                if (number < Double.parseDouble(setting.minVal()) || number > Double.parseDouble(setting.maxVal())) {
                    return "outside " + setting.minVal() + ".." + setting.maxVal() + " " + unit(setting);
                }
            }
            case "enum" -> {
                if (!Arrays.asList(setting.enumvals()).contains(read)) {
                    return "not one of " + Arrays.toString(setting.enumvals());
                }
            }
            case "bool" -> {
                if (!read.equals("on") && !read.equals("off")) {
                    return "not a boolean to the server, which reads " + read;
                }
            }
            default -> {
                // string: the server accepting it is the check (a library that does not load fails at preload).
            }
        }
        if (meaning.isPresent()) {
            return meaningProblem(connection, setting, read, meaning.get());
        }
        return null;
    }

    private String meaningProblem(Connection connection, Setting setting, String read, Meaning meaning) throws SQLException {
        long perUnit = setting.unit() == null ? 1 : amountPerUnit(connection, setting.unit());
        long amount = Long.parseLong(read) * perUnit;
        // A whole number of units: the tuning rounds down, by less than one unit.
        if (amount > meaning.amount() || amount <= meaning.amount() - perUnit) {
            return "means " + amount + " " + baseUnit(setting.unit()) + " to the server (" + read + " x " + perUnit
                    + " per unit " + unit(setting) + "), expected " + meaning.amount() + " (" + meaning.why() + ")";
        }
        return null;
    }

    private String rdsProblem(Parameter parameter) {
        Optional<RdsParameter> documented = RdsOnlyParameters.named(parameter.name());
        if (documented.isEmpty()) {
            return "an rds.* or pgaudit.* parameter RdsOnlyParameters does not document (the embedded server does not know it):"
                    + " add it from AWS's documentation, or fix the name";
        }
        RdsParameter rds = documented.get();
        if (!rds.allowedValues().containsAll(RdsOnlyParameters.values(rds, parameter.value()))) {
            return "RDS allows " + rds.allowedValues() + " (" + rds.dataType() + ", " + rds.source() + ")";
        }
        if (rds.staticParameter() && !parameter.needsReboot()) {
            return "static to RDS, which refuses immediate; needsReboot must be true (" + rds.source() + ")";
        }
        return null;
    }

    private String readByServer(Connection connection, Parameter parameter, Setting setting) throws SQLException {
        if (!setting.context().equals("user") && !setting.context().equals("superuser")) {
            return server.startupValue(parameter.name(), parameter.value());
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)");
             PreparedStatement get = connection.prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
            set.setString(1, parameter.name());
            set.setString(2, parameter.value());
            set.execute();
            get.setString(1, parameter.name());
            try (ResultSet result = get.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Bytes per unit for a memory unit ({@code 8kB}: 8192), milliseconds per unit for a time unit ({@code s}: 1000). */
    private static long amountPerUnit(Connection connection, String unit) throws SQLException {
        String sql = switch (unit) {
            case "B" -> "SELECT 1::bigint";
            case "ms", "s", "min", "h", "d" -> "SELECT (extract(epoch FROM ('1 ' || ?)::interval) * 1000)::bigint";
            default -> "SELECT pg_size_bytes(CASE WHEN ? ~ '^[0-9]' THEN ? ELSE '1' || ? END)";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
                statement.setString(i, unit);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String baseUnit(String unit) {
        if (unit == null) {
            return "";
        }
        return unit.matches("ms|s|min|h|d") ? "ms" : "bytes";
    }

    private static String unit(Setting setting) {
        return setting.unit() == null ? "(no unit)" : "(unit " + setting.unit() + ")";
    }

    private static String applyMethod(Parameter parameter) {
        return parameter.needsReboot() ? "pending-reboot" : "immediate";
    }

    private static Setting setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT vartype, unit, min_val, max_val, enumvals, context FROM pg_settings WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                Array enumvals = result.getArray("enumvals");
                return new Setting(result.getString("vartype"), result.getString("unit"), result.getString("min_val"),
                        result.getString("max_val"), enumvals == null ? new String[0] : (String[]) enumvals.getArray(),
                        result.getString("context"));
            }
        }
    }

    private record Setting(String vartype, String unit, String minVal, String maxVal, String[] enumvals, String context) {
    }
}

package com.storefront.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.config.AllowedMajorVersions;
import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.Environments;
import com.storefront.platform.config.InstanceClass;
import com.storefront.platform.database.ParameterCheck.Meaning;
import com.storefront.platform.database.PostgresParameters.Parameter;
import com.storefront.platform.testing.RealPostgres;
import com.storefront.platform.testing.TestStacks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter group, asked of a real PostgreSQL server of every major version the config allows
 * ({@link RealPostgres}, {@link ParameterCheck}); and proof that the check catches what it is there to catch.
 */
@Tag("postgres")
class PostgresParametersOnRealPostgresTest {

    private static final long MIB = 1024L * 1024;
    private static final long BYTES_PER_CONNECTION = 9_531_392L;

    static Stream<String> everyMajorVersion() {
        return AllowedMajorVersions.all().stream();
    }

    static Stream<Arguments> everyMajorVersionAndEnvironment() {
        return AllowedMajorVersions.all().stream()
                .flatMap(major -> Environments.all().stream().map(environment -> Arguments.of(major, environment.name())));
    }

    @ParameterizedTest(name = "PostgreSQL {0}, {1}")
    @MethodSource("everyMajorVersionAndEnvironment")
    void everyParameterMeansToTheServerWhatTheTuningIntends(String major, String environmentName) throws SQLException {
        DatabaseConfig database = TestStacks.environment(environmentName).database();

        List<String> problems = check(major, environmentName, parameters(database), database);

        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void checksTheExtraParametersOfAnEnvironment() throws SQLException {
        DatabaseConfig database = withDatabase("prod", d -> d
                .extraParameter("rds.logical_replication", "1")
                .extraParameter("idle_in_transaction_session_timeout", "60000")
                .extraParameter("max_wal_senders", "12"));

        List<String> problems = check(database.engineMajorVersion(), "prod", parameters(database), database);

        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("everyMajorVersion")
    void pgStatStatementsKeepsNoPasswordThatAlterRoleSets(String major) throws SQLException {
        RealPostgres server = RealPostgres.major(major);
        Map<String, String> group = new TreeMap<>();
        parameters(TestStacks.environment("prod").database()).stream().filter(p -> p.name().startsWith("pg_stat_statements."))
                .forEach(p -> group.put(p.name(), p.value()));
        Map<String, String> postgresDefault = new TreeMap<>(group);
        postgresDefault.put("pg_stat_statements.track_utility", "on");

        assertEquals(List.of(), statementsHolding(server, group, "group-Pa55word-" + major), "with the group's " + group);
        // The check sees the leak where there is one: PostgreSQL's own default keeps the statement as sent.
        assertEquals(1, statementsHolding(server, postgresDefault, "default-Pa55word-" + major).size(), "with " + postgresDefault);
    }

    @Test
    void catchesANameNoPostgresKnows() throws SQLException {
        List<String> problems = checkProd(new Parameter("shared_buffer", "524288", true));

        assertProblem(problems, "shared_buffer = 524288", "no such parameter");
    }

    @Test
    void catchesMemoryInTheWrongUnit() throws SQLException {
        long quarterInKb = prodClass().memoryBytes() / 4 / 1024;

        List<String> problems = checkProd(new Parameter("shared_buffers", Long.toString(quarterInKb), true));

        assertProblem(problems, "shared_buffers = " + quarterInKb, "means " + quarterInKb * 8192 + " bytes to the server");
    }

    @Test
    void catchesAStartupParameterAppliedImmediately() throws SQLException {
        List<String> problems = checkProd(new Parameter("max_connections", "1802", false));

        assertProblem(problems, "max_connections = 1802 (immediate)", "context postmaster");
    }

    @Test
    void catchesAValueOutsideTheServersRange() throws SQLException {
        List<String> problems = checkProd(new Parameter("max_connections", "300000", true));

        assertProblem(problems, "max_connections = 300000", "outside the valid range");
    }

    @Test
    void catchesAValueNotAmongTheEnumsValues() throws SQLException {
        List<String> problems = checkProd(new Parameter("log_statement", "dll", false));

        assertProblem(problems, "log_statement = dll", "the server refuses the value");
    }

    @Test
    void catchesAnRdsParameterNobodyDocumentedAndAValueRdsRefuses() throws SQLException {
        List<String> problems = checkProd(new Parameter("rds.force_sssl", "1", false), new Parameter("rds.force_ssl", "true", false),
                new Parameter("rds.logical_replication", "1", false));

        assertProblem(List.of(problems.get(0)), "rds.force_sssl = 1", "does not document");
        assertProblem(List.of(problems.get(1)), "rds.force_ssl = true", "RDS allows [0, 1]");
        assertProblem(List.of(problems.get(2)), "rds.logical_replication = 1 (immediate)", "static to RDS");
    }

    @Test
    void catchesAnElementOfAListRdsRefuses() throws SQLException {
        List<String> problems = checkProd(new Parameter("pgaudit.log", "ddl,rol", false), new Parameter("pgaudit.log", "ddl,role", false));

        assertEquals(1, problems.size(), String.join("\n", problems));
        assertProblem(problems, "pgaudit.log = ddl,rol", "RDS allows [all, ddl, function, misc, none, read, role, write]");
    }

    /** The statements {@code pg_stat_statements} keeps that hold {@code password}, after ALTER ROLE set it with {@code settings}. */
    private static List<String> statementsHolding(RealPostgres server, Map<String, String> settings, String password) throws SQLException {
        server.runScript(RealPostgres.SUPERUSER, "postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"
                + " DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'statements_probe') THEN CREATE ROLE statements_probe; END IF; END $$");
        try (Connection connection = server.connect(RealPostgres.SUPERUSER, "postgres"); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                statement.execute("SET " + setting.getKey() + " = '" + setting.getValue() + "'");
            }
            statement.execute("ALTER ROLE statements_probe PASSWORD '" + password + "'");
            try (PreparedStatement find = connection.prepareStatement("SELECT query FROM pg_stat_statements WHERE strpos(query, ?) > 0")) {
                find.setString(1, password);
                List<String> found = new ArrayList<>();
                try (ResultSet result = find.executeQuery()) {
                    while (result.next()) {
                        found.add(result.getString(1));
                    }
                }
                return found;
            }
        }
    }

    private static List<String> check(String major, String environmentName, List<Parameter> parameters, DatabaseConfig database)
            throws SQLException {
        return new ParameterCheck(RealPostgres.major(major), environmentName).problems(parameters, intended(database));
    }

    private static List<String> checkProd(Parameter... parameters) throws SQLException {
        DatabaseConfig database = TestStacks.environment("prod").database();
        return check(database.engineMajorVersion(), "prod", List.of(parameters), database);
    }

    private static void assertProblem(List<String> problems, String parameter, String reason) {
        assertEquals(1, problems.size(), String.join("\n", problems));
        String problem = problems.get(0);
        assertTrue(problem.startsWith("environment 'prod', PostgreSQL ") && problem.contains(parameter) && problem.contains(reason),
                "expected a problem naming prod, '" + parameter + "' and '" + reason + "', got: " + problem);
    }

    private static List<Parameter> parameters(DatabaseConfig database) {
        return PostgresParameters.of(database).with(database.observability().slowQueryMillis(), database.extraParameters());
    }

    /**
     * What each computed value must mean, from the tuning's budget (see {@link PostgresParameters}), in bytes or
     * milliseconds: worked out here from the instance's memory, not from the tuning's own arithmetic.
     */
    private static Map<String, Meaning> intended(DatabaseConfig database) {
        InstanceClass sized = PostgresParameters.of(database).sizedFor();
        long memory = sized.memoryBytes();
        long connections = Math.min(memory / BYTES_PER_CONNECTION, 5000);
        String of = sized.name() + "'s " + sized.memoryGib() + " GiB";
        return Map.of(
                "shared_buffers", new Meaning(memory / 4, "a quarter of " + of),
                "effective_cache_size", new Meaning(memory * 3 / 4, "three quarters of " + of),
                "maintenance_work_mem", new Meaning(Math.min(memory / 32, 2048 * MIB), "a thirty-second of " + of + ", at most 2 GiB"),
                "autovacuum_work_mem", new Meaning(Math.min(memory / 64, 1024 * MIB), "a sixty-fourth of " + of + ", at most 1 GiB"),
                "work_mem", new Meaning(Math.max(4 * MIB, memory / 4 / connections), "a quarter of " + of + " shared by "
                        + connections + " connections, at least 4 MiB"),
                "max_connections", new Meaning(connections, "RDS's LEAST(DBInstanceClassMemory/9531392, 5000) for " + of),
                "log_min_duration_statement", new Meaning(database.observability().slowQueryMillis(), "slowQueryMillis"));
    }

    private static InstanceClass prodClass() {
        return PostgresParameters.of(TestStacks.environment("prod").database()).sizedFor();
    }

    private static DatabaseConfig withDatabase(String name, UnaryOperator<DatabaseConfig.Builder> changes) {
        return changes.apply(TestStacks.environment(name).database().toBuilder()).build();
    }
}

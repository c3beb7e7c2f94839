package com.storefront.platform.database;

import com.storefront.platform.config.DatabaseConfig;
import com.storefront.platform.config.InstanceClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuned PostgreSQL parameters of one environment, with memory settings computed for an instance
 * class in the units PostgreSQL reads them in: {@code shared_buffers} and {@code effective_cache_size}
 * in 8 kB pages, {@code work_mem}, {@code maintenance_work_mem} and {@code autovacuum_work_mem} in kB.
 *
 * <p>The budget, in shares of the class's memory: shared buffers take a quarter (RDS's own default takes a quarter of
 * {@code DBInstanceClassMemory}, the class's memory less what the OS and RDS keep); each of {@code max_connections}
 * sessions may sort or hash in one {@code work_mem}; one maintenance operation takes a thirty-second, and each
 * autovacuum worker a sixty-fourth. All of them at once stay within 80% of memory (a test checks every class), which
 * leaves RDS's reserve and some page cache, which {@code effective_cache_size} tells the planner about.
 *
 * @param sizedFor the smallest instance class that uses the parameter group
 */
public record PostgresParameters(InstanceClass sizedFor) {

    private static final long PAGE_BYTES = 8192;
    private static final long KB = 1024;
    /** RDS's default divisor: {@code max_connections = LEAST(DBInstanceClassMemory/9531392, 5000)}. */
    private static final long BYTES_PER_CONNECTION = 9_531_392L;
    private static final int MAX_CONNECTIONS_CAP = 5000;
    private static final long MIN_WORK_MEM_KB = 4096;
    private static final long MAX_MAINTENANCE_WORK_MEM_KB = 2L * 1024 * 1024;
    /** Before PostgreSQL 17, VACUUM uses at most 1 GB for dead tuples whatever it is given. */
    private static final long MAX_AUTOVACUUM_WORK_MEM_KB = 1024L * 1024;
    /** RDS's default: {@code autovacuum_max_workers = GREATEST(DBInstanceClassMemory/64371566592, 3)}. */
    private static final long BYTES_PER_AUTOVACUUM_WORKER = 64_371_566_592L;
    private static final int MIN_AUTOVACUUM_WORKERS = 3;

    /** One parameter, and whether PostgreSQL reads it only at start-up. */
    public record Parameter(String name, String value, boolean needsReboot) {
    }

    /** The parameter group for {@code config}, sized for the smaller of the primary's and replicas' classes. */
    public static PostgresParameters of(DatabaseConfig config) {
        InstanceClass primary = config.instanceClass();
        InstanceClass replica = config.replicaInstanceClass();
        return new PostgresParameters(config.readReplicas() > 0 && replica.memoryGib() < primary.memoryGib() ? replica : primary);
    }

    public long sharedBuffersPages() {
        return sizedFor.memoryBytes() / 4 / PAGE_BYTES;
    }

    public long effectiveCacheSizePages() {
        return sizedFor.memoryBytes() * 3 / 4 / PAGE_BYTES;
    }

    public int maxConnections() {
        return (int) Math.min(sizedFor.memoryBytes() / BYTES_PER_CONNECTION, MAX_CONNECTIONS_CAP);
    }

    public long workMemKb() {
        return Math.max(MIN_WORK_MEM_KB, sizedFor.memoryBytes() / 4 / KB / maxConnections());
    }

    public long maintenanceWorkMemKb() {
        return Math.min(sizedFor.memoryBytes() / 32 / KB, MAX_MAINTENANCE_WORK_MEM_KB);
    }

    /**
     * Each autovacuum worker's memory. Set, because unset (-1) it is {@code maintenance_work_mem} for every worker on
     * PostgreSQL 14, which RDS leaves so.
     */
    public long autovacuumWorkMemKb() {
        return Math.min(sizedFor.memoryBytes() / 64 / KB, MAX_AUTOVACUUM_WORK_MEM_KB);
    }

    /** How many autovacuum workers RDS runs on the class by default (its formula, on the class's memory). */
    public int autovacuumWorkers() {
        return (int) Math.max(sizedFor.memoryBytes() / BYTES_PER_AUTOVACUUM_WORKER, MIN_AUTOVACUUM_WORKERS);
    }

    /**
     * The bytes PostgreSQL may use at once: shared buffers, every session's work_mem, one maintenance operation and
     * every autovacuum worker.
     */
    public long worstCaseBytes() {
        return sharedBuffersPages() * PAGE_BYTES + maxConnections() * workMemKb() * KB + maintenanceWorkMemKb() * KB
                + autovacuumWorkers() * autovacuumWorkMemKb() * KB;
    }

    /**
     * Every parameter the group sets: {@link #all} and {@code extra}, which apply at the next reboot (an extra may
     * be static, and RDS refuses {@code immediate} for those). The config refuses extras that collide with computed ones.
     */
    public List<Parameter> with(int slowQueryMillis, Map<String, String> extra) {
        List<Parameter> parameters = new ArrayList<>(all(slowQueryMillis));
        extra.forEach((name, value) -> parameters.add(new Parameter(name, value, true)));
        return parameters;
    }

    /** Every computed parameter, for a database logging statements slower than {@code slowQueryMillis}. */
    public List<Parameter> all(int slowQueryMillis) {
        return List.of(
                new Parameter("rds.force_ssl", "1", false),
                new Parameter("shared_preload_libraries", "pg_stat_statements,pgaudit", true),
                new Parameter("pg_stat_statements.track", "top", false),
                // Utility statements are kept with their text as sent: ALTER ROLE ... PASSWORD would leave the rotation
                // function's new master passwords there, readable by the master and pg_read_all_stats. Queries are still
                // tracked (their constants replaced); VACUUM, DDL and the like are not.
                new Parameter("pg_stat_statements.track_utility", "0", false),
                new Parameter("log_min_duration_statement", Integer.toString(slowQueryMillis), false),
                new Parameter("log_connections", "1", false),
                new Parameter("log_disconnections", "1", false),
                // Schema and role changes are audited by pgaudit, which redacts the passwords of CREATE and ALTER ROLE.
                // log_statement would write them in clear text to the exported log: every new master password the
                // rotation function sets, and the proxy role's password the roles script sets.
                new Parameter("log_statement", "none", false),
                new Parameter("pgaudit.log", "ddl,role", false),
                new Parameter("max_connections", Integer.toString(maxConnections()), true),
                new Parameter("shared_buffers", Long.toString(sharedBuffersPages()), true),
                new Parameter("effective_cache_size", Long.toString(effectiveCacheSizePages()), false),
                new Parameter("work_mem", Long.toString(workMemKb()), false),
                new Parameter("maintenance_work_mem", Long.toString(maintenanceWorkMemKb()), false),
                new Parameter("autovacuum_work_mem", Long.toString(autovacuumWorkMemKb()), false));
    }
}

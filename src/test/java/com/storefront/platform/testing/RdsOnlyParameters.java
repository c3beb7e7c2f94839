package com.storefront.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parameters RDS adds to PostgreSQL ({@code rds.*}), which no PostgreSQL server knows, and those of pgaudit
 * ({@code pgaudit.*}), an extension RDS ships that the embedded server binaries ({@link RealPostgres}) lack, written down
 * from AWS's documentation so that a parameter group can be checked against them as against {@code pg_settings}.
 *
 * <p>Refresh an entry with {@code aws rds describe-engine-default-parameters --db-parameter-group-family postgres16
 * --query "EngineDefaults.Parameters[?ParameterName=='rds.force_ssl']"} (fields {@code DataType}, {@code AllowedValues},
 * {@code ApplyType}); add one before a parameter group sets a new {@code rds.*} name, or the check refuses it.
 */
public final class RdsOnlyParameters {

    /**
     * One RDS parameter.
     *
     * @param name its name, {@code rds.} or {@code pgaudit.} and a word
     * @param dataType RDS's {@code DataType}: {@code boolean}, {@code integer}, {@code string} or {@code list} (values
     *     separated by commas)
     * @param allowedValues RDS's {@code AllowedValues}, every value it accepts (of a list, every element)
     * @param staticParameter whether RDS's {@code ApplyType} is {@code static}: RDS then refuses {@code immediate}, and the
     *     group must apply it {@code pending-reboot}
     * @param source the AWS page that says so
     */
    public record RdsParameter(String name, String dataType, SortedSet<String> allowedValues, boolean staticParameter, String source) {
    }

    private static final Map<String, RdsParameter> KNOWN = List.of(
            // Default 1 from RDS for PostgreSQL 15, 0 before; dynamic: takes effect without a reboot.
            new RdsParameter("rds.force_ssl", "boolean", new TreeSet<>(List.of("0", "1")), false,
                    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html"),
            // Sets wal_level = logical, which PostgreSQL reads only at start: static.
            new RdsParameter("rds.logical_replication", "boolean", new TreeSet<>(List.of("0", "1")), true,
                    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.FeatureSupport.LogicalReplication.html"),
            // The statement classes session audit logging writes; dynamic.
            new RdsParameter("pgaudit.log", "list", new TreeSet<>(List.of("all", "ddl", "function", "misc", "none", "read", "role", "write")), false,
                    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.pgaudit.reference.html"))
            .stream().collect(Collectors.toUnmodifiableMap(RdsParameter::name, Function.identity()));

    private RdsOnlyParameters() {
    }

    /** The documented parameter called {@code name}, if this list has it. */
    public static Optional<RdsParameter> named(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /** Whether {@code name} is RDS's own or pgaudit's rather than the embedded server's. */
    public static boolean isRdsOnly(String name) {
        return name.startsWith("rds.") || name.startsWith("pgaudit.");
    }

    /** The values {@code value} of {@code parameter} stands for: the elements of a list, else itself. */
    public static List<String> values(RdsParameter parameter, String value) {
        return parameter.dataType().equals("list") ? List.of(value.split(",", -1)) : List.of(value);
    }
}

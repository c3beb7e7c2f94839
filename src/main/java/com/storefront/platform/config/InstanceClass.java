package com.storefront.platform.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An RDS instance class this project knows the memory of, so that PostgreSQL memory settings and alarm
 * thresholds can be derived from it.
 *
 * @param name the RDS name, e.g. {@code db.r6g.large}
 * @param memoryGib the class's memory
 */
public record InstanceClass(String name, int memoryGib) {

    /**
     * Every class the config accepts, with its memory. The classes are the general-purpose (m), memory-optimised (r)
     * and burstable (t) families the RDS User Guide lists as supporting RDS for PostgreSQL ("Supported DB engines for
     * DB instance classes", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html),
     * in the sizes listed there; the memory is that of the EC2 instance type of the same name ("Hardware
     * specifications for DB instance classes"): 4 GiB per vCPU for m, 8 GiB per vCPU for r. To add a class, check it
     * with {@code aws rds describe-orderable-db-instance-options --engine postgres --engine-version <major>
     * --db-instance-class <class>} and its memory with {@code aws ec2 describe-instance-types --instance-types <class
     * without db.> --query "InstanceTypes[].MemoryInfo.SizeInMiB"}.
     */
    public static final Map<String, Integer> MEMORY_GIB = known();

    public InstanceClass {
        Integer memory = name == null ? null : MEMORY_GIB.get(name);
        if (memory == null || memory != memoryGib) {
            throw new IllegalArgumentException("unknown instance class " + name);
        }
    }

    /**
     * @throws InvalidConfigException for a class whose memory this project does not know
     */
    public static InstanceClass of(String field, String name) {
        Integer memory = name == null ? null : MEMORY_GIB.get(name);
        if (memory == null) {
            throw new InvalidConfigException(field, name, "must be an RDS for PostgreSQL m, r or t class whose memory this project"
                    + " knows, such as db.r6g.large (families " + families() + "; add others to InstanceClass.MEMORY_GIB)");
        }
        return new InstanceClass(name, memory);
    }

    /** The families known, e.g. {@code m5, m5d, ...}: the list of every class would run to hundreds of names. */
    private static String families() {
        return String.join(", ", MEMORY_GIB.keySet().stream().map(c -> c.split("\\.")[1]).distinct().toList());
    }

    /** Burstable classes run on CPU credits and get a credit-balance alarm; production never uses them. */
    public boolean burstable() {
        return name.startsWith("db.t");
    }

    public long memoryBytes() {
        return memoryGib * 1024L * 1024 * 1024;
    }

    private static Map<String, Integer> known() {
        Map<String, Integer> classes = new TreeMap<>();
        for (String family : new String[] {"t3", "t4g"}) {
            classes.put("db." + family + ".micro", 1);
            classes.put("db." + family + ".small", 2);
            classes.put("db." + family + ".medium", 4);
            classes.put("db." + family + ".large", 8);
            classes.put("db." + family + ".xlarge", 16);
            classes.put("db." + family + ".2xlarge", 32);
        }
        // Sizes per family as the User Guide lists them for PostgreSQL; Graviton families stop at 16xlarge
        // (Graviton2/3) or skip 32xlarge (Graviton4, 7th-generation Intel).
        String[] toSixteen = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"};
        String[] toTwentyFour = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};
        String[] toThirtyTwo = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"};
        String[] toFortyEight = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"};
        // The d families (local NVMe, which RDS for PostgreSQL uses for temporary objects: "Improving query
        // performance for RDS for PostgreSQL with Amazon RDS Optimized Reads") have the memory of their base family.
        putFamily(classes, "m5", 4, toTwentyFour);
        putFamily(classes, "m5d", 4, toTwentyFour);
        putFamily(classes, "m6gd", 4, toSixteen);
        putFamily(classes, "m6id", 4, toThirtyTwo);
        putFamily(classes, "r5d", 8, toTwentyFour);
        putFamily(classes, "r6gd", 8, toSixteen);
        putFamily(classes, "r6id", 8, toThirtyTwo);
        putFamily(classes, "m6g", 4, toSixteen);
        putFamily(classes, "m6i", 4, toThirtyTwo);
        putFamily(classes, "m7g", 4, toSixteen);
        putFamily(classes, "m7i", 4, toFortyEight);
        putFamily(classes, "m8g", 4, toFortyEight);
        putFamily(classes, "m8gd", 4, toFortyEight);
        putFamily(classes, "r5", 8, toTwentyFour);
        putFamily(classes, "r6g", 8, toSixteen);
        putFamily(classes, "r6i", 8, toThirtyTwo);
        putFamily(classes, "r7g", 8, toSixteen);
        putFamily(classes, "r7i", 8, toFortyEight);
        putFamily(classes, "r8g", 8, toFortyEight);
        putFamily(classes, "r8gd", 8, toFortyEight);
        return Collections.unmodifiableMap(classes);
    }

    private static void putFamily(Map<String, Integer> classes, String family, int gibPerVcpu, String[] sizes) {
        for (String size : sizes) {
            classes.put("db." + family + "." + size, gibPerVcpu * vcpus(size));
        }
    }

    /** The vCPUs of an m or r size: 2 for large, 4 for xlarge, then 4 per "x" multiple (2xlarge = 8). */
    private static int vcpus(String size) {
        return size.equals("large") ? 2 : 4 * (size.equals("xlarge") ? 1 : Integer.parseInt(size.substring(0, size.indexOf('x'))));
    }
}

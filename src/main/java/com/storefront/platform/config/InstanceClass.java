package com.storefront.platform.config;

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

    /** Every class the config accepts: burstable t, general-purpose m and memory-optimised r families. */
    public static final Map<String, Integer> MEMORY_GIB = known();

    public InstanceClass {
        Integer memory = MEMORY_GIB.get(name);
        if (memory == null || memory != memoryGib) {
            throw new IllegalArgumentException("unknown instance class " + name);
        }
    }

    /**
     * @throws InvalidConfigException for a class whose memory this project does not know
     */
    public static InstanceClass of(String field, String name) {
        Integer memory = MEMORY_GIB.get(name);
        if (memory == null) {
            throw new InvalidConfigException(field, name, "must be one of the supported instance classes " + MEMORY_GIB.keySet());
        }
        return new InstanceClass(name, memory);
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
        for (String family : new String[] {"m5", "m6g", "m6i", "m7g"}) {
            putSizes(classes, family, 8);
        }
        for (String family : new String[] {"r5", "r6g", "r6i", "r7g"}) {
            putSizes(classes, family, 16);
        }
        return Map.copyOf(classes);
    }

    private static void putSizes(Map<String, Integer> classes, String family, int largeGib) {
        classes.put("db." + family + ".large", largeGib);
        classes.put("db." + family + ".xlarge", largeGib * 2);
        classes.put("db." + family + ".2xlarge", largeGib * 4);
        classes.put("db." + family + ".4xlarge", largeGib * 8);
        classes.put("db." + family + ".8xlarge", largeGib * 16);
    }
}

package com.storefront.platform.review.cost;

import com.storefront.platform.config.InstanceClass;
import java.util.Optional;

/**
 * The vCPUs of an RDS instance class, for prices per vCPU (RDS Proxy, Performance Insights, Database Insights),
 * derived from the memory {@link InstanceClass#MEMORY_GIB} knows: m classes have 4 GiB per vCPU and r classes 8 GiB
 * (the RDS "Hardware specifications for DB instance classes" table); t classes have 2 vCPUs up to large, 4 at
 * xlarge and 8 at 2xlarge.
 */
final class Vcpus {

    private Vcpus() {
    }

    /** The vCPUs of {@code instanceClass}; empty for a class {@link InstanceClass} does not know. */
    static Optional<Integer> of(String instanceClass) {
        Integer memory = instanceClass == null ? null : InstanceClass.MEMORY_GIB.get(instanceClass);
        if (memory == null) {
            return Optional.empty();
        }
        String family = instanceClass.split("\\.")[1];
        if (family.startsWith("t")) {
            String size = instanceClass.substring(instanceClass.lastIndexOf('.') + 1);
            return Optional.of(switch (size) {
                case "xlarge" -> 4;
                case "2xlarge" -> 8;
                default -> 2;
            });
        }
        return Optional.of(memory / (family.startsWith("r") ? 8 : 4));
    }
}

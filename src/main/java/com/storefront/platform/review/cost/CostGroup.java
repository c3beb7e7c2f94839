package com.storefront.platform.review.cost;

/** The resource groups a cost estimate sums by, in the order the reviews show them. */
public enum CostGroup {
    DATABASE_INSTANCES("database instances"),
    STORAGE("storage"),
    NETWORKING("networking"),
    ENCRYPTION_AND_SECRETS("encryption and secrets"),
    MONITORING("monitoring and logs"),
    BACKUPS("backups"),
    COMPUTE("compute (bastion)"),
    OTHER("other");

    private final String label;

    CostGroup(String label) {
        this.label = label;
    }

    /** The group as a reviewer reads it, e.g. {@code database instances}. */
    public String label() {
        return label;
    }
}

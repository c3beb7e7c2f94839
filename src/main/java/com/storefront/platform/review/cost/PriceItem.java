package com.storefront.platform.review.cost;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a price in the {@link PriceTable} is for, and its unit. The ids are the {@code item} names of the price file.
 * An hourly item's price is per unit per hour and is multiplied by the table's hours per month; every other item's
 * price is per unit per month, or per unit of volume.
 */
public enum PriceItem {

    /** RDS for PostgreSQL instance hours; variant {@code <class>/single-az} or {@code <class>/multi-az}. */
    RDS_INSTANCE("rds.instance", "instance-hour", true),
    /** Provisioned RDS storage; variant {@code <storage type>/single-az|multi-az}. */
    RDS_STORAGE("rds.storage", "GB-month", false),
    /** Provisioned IOPS (for gp3: above the baseline included with the storage); variant as {@link #RDS_STORAGE}. */
    RDS_IOPS("rds.iops", "IOPS-month", false),
    /** Provisioned throughput above gp3's baseline; variant as {@link #RDS_STORAGE}. */
    RDS_THROUGHPUT("rds.throughput", "MiBps-month", false),
    /** Backup storage beyond the free allowance (100% of the region's provisioned storage). */
    RDS_BACKUP_STORAGE("rds.backup-storage", "GB-month", false),
    /** Performance Insights' paid retention (more than 7 days), per vCPU of every instance (a standby counts). */
    RDS_PERFORMANCE_INSIGHTS("rds.performance-insights", "vCPU-month", false),
    /** CloudWatch Database Insights' advanced mode, per vCPU-hour of every instance (a standby counts). */
    RDS_DATABASE_INSIGHTS_ADVANCED("rds.database-insights.advanced", "vCPU-hour", true),
    /** RDS Proxy, per vCPU-hour of the target instance, at least 2 vCPUs. */
    RDS_PROXY("rds.proxy", "vCPU-hour", true),
    /** NAT gateway hours; data processed is extra. */
    NAT_GATEWAY("vpc.nat-gateway", "gateway-hour", true),
    /** Interface VPC endpoint hours, per endpoint per Availability Zone; data processed is extra. */
    INTERFACE_ENDPOINT("vpc.interface-endpoint", "AZ-hour", true),
    /** A public IPv4 address (an Elastic IP). */
    PUBLIC_IPV4("vpc.public-ipv4", "address-hour", true),
    /** A KMS customer managed key, in any region. */
    KMS_KEY("kms.key", "key-month", false),
    /** A Secrets Manager secret. */
    SECRET("secretsmanager.secret", "secret-month", false),
    /** A standard-resolution CloudWatch metric alarm. */
    ALARM_STANDARD("cloudwatch.alarm.standard", "alarm-month", false),
    /** A high-resolution (period under 60 s) CloudWatch metric alarm. */
    ALARM_HIGH_RESOLUTION("cloudwatch.alarm.high-resolution", "alarm-month", false),
    /** A CloudWatch dashboard. */
    DASHBOARD("cloudwatch.dashboard", "dashboard-month", false),
    /** CloudWatch Logs ingestion. */
    LOG_INGESTION("cloudwatch.logs.ingestion", "GB", false),
    /** EC2 instance hours, Linux; variant the instance type, e.g. {@code t3.micro}. */
    EC2_INSTANCE("ec2.instance", "instance-hour", true),
    /** EBS volume storage; variant the volume type, e.g. {@code gp3}. */
    EBS_STORAGE("ec2.ebs-storage", "GB-month", false),
    /** S3 Standard storage. */
    S3_STORAGE("s3.standard-storage", "GB-month", false),
    /** AWS Backup warm storage; variant the resource type, e.g. {@code rds}. */
    BACKUP_WARM_STORAGE("backup.warm-storage", "GB-month", false),
    /** A resource type this estimate does not price; never in the price file. */
    NOT_PRICED("not-priced", "resource", false);

    private final String id;
    private final String unit;
    private final boolean hourly;

    PriceItem(String id, String unit, boolean hourly) {
        this.id = id;
        this.unit = unit;
        this.hourly = hourly;
    }

    /** The item's name in the price file, e.g. {@code rds.instance}. */
    public String id() {
        return id;
    }

    /** What one unit of the price is, e.g. {@code GB-month}. */
    public String unit() {
        return unit;
    }

    /** Whether the price is per hour, and so multiplied by the hours in a month. */
    public boolean hourly() {
        return hourly;
    }

    static Optional<PriceItem> ofId(String id) {
        return Arrays.stream(values()).filter(item -> item != NOT_PRICED && item.id.equals(id)).findFirst();
    }
}

package com.storefront.platform.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.cloudwatch_dashboard.CloudwatchDashboard;
import com.hashicorp.cdktf.providers.aws.cloudwatch_dashboard.CloudwatchDashboardConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRule;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRuleConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTarget;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTargetConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTargetInputTransformer;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.db_event_subscription.DbEventSubscription;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.db_event_subscription.DbEventSubscriptionConfig;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopicConfig;
import com.hashicorp.cdktf.providers.aws.sns_topic_policy.SnsTopicPolicy;
import com.hashicorp.cdktf.providers.aws.sns_topic_policy.SnsTopicPolicyConfig;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscriptionConfig;

import com.storefront.platform.aws.EncryptionKey;
import com.storefront.platform.aws.PolicyStatement;
import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.deployment.StateMoves;
import com.hashicorp.cdktf.TerraformStack;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.constructs.Construct;

/**
 * Tells people when the database needs them: an encrypted SNS topic with the configured e-mail
 * subscriptions, alarms on every instance sized from its class ({@link InstanceAlarms}), RDS event
 * subscriptions for the instances and the parameter group, and a dashboard with every instance on
 * every widget whose metric it reports (replica lag: the replicas alone, and no such widget without replicas).
 * Other constructs report through it what only they know about: {@link #alarm} for metrics of their own and
 * {@link #subscribe} for RDS events of their own (the proxy's), {@link #alertOn} for EventBridge events (AWS Backup's
 * failed jobs).
 */
public final class DatabaseMonitoring extends Construct {

    /**
     * RDS event categories that need a person: the instance is down, failing over, full, changed (its automated backups
     * turned off, its master password reset, its class or storage changed) or deleted, a replica stopped or lags, a
     * backup failed, or a security patch is pending. Security Hub's RDS.20 asks for maintenance, configuration change and
     * failure at least.
     */
    static final List<String> INSTANCE_EVENTS = List.of("availability", "backup", "configuration change", "deletion", "failover",
            "failure", "low storage", "maintenance", "notification", "read replica", "recovery", "security patching");

    /**
     * A dashboard widget: its title, the metrics it plots, and whether only read replicas report them (a primary
     * has no replica lag, so its line would stay empty).
     */
    record Widget(String title, List<String> metrics, boolean replicasOnly) {
    }

    /** The dashboard's widgets, in the order they are laid out. */
    static final List<Widget> WIDGETS = List.of(
            new Widget("CPU utilisation (%)", List.of("CPUUtilization"), false),
            new Widget("Connections", List.of("DatabaseConnections"), false),
            new Widget("Free storage (bytes)", List.of("FreeStorageSpace"), false),
            new Widget("Freeable memory (bytes)", List.of("FreeableMemory"), false),
            new Widget("Read / write IOPS", List.of("ReadIOPS", "WriteIOPS"), false),
            new Widget("Read / write latency (s)", List.of("ReadLatency", "WriteLatency"), false),
            new Widget("Replica lag (s)", List.of("ReplicaLag"), true));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsTopic topic;
    private final String topicArn;
    private final String dashboardUrl;
    private final ResourceNames names;
    private final EncryptionKey key;
    private final DataAwsIamPolicyDocument topicPolicy;
    private final List<PolicyStatement> topicPublishers = new ArrayList<>();

    public DatabaseMonitoring(Construct scope, String id, DatabaseMonitoringProps props) {
        super(scope, id);
        names = props.names();
        key = props.key();

        // The alarm topic is encrypted: its publishers need the key to write to it.
        key.grantPublishers("AlarmPublishersUseKey", "cloudwatch.amazonaws.com", "events.rds.amazonaws.com");
        topic = new SnsTopic(this, "alarm-topic", SnsTopicConfig.builder()
                .name(names.name("database-alerts"))
                .kmsMasterKeyId(key.arn())
                .build());
        topicArn = topic.getArn();
        topicPublishers.add(PolicyStatement.allow("CloudWatchAndRdsEventsPublish")
                .service("cloudwatch.amazonaws.com", "events.rds.amazonaws.com")
                .actions("sns:Publish")
                .resources(topicArn)
                .condition("StringEquals", "aws:SourceAccount", props.accountId()));
        topicPolicy = PolicyStatement.document(this, "alarm-topic-publishers", topicPublishers);
        new SnsTopicPolicy(this, "alarm-topic-policy", SnsTopicPolicyConfig.builder()
                .arn(topicArn)
                .policy(topicPolicy.getJson())
                .build());
        // Named by address, not position: a new endpoint replaces a subscription, and a confirmed one removed or moved
        // would have to be confirmed again by its owner before it pages anyone.
        List<String> emails = props.observability().alarmEmails();
        for (int i = 0; i < emails.size(); i++) {
            SnsTopicSubscription subscription = new SnsTopicSubscription(this, "email-" + emails.get(i).toLowerCase(Locale.ROOT),
                    SnsTopicSubscriptionConfig.builder()
                            .topicArn(topicArn)
                            .protocol("email")
                            .endpoint(emails.get(i))
                            .build());
            // Deployed before, the subscription of the i-th address was "email-<i>": its state, and with it the owner's
            // confirmation, moves to the address's name.
            StateMoves.movedFrom("aws_sns_topic_subscription." + positionalId(i), subscription);
        }

        PostgresDatabase database = props.database();
        for (DatabaseInstance instance : database.instances()) {
            for (AlarmSpec alarm : InstanceAlarms.of(instance, database.config())) {
                // Made with the instance, not before it: a replica takes a while, and its lag alarm, missing data
                // counting as breaching, would page while it is being created.
                alarm(alarm, Map.of("DBInstanceIdentifier", instance.identifier()), instance.resource());
            }
        }

        subscribe("instance-events", "postgres-instance-events", "db-instance",
                database.instances().stream().map(DatabaseInstance::identifier).toList(), INSTANCE_EVENTS,
                database.instances().stream().map(i -> (ITerraformDependable) i.resource()).toList());
        subscribe("parameter-group-events", "postgres-parameter-events", "db-parameter-group", List.of(database.parameterGroupName()),
                List.of("configuration change"), List.of());

        CloudwatchDashboard dashboard = new CloudwatchDashboard(this, "dashboard", CloudwatchDashboardConfig.builder()
                .dashboardName(names.name("postgres"))
                .dashboardBody(dashboardBody(names.region(), database.instances()))
                .build());
        dashboardUrl = "https://" + names.region() + ".console.aws.amazon.com/cloudwatch/home?region=" + names.region()
                + "#dashboards:name=" + dashboard.getDashboardName();
    }

    private static String dashboardBody(String region, List<DatabaseInstance> instances) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        int position = 0;
        for (Widget spec : WIDGETS) {
            List<DatabaseInstance> plotted = instances.stream().filter(i -> i.replica() || !spec.replicasOnly()).toList();
            if (plotted.isEmpty()) {
                continue;
            }
            ObjectNode widget = widgets.addObject()
                    .put("type", "metric")
                    .put("x", (position % 2) * 12)
                    .put("y", (position / 2) * 6)
                    .put("width", 12)
                    .put("height", 6);
            ObjectNode properties = widget.putObject("properties")
                    .put("title", spec.title())
                    .put("region", region)
                    .put("view", "timeSeries")
                    .put("period", 60);
            ArrayNode metrics = properties.putArray("metrics");
            for (String metric : spec.metrics()) {
                for (DatabaseInstance instance : plotted) {
                    metrics.addArray().add("AWS/RDS").add(metric).add("DBInstanceIdentifier").add(instance.identifier());
                }
            }
            position++;
        }
        return body.toString();
    }

    /**
     * Pages on {@code alarm}, of the {@code AWS/RDS} metric with {@code dimensions}, through the alarm topic when it fires
     * and when it clears; made once {@code subject}, what it watches, exists.
     */
    public void alarm(AlarmSpec alarm, Map<String, String> dimensions, ITerraformDependable subject) {
        new CloudwatchMetricAlarm(this, alarm.name(), CloudwatchMetricAlarmConfig.builder()
                .alarmName(alarm.name())
                .alarmDescription(alarm.description())
                .namespace("AWS/RDS")
                .metricName(alarm.metric())
                .dimensions(dimensions)
                .statistic(alarm.statistic())
                .comparisonOperator(alarm.comparison())
                .threshold(alarm.threshold())
                .period(alarm.periodSeconds())
                .evaluationPeriods(alarm.evaluationPeriods())
                .treatMissingData(alarm.treatMissingData())
                .alarmActions(List.of(topicArn))
                .okActions(List.of(topicArn))
                .dependsOn(List.of(subject))
                .build());
    }

    /**
     * Sends RDS's events of {@code categories} about the sources {@code sourceIds} of {@code sourceType} (e.g.
     * {@code db-proxy}) to the alarm topic, through an RDS event subscription named {@code name} in this environment,
     * made once {@code sources} exist.
     */
    public void subscribe(String id, String name, String sourceType, List<String> sourceIds, List<String> categories,
            List<ITerraformDependable> sources) {
        DbEventSubscriptionConfig.Builder subscription = DbEventSubscriptionConfig.builder()
                .name(names.name(name))
                .snsTopic(topicArn)
                .sourceType(sourceType)
                .sourceIds(sourceIds)
                .eventCategories(categories);
        if (!sources.isEmpty()) {
            subscription.dependsOn(sources);
        }
        new DbEventSubscription(this, id, subscription.build());
    }

    /**
     * Sends the events {@code pattern} (an EventBridge event pattern) matches to the alarm topic, each as {@code template}
     * with {@code <name>} filled from the event at {@code fields}' JSON paths: an EventBridge rule {@code id} of this
     * environment, which the topic's policy, and the key, let publish.
     */
    public void alertOn(String id, String description, Map<String, Object> pattern, Map<String, String> fields, String template) {
        CloudwatchEventRule rule = new CloudwatchEventRule(this, id, CloudwatchEventRuleConfig.builder()
                .name(names.name(id))
                .description(description)
                .eventPattern(toJson(pattern))
                .build());
        new CloudwatchEventTarget(this, id + "-to-topic", CloudwatchEventTargetConfig.builder()
                .rule(rule.getName())
                .arn(topicArn)
                .inputTransformer(CloudwatchEventTargetInputTransformer.builder()
                        .inputPaths(fields)
                        .inputTemplate(toJson(template))
                        .build())
                .build());
        key.grantEventBridge("EventBridgeUsesKeyForAlerts");
        topicPublishers.add(PolicyStatement.allow("EventBridgePublishes" + topicPublishers.size())
                .service("events.amazonaws.com")
                .actions("sns:Publish")
                .resources(topicArn)
                .condition("ArnEquals", "aws:SourceArn", rule.getArn()));
        PolicyStatement.replaceStatements(topicPolicy, topicPublishers);
    }

    /** The logical id CDKTF gave the subscription of the {@code position}-th address when it was named by position. */
    private String positionalId(int position) {
        String path = getNode().getPath().substring(TerraformStack.of(this).getNode().getPath().length() + 1) + "/email-" + position;
        try {
            String hash = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(path.getBytes(StandardCharsets.UTF_8)));
            return path.replace('/', '_') + "_" + hash.substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SnsTopic topic() {
        return topic;
    }

    /** The dashboard's address in the CloudWatch console. */
    public String dashboardUrl() {
        return dashboardUrl;
    }
}

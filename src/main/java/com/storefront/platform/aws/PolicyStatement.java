package com.storefront.platform.aws;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One statement of an IAM policy document, written compactly and rendered by Terraform (through
 * {@code aws_iam_policy_document}, or {@code jsonencode}), never as a hand-built JSON string.
 */
public final class PolicyStatement {

    private record Principal(String type, List<String> identifiers) {
    }

    private record Condition(String test, String variable, List<String> values) {
    }

    private final String effect;
    private final String sid;
    private List<String> actions = List.of();
    private List<String> resources = List.of();
    private final List<Principal> principals = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();

    private PolicyStatement(String effect, String sid) {
        this.effect = effect;
        this.sid = sid;
    }

    public static PolicyStatement allow(String sid) {
        return new PolicyStatement("Allow", sid);
    }

    public static PolicyStatement deny(String sid) {
        return new PolicyStatement("Deny", sid);
    }

    String sid() {
        return sid;
    }

    public PolicyStatement actions(String... actions) {
        this.actions = List.of(actions);
        return this;
    }

    public PolicyStatement resources(String... resources) {
        this.resources = List.of(resources);
        return this;
    }

    /** An AWS service, e.g. {@code logs.eu-west-1.amazonaws.com}. */
    public PolicyStatement service(String... services) {
        return principal("Service", services);
    }

    /** Every principal the account's IAM policies allow: the account root. */
    public PolicyStatement account(String accountId) {
        return principal("AWS", "arn:aws:iam::" + accountId + ":root");
    }

    /** Anyone: only for deny statements that every caller must meet. */
    public PolicyStatement anyone() {
        return principal("*", "*");
    }

    public PolicyStatement condition(String test, String variable, String... values) {
        conditions.add(new Condition(test, variable, List.of(values)));
        return this;
    }

    private PolicyStatement principal(String type, String... identifiers) {
        principals.add(new Principal(type, List.of(identifiers)));
        return this;
    }

    private DataAwsIamPolicyDocumentStatement toDataSource() {
        DataAwsIamPolicyDocumentStatement.Builder statement = DataAwsIamPolicyDocumentStatement.builder()
                .sid(sid).effect(effect).actions(actions);
        if (!resources.isEmpty()) {
            statement.resources(resources);
        }
        if (!principals.isEmpty()) {
            statement.principals(principals.stream().map(p -> DataAwsIamPolicyDocumentStatementPrincipals.builder()
                    .type(p.type()).identifiers(p.identifiers()).build()).toList());
        }
        if (!conditions.isEmpty()) {
            statement.condition(conditions.stream().map(c -> DataAwsIamPolicyDocumentStatementCondition.builder()
                    .test(c.test()).variable(c.variable()).values(c.values()).build()).toList());
        }
        return statement.build();
    }

    private Map<String, Object> toJsonObject() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        statement.put("Action", actions);
        if (!resources.isEmpty()) {
            statement.put("Resource", resources);
        }
        if (!principals.isEmpty()) {
            Map<String, Object> byType = new LinkedHashMap<>();
            principals.forEach(p -> byType.put(p.type(), p.identifiers()));
            statement.put("Principal", principals.size() == 1 && principals.get(0).type().equals("*") ? "*" : byType);
        }
        if (!conditions.isEmpty()) {
            Map<String, Map<String, Object>> byTest = new LinkedHashMap<>();
            conditions.forEach(c -> byTest.computeIfAbsent(c.test(), t -> new LinkedHashMap<>()).put(c.variable(), c.values()));
            statement.put("Condition", byTest);
        }
        return statement;
    }

    /** A policy document made of {@code statements}, as an {@code aws_iam_policy_document} data source. */
    public static DataAwsIamPolicyDocument document(Construct scope, String id, List<PolicyStatement> statements) {
        return new DataAwsIamPolicyDocument(scope, id, DataAwsIamPolicyDocumentConfig.builder()
                .statement(statements.stream().map(PolicyStatement::toDataSource).toList())
                .build());
    }

    /** Makes {@code document} hold {@code statements} instead of what it held: a policy that grows with what is granted. */
    public static void replaceStatements(DataAwsIamPolicyDocument document, List<PolicyStatement> statements) {
        document.putStatement(statements.stream().map(PolicyStatement::toDataSource).toList());
    }

    /**
     * The policy document made of {@code statements}, encoded by Terraform's {@code jsonencode}. For documents
     * naming attributes of resources that change in place (a database's resource id): Terraform reads a data
     * source that depends on a changing resource only during apply, so every such change would also plan an
     * update of the policy to an unknown document.
     */
    public static String inlineDocument(List<PolicyStatement> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(PolicyStatement::toJsonObject).toList());
        return Fn.jsonencode(document);
    }
}

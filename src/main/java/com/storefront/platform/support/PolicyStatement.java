package com.storefront.platform.support;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * One statement of an IAM policy document, written compactly and rendered through
 * {@code aws_iam_policy_document}, never as a hand-built JSON string.
 */
public final class PolicyStatement {

    private final DataAwsIamPolicyDocumentStatement.Builder statement;
    private final List<DataAwsIamPolicyDocumentStatementPrincipals> principals = new ArrayList<>();
    private final List<DataAwsIamPolicyDocumentStatementCondition> conditions = new ArrayList<>();

    private PolicyStatement(String effect, String sid) {
        statement = DataAwsIamPolicyDocumentStatement.builder().sid(sid).effect(effect);
    }

    public static PolicyStatement allow(String sid) {
        return new PolicyStatement("Allow", sid);
    }

    public static PolicyStatement deny(String sid) {
        return new PolicyStatement("Deny", sid);
    }

    public PolicyStatement actions(String... actions) {
        statement.actions(List.of(actions));
        return this;
    }

    public PolicyStatement resources(String... resources) {
        statement.resources(List.of(resources));
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
        conditions.add(DataAwsIamPolicyDocumentStatementCondition.builder()
                .test(test).variable(variable).values(List.of(values)).build());
        return this;
    }

    private PolicyStatement principal(String type, String... identifiers) {
        principals.add(DataAwsIamPolicyDocumentStatementPrincipals.builder()
                .type(type).identifiers(List.of(identifiers)).build());
        return this;
    }

    private DataAwsIamPolicyDocumentStatement build() {
        if (!principals.isEmpty()) {
            statement.principals(principals);
        }
        if (!conditions.isEmpty()) {
            statement.condition(conditions);
        }
        return statement.build();
    }

    /** A policy document made of {@code statements}. */
    public static DataAwsIamPolicyDocument document(Construct scope, String id, List<PolicyStatement> statements) {
        return new DataAwsIamPolicyDocument(scope, id, DataAwsIamPolicyDocumentConfig.builder()
                .statement(statements.stream().map(PolicyStatement::build).toList())
                .build());
    }
}

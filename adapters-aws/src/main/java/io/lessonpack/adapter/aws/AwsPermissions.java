package io.lessonpack.adapter.aws;

import java.util.List;

/**
 * The IAM actions the adapters in this module call, per service: the single list that the
 * Terraform policy is checked against (infra tests) and that the end-to-end test checks the SDK
 * calls it observes against. A new SDK call without a line here fails both.
 *
 * <p>DynamoDB's {@code TransactWriteItems} has no IAM action of its own: each item in it needs the
 * action it performs ({@code UpdateItem}, {@code PutItem}).
 */
public final class AwsPermissions {

    /** DynamoDB actions on the state, packages and analysis-results tables and their indexes. */
    public static final List<String> DYNAMODB = List.of(
            "dynamodb:BatchGetItem",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:UpdateItem");

    /** SNS actions on the package-generated topic. */
    public static final List<String> SNS = List.of("sns:Publish");

    /** Secrets Manager actions on the OpenAI key secret. */
    public static final List<String> SECRETS_MANAGER = List.of("secretsmanager:GetSecretValue");

    /**
     * SQS actions on the voice-session queue: what Lambda's event source mapping needs, and
     * {@code ChangeMessageVisibility}, which the function also calls itself
     * ({@code ChangeMessageVisibilityBatch}) to retry a message that failed only for time within seconds.
     */
    public static final List<String> SQS_EVENT_SOURCE = List.of(
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage");

    private AwsPermissions() {
    }

    /**
     * The IAM actions a DynamoDB API operation needs, by the SDK operation name an interceptor sees
     * ({@code TransactWriteItems} needs those of its items).
     */
    public static List<String> dynamoDbActionsFor(String operation) {
        return switch (operation) {
            case "TransactWriteItems" -> List.of("dynamodb:UpdateItem", "dynamodb:PutItem");
            default -> List.of("dynamodb:" + operation);
        };
    }
}

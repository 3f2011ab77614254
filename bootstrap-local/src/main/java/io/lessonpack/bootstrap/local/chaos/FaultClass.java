package io.lessonpack.bootstrap.local.chaos;

/**
 * The kinds of fault the soak injects. All but {@link #DAY_BOUNDARY} are planned for one message
 * attempt and fire at one external call of it; the day boundary is in the schedule (sessions that
 * end in the last seconds of a UTC day and are processed after midnight).
 */
public enum FaultClass {
    /** A DynamoDB call fails with {@code ProvisionedThroughputExceededException}, as after the SDK's retries. */
    DYNAMODB_THROTTLING("DynamoDB throttling", Target.DYNAMODB_CALL),
    /** The commit's {@code TransactWriteItems} fails with {@code TransactionCanceledException} (TransactionConflict). */
    TRANSACTION_CANCELLED("DynamoDB transaction cancelled", Target.TRANSACTION),
    /** The {@code package.generated} publish fails, as an SNS error does. */
    SNS_ERROR("SNS error", Target.PUBLISH),
    /** The OpenAI key cannot be fetched, as a Secrets Manager error makes it. */
    SECRETS_MANAGER_ERROR("Secrets Manager error", Target.API_KEY),
    /** The model answers 429 (once, or on every attempt). */
    MODEL_RATE_LIMITED("model 429", Target.MODEL),
    /** The model answers 500 (once, or on every attempt). */
    MODEL_SERVER_ERROR("model 500", Target.MODEL),
    /** The model refuses. */
    MODEL_REFUSAL("model refusal", Target.MODEL),
    /** The model's answer is cut off ({@code finish_reason = length}). */
    MODEL_TRUNCATED("model truncated answer", Target.MODEL),
    /** The model takes 35-80 simulated seconds, often longer than the author's budget. */
    MODEL_SLOW("model slow answer", Target.MODEL),
    /** The process dies before or after one external call: it and every later call of the invocation fail. */
    PROCESS_DEATH("process death", Target.ANY_CALL),
    /** A session in the last seconds of a UTC day whose message is processed after midnight. */
    DAY_BOUNDARY("day boundary", Target.SCHEDULE);

    /** Which call of an attempt a fault of the class fires at. */
    enum Target {
        /** The n-th DynamoDB call of the attempt. */
        DYNAMODB_CALL,
        /** The attempt's first {@code TransactWriteItems}. */
        TRANSACTION,
        /** The attempt's first event publish. */
        PUBLISH,
        /** The attempt's first key fetch. */
        API_KEY,
        /** The attempt's first model request. */
        MODEL,
        /** The n-th external call of any kind. */
        ANY_CALL,
        /** Not planned per attempt. */
        SCHEDULE
    }

    private final String label;
    private final Target target;

    FaultClass(String label, Target target) {
        this.label = label;
        this.target = target;
    }

    /** How the report names the class. */
    public String label() {
        return label;
    }

    Target target() {
        return target;
    }

    /** Whether the class is planned per message attempt (every class but the day boundary). */
    boolean perAttempt() {
        return target != Target.SCHEDULE;
    }
}

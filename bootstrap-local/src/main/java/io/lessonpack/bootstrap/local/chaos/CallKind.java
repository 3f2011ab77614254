package io.lessonpack.bootstrap.local.chaos;

/** The external calls of a message attempt the soak sees, and may fail. */
enum CallKind {
    /** A DynamoDB call (seen by {@link FaultInterceptor}). */
    DYNAMODB,
    /** A request to the model (seen by {@link FaultyAuthor}). */
    MODEL,
    /** A fetch of the OpenAI key, Secrets Manager's part (seen by {@link FaultyKeys}). */
    API_KEY,
    /** A {@code package.generated} publish, SNS's part (seen by {@link FaultyPublisher}). */
    PUBLISH
}

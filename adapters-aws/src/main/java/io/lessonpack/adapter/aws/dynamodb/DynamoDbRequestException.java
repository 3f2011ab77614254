package io.lessonpack.adapter.aws.dynamodb;

/**
 * A DynamoDB request failed in a way that retrying the same request will not fix: a validation
 * error, a missing table, denied access. It points at configuration or a bug; failures a retry may
 * fix are reported as {@link io.lessonpack.application.port.out.StorageUnavailableException}
 * instead. The message names the operation and the SDK exception's type, never item contents.
 */
public class DynamoDbRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DynamoDbRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}

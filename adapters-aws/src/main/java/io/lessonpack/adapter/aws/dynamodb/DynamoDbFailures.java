package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.port.out.StorageUnavailableException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Turns SDK exceptions into the ports' vocabulary: a failure that a later retry may fix becomes a
 * {@link StorageUnavailableException}, anything else a {@link DynamoDbRequestException}. Messages
 * name the operation and the exception's type and error code only: SDK messages can quote keys or
 * values, so they are never copied.
 */
final class DynamoDbFailures {

    /** Service error codes that mean "not now" rather than "never". */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "Throttling", "InternalServerError", "InternalFailure", "ServiceUnavailable",
            "TransactionConflictException", "TransactionInProgressException", "LimitExceededException",
            "ReplicatedWriteConflictException");

    /** Cancellation reason codes (TransactWriteItems) that a retry may fix. */
    private static final Set<String> RETRYABLE_CANCELLATIONS = Set.of(
            "None", "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    private DynamoDbFailures() {
    }

    /**
     * Runs one SDK call, translating its failure.
     *
     * @param operation e.g. {@code "claim UpdateItem"}: what the operator reads in the message
     */
    static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(operation, e);
        }
    }

    /** The port-level exception for a failed SDK call. */
    static RuntimeException translate(String operation, SdkException e) {
        String what = "DynamoDB " + operation + " failed: " + describe(e);
        return retryable(e) ? new StorageUnavailableException(what, e) : new DynamoDbRequestException(what, e);
    }

    /** A failure that a retry may fix even though no condition or transaction failed. */
    static StorageUnavailableException unavailable(String operation, String why) {
        return new StorageUnavailableException("DynamoDB " + operation + " failed: " + why);
    }

    static boolean retryable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof TransactionCanceledException cancelled) {
            return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                    .map(CancellationReason::code).allMatch(RETRYABLE_CANCELLATIONS::contains);
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof InternalServerErrorException || e instanceof TransactionConflictException
                || e instanceof TransactionInProgressException || e instanceof LimitExceededException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500
                    || (service.awsErrorDetails() != null && RETRYABLE_CODES.contains(service.awsErrorDetails().errorCode()))
                    || service.retryable();
        }
        return e.retryable();
    }

    private static String describe(SdkException e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            out.append(" (").append(service.awsErrorDetails().errorCode()).append(')');
        }
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            out.append(" reasons ").append(cancelled.cancellationReasons().stream()
                    .map(r -> r.code() == null ? "None" : r.code()).toList());
        }
        if (e.getCause() != null && e instanceof SdkClientException) {
            out.append(" caused by ").append(e.getCause().getClass().getSimpleName());
        }
        return out.toString();
    }
}

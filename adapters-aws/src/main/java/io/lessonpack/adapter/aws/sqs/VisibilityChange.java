package io.lessonpack.adapter.aws.sqs;

import java.time.Duration;

/**
 * One received message to make visible again after {@code visibleAfter} (0 to 12 hours).
 *
 * <p>All three strings come from the received message as Lambda hands it over
 * ({@code SQSMessage.getMessageId()}, {@code getEventSourceArn()}, {@code getReceiptHandle()}).
 * SQS counts {@code visibleAfter} in whole seconds: a fraction of a second is rounded up by
 * {@link SqsMessageVisibilityAdapter}, so a message never comes back earlier than asked.
 *
 * <p>The receipt handle is a credential-like token (whoever holds it may delete the message):
 * {@link #toString()} leaves it out, and nothing in lessonpack logs it.
 *
 * @param messageId      the SQS message id, reported back when the change succeeded
 * @param eventSourceArn the queue's ARN, {@code arn:<partition>:sqs:<region>:<account>:<queue>}
 * @param receiptHandle  the handle of this receipt of the message
 * @param visibleAfter   how long from now the message stays invisible; {@link Duration#ZERO} makes
 *                       it visible at once
 */
public record VisibilityChange(String messageId, String eventSourceArn, String receiptHandle, Duration visibleAfter) {

    /** The longest visibility timeout SQS accepts, 12 hours. */
    public static final Duration MAX_VISIBLE_AFTER = Duration.ofHours(12);

    /**
     * @throws IllegalArgumentException if a string is null or blank, or {@code visibleAfter} is null,
     *     negative or longer than 12 hours; the message names the field, never the receipt handle
     */
    public VisibilityChange {
        requireText(messageId, "messageId");
        requireText(eventSourceArn, "eventSourceArn");
        requireText(receiptHandle, "receiptHandle");
        if (visibleAfter == null) {
            throw new IllegalArgumentException("visibleAfter is missing");
        }
        if (visibleAfter.isNegative() || visibleAfter.compareTo(MAX_VISIBLE_AFTER) > 0) {
            throw new IllegalArgumentException("visibleAfter must be between 0 and " + MAX_VISIBLE_AFTER.toSeconds()
                    + " seconds (12 hours), was " + visibleAfter);
        }
    }

    /** {@link #visibleAfter()} in whole seconds as SQS takes it, rounded up: 0 to 43200. */
    int visibilityTimeoutSeconds() {
        long seconds = visibleAfter.toSeconds();
        return (int) (visibleAfter.toNanosPart() > 0 ? seconds + 1 : seconds);
    }

    /** Every field but the receipt handle, which is replaced by its length. */
    @Override
    public String toString() {
        return "VisibilityChange[messageId=" + messageId + ", eventSourceArn=" + eventSourceArn
                + ", receiptHandle=(" + receiptHandle.length() + " chars), visibleAfter=" + visibleAfter + "]";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or blank");
        }
    }
}

package io.lessonpack.adapter.aws.sqs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One message of an SQS event as Lambda hands it over: what the queue side of the service reads,
 * in the queue's own terms and without Lambda's event types.
 *
 * @param messageId      SQS's id for this delivery; names the message in the batch response
 * @param body           the body as sent; may be anything
 * @param attributes     SQS's system attributes ({@code MessageGroupId}, {@code ApproximateReceiveCount},
 *                       {@code SentTimestamp}, ...)
 * @param receiptHandle  the handle of this receive, to change the message's visibility; a
 *                       credential-like token that is never logged
 * @param eventSourceArn the queue's ARN
 */
public record SqsRecord(String messageId, String body, Map<String, String> attributes, String receiptHandle,
        String eventSourceArn) {

    public SqsRecord {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("an SQS record needs its messageId");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The message group the message belongs to: FIFO order holds within it. A message of a
     * standard queue has none and forms a group of its own.
     */
    public String groupId() {
        String group = attributes.get("MessageGroupId");
        return group == null || group.isBlank() ? "message:" + messageId : group;
    }

    /** How many times SQS has delivered the message, this delivery included (1 when unknown). */
    public int receiveCount() {
        try {
            return Math.max(1, Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** When the queue received the message, from {@code SentTimestamp}; empty when missing or unreadable. */
    public Optional<Instant> sentAt() {
        String sent = attributes.get("SentTimestamp");
        if (sent == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(sent.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the record carries what a visibility change needs. */
    boolean canChangeVisibility() {
        return receiptHandle != null && !receiptHandle.isBlank() && eventSourceArn != null && !eventSourceArn.isBlank();
    }

    /** Never prints the receipt handle or the body. */
    @Override
    public String toString() {
        return "SqsRecord[messageId=" + messageId + ", group=" + groupId() + ", receiveCount=" + receiveCount() + "]";
    }
}

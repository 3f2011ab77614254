package io.lessonpack.adapter.aws.testing;

import io.lessonpack.adapter.aws.sqs.SqsRecord;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import java.util.HashMap;
import java.util.Map;

/**
 * Voice-session queue messages as Lambda delivers them from a FIFO queue: the body the app sends,
 * SQS's attributes, a receipt handle and the queue's ARN.
 *
 * <pre>{@code
 * SqsRecord m1 = SqsRecords.message("m1", command).inGroup("learner-1").build();
 * }</pre>
 */
public final class SqsRecords {

    /** The voice-session queue's ARN in tests. */
    public static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";

    private SqsRecords() {
    }

    /** A message carrying {@code command}, in the message group of its learner, received once. */
    public static Builder message(String messageId, GenerateDailyPackageCommand command) {
        return new Builder(messageId, body(command)).inGroup(command.userId().value());
    }

    /** A message with any body, in a group of its own, received once. */
    public static Builder raw(String messageId, String body) {
        return new Builder(messageId, body).inGroup("group-" + messageId);
    }

    /** The JSON body the app sends for {@code command}. */
    public static String body(GenerateDailyPackageCommand command) {
        return "{\"sessionId\":\"" + command.sessionId().value() + "\",\"userId\":\"" + command.userId().value()
                + "\",\"targetLanguage\":\"" + command.language().tag() + "\",\"createdAt\":\""
                + command.sessionCreatedAt() + "\"}";
    }

    /** Builds one record. */
    public static final class Builder {
        private final String messageId;
        private final String body;
        private final Map<String, String> attributes = new HashMap<>();
        private String receiptHandle;
        private String eventSourceArn = QUEUE_ARN;

        private Builder(String messageId, String body) {
            this.messageId = messageId;
            this.body = body;
            this.receiptHandle = "receipt-" + messageId;
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1767225600000");
        }

        /** The FIFO message group. */
        public Builder inGroup(String groupId) {
            attributes.put("MessageGroupId", groupId);
            return this;
        }

        /** How many times SQS has delivered it, this delivery included. */
        public Builder receivedTimes(int count) {
            attributes.put("ApproximateReceiveCount", String.valueOf(count));
            return this;
        }

        /** A receipt handle and queue ARN from a real receive. */
        public Builder receivedFrom(String queueArn, String handle) {
            this.eventSourceArn = queueArn;
            this.receiptHandle = handle;
            return this;
        }

        public SqsRecord build() {
            return new SqsRecord(messageId, body, attributes, receiptHandle, eventSourceArn);
        }
    }
}

package io.lessonpack.bootstrap.local.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An SQS FIFO queue with a dead-letter queue, in memory and on simulated time, as Lambda's event
 * source mapping meets it:
 * <ul>
 *   <li>messages are delivered in the order they were sent within their message group, and a group
 *       is held back while any of its messages is in flight (received, neither deleted nor visible
 *       again);</li>
 *   <li>a receive returns up to {@link #BATCH_SIZE} messages, from several groups, each with its
 *       receive count incremented and a new receipt handle; it stays invisible for the
 *       {@link #VISIBILITY_TIMEOUT} unless {@link #changeVisibility} shortens it;</li>
 *   <li>a message received {@link #MAX_RECEIVE_COUNT} times that becomes receivable again is moved
 *       to the dead-letter queue instead, which frees its group;</li>
 *   <li>{@link #delete} acknowledges a message (Lambda deletes the batch's successful messages).</li>
 * </ul>
 * There is no deduplication window: the soak's duplicates are resends with their own deduplication ids.
 */
final class SimulatedFifoQueue {

    /** The voice-session queue's visibility timeout (six times the function's 60 s). */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(360);
    /** The redrive policy's maxReceiveCount. */
    static final int MAX_RECEIVE_COUNT = 10;
    /** The event source mapping's batch size. */
    static final int BATCH_SIZE = 5;

    /** Where a message is. */
    enum State {
        /** Waiting to be received (or visible again). */
        QUEUED,
        /** Received and not yet deleted; invisible until {@link Message#visibleAt()}. */
        IN_FLIGHT,
        /** Deleted after a successful receive. */
        DELETED,
        /** Moved to the dead-letter queue. */
        DEAD_LETTER
    }

    /** One message and where it is. */
    static final class Message {
        private final String id;
        private final String groupId;
        private final String body;
        private final Instant sentAt;
        private final long sequence;
        private State state = State.QUEUED;
        private int receives;
        private Instant visibleAt;
        private String receiptHandle;

        private Message(String id, String groupId, String body, Instant sentAt, long sequence) {
            this.id = id;
            this.groupId = groupId;
            this.body = body;
            this.sentAt = sentAt;
            this.sequence = sequence;
            this.visibleAt = sentAt;
        }

        String id() {
            return id;
        }

        String groupId() {
            return groupId;
        }

        String body() {
            return body;
        }

        Instant sentAt() {
            return sentAt;
        }

        long sequence() {
            return sequence;
        }

        State state() {
            return state;
        }

        int receives() {
            return receives;
        }

        Instant visibleAt() {
            return visibleAt;
        }
    }

    /** One message of a receive: what Lambda puts into the event's record. */
    record Delivery(String messageId, String groupId, String body, Instant sentAt, long sequence, int receiveCount,
            String receiptHandle) {
    }

    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, Message> byReceiptHandle = new LinkedHashMap<>();
    private long sequence;

    /** Sends a message at {@code at}; message ids are unique. */
    void send(String messageId, String groupId, String body, Instant at) {
        Objects.requireNonNull(messageId, "messageId");
        if (messages.containsKey(messageId)) {
            throw new IllegalArgumentException("message " + messageId + " was sent already");
        }
        messages.put(messageId, new Message(messageId, Objects.requireNonNull(groupId, "groupId"),
                Objects.requireNonNull(body, "body"), Objects.requireNonNull(at, "at"), ++sequence));
    }

    /** Receives up to {@link #BATCH_SIZE} messages at {@code now}, by the FIFO rules. */
    List<Delivery> receive(Instant now) {
        Set<String> held = new HashSet<>();
        for (Message m : messages.values()) {
            if (m.state == State.IN_FLIGHT && m.visibleAt.isAfter(now)) {
                held.add(m.groupId);
            }
        }
        List<Delivery> batch = new ArrayList<>();
        for (Message m : messages.values()) {
            if (batch.size() == BATCH_SIZE) {
                break;
            }
            if (!receivable(m, now) || held.contains(m.groupId)) {
                continue;
            }
            if (m.receives >= MAX_RECEIVE_COUNT) {
                m.state = State.DEAD_LETTER;
                byReceiptHandle.remove(m.receiptHandle);
                continue;
            }
            m.receives++;
            m.state = State.IN_FLIGHT;
            m.visibleAt = now.plus(VISIBILITY_TIMEOUT);
            byReceiptHandle.remove(m.receiptHandle);
            m.receiptHandle = "receipt-" + m.id + "-" + m.receives;
            byReceiptHandle.put(m.receiptHandle, m);
            batch.add(new Delivery(m.id, m.groupId, m.body, m.sentAt, m.sequence, m.receives, m.receiptHandle));
        }
        return batch;
    }

    private static boolean receivable(Message m, Instant now) {
        return (m.state == State.QUEUED || m.state == State.IN_FLIGHT) && !m.visibleAt.isAfter(now);
    }

    /** Deletes the message received with {@code receiptHandle}; false when the handle is not its current one. */
    boolean delete(String receiptHandle) {
        Message m = byReceiptHandle.remove(receiptHandle);
        if (m == null || m.state != State.IN_FLIGHT) {
            return false;
        }
        m.state = State.DELETED;
        return true;
    }

    /**
     * {@code ChangeMessageVisibility}: the message received with {@code receiptHandle} becomes visible
     * {@code timeout} after {@code now}. False when the handle is not the message's current one or the
     * message is not in flight.
     */
    boolean changeVisibility(String receiptHandle, Duration timeout, Instant now) {
        Message m = byReceiptHandle.get(receiptHandle);
        if (m == null || m.state != State.IN_FLIGHT) {
            return false;
        }
        m.visibleAt = now.plus(timeout);
        return true;
    }

    /** When a message in flight becomes receivable next, after {@code now}. */
    Optional<Instant> nextVisibleAfter(Instant now) {
        return messages.values().stream()
                .filter(m -> m.state == State.IN_FLIGHT && m.visibleAt.isAfter(now))
                .map(Message::visibleAt).min(Instant::compareTo);
    }

    /** Whether any message is queued, in flight, or may still move. */
    boolean drained() {
        return messages.values().stream().noneMatch(m -> m.state == State.QUEUED || m.state == State.IN_FLIGHT);
    }

    /** A message by id. */
    Optional<Message> message(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    /** Every message sent, in send order. */
    List<Message> messages() {
        return List.copyOf(messages.values());
    }

    /** The messages in the dead-letter queue, in send order. */
    List<Message> deadLetters() {
        return messages.values().stream().filter(m -> m.state == State.DEAD_LETTER).toList();
    }
}

package io.lessonpack.domain.learner;

/**
 * The identity of one finished voice session. Idempotency is keyed on it (not on a queue message
 * id), because a redriven or re-sent message arrives with a new message id but the same session.
 */
public record SessionId(String value) {

    /** Longest id accepted. */
    public static final int MAX_LENGTH = 128;

    public SessionId {
        Ids.requireValid("sessionId", value, MAX_LENGTH);
    }

    /** Returns the session id for a raw value, refusing blanks, control characters and absurd lengths. */
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

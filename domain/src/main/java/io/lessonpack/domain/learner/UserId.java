package io.lessonpack.domain.learner;

/**
 * The identity of a learner as the language app knows it. It is an opaque id, never a name or an
 * e-mail address, so it may appear in logs.
 *
 * <p>Use {@link #of(String)} for values that come from outside (queue messages, tables).
 */
public record UserId(String value) {

    /** Longest id accepted; ids from the app are UUID-sized, so anything far longer is not an id. */
    public static final int MAX_LENGTH = 128;

    public UserId {
        Ids.requireValid("userId", value, MAX_LENGTH);
    }

    /** Returns the user id for a raw value, refusing blanks, control characters and absurd lengths. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.lessonpack.application.port.out;

import java.util.Objects;

/**
 * An author could not deliver a draft. The message is for operators and must never hold learner
 * text, the model's answer or a secret.
 */
public class LessonAuthorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the author failed. */
    public enum Kind {
        /** Connection failure, rate limit, server error: try again later. */
        UNAVAILABLE,
        /** The request was cut off by the deadline: the model was slower than the whole budget. */
        DEADLINE,
        /**
         * No request was started (or retried) because less than the minimum time was left for it,
         * or a Retry-After would not leave it; nothing was paid for.
         */
        NO_TIME,
        /** The model refused. */
        REFUSED,
        /** The answer was cut off. */
        TRUNCATED,
        /** The answer could not be read. */
        UNPARSEABLE,
        /** The request or credentials were rejected. */
        REJECTED
    }

    private final Kind kind;

    public LessonAuthorException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public LessonAuthorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}

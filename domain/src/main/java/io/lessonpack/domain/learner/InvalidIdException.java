package io.lessonpack.domain.learner;

/** Thrown when an identifier from outside is not usable; the message never holds the value itself. */
public final class InvalidIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidIdException(String message) {
        super(message);
    }
}

package io.lessonpack.adapter.aws.dynamodb;

/**
 * A stored item cannot be read as the domain type it should hold: a missing or mistyped
 * attribute, an unknown schema version, a value the domain refuses. The message names the table,
 * the item's key (ids only) and what is wrong, never its texts. Fix the item (or the writer that
 * produced it); retrying does not help.
 */
public class UnreadableItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableItemException(String message) {
        super(message);
    }

    public UnreadableItemException(String message, Throwable cause) {
        super(message, cause);
    }
}

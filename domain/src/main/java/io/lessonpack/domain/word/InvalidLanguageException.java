package io.lessonpack.domain.word;

/**
 * Thrown when a language tag is not one lessonpack can teach: it is not a well-formed BCP-47 tag,
 * or its primary subtag is not a two-letter ISO 639-1 code.
 *
 * <p>The message names the rejected tag (cut to a safe length) and what would have been accepted,
 * so an operator can fix the configuration or the request that carried it.
 */
public final class InvalidLanguageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with an operator-facing message.
     *
     * @param message what was wrong and what is accepted; never learner text
     */
    public InvalidLanguageException(String message) {
        super(message);
    }
}

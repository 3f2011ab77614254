package io.lessonpack.domain.word;

/**
 * Thrown when a text cannot become a word: nothing is left of it once the key algorithm has
 * removed punctuation, symbols, spaces and articles.
 *
 * <p>The message never contains the text itself: it is what a learner said or typed, and learner
 * text must not reach logs.
 */
public final class InvalidWordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with an operator-facing message.
     *
     * @param message what was wrong; must not contain the learner's text
     */
    public InvalidWordException(String message) {
        super(message);
    }
}

package io.lessonpack.bootstrap.local.eval;

/** The arguments or the review log cannot be evaluated; the message says what to fix. */
final class EvalInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EvalInputException(String message) {
        super(message);
    }
}

package io.lessonpack.application.port.in;

/** Why a session got no lesson although nothing went wrong. The message is acknowledged. */
public enum SkipReason {
    /** The message lacks userId or targetLanguage. */
    MISSING_FIELDS,
    /** The message is not a usable voice-session event (bad JSON, wrong types, unknown language, ...). */
    INVALID_MESSAGE,
    /** The learner already had today's lesson (in any language). */
    ALREADY_HAD_LESSON_TODAY,
    /** This session already produced its lesson; a repeated delivery changes nothing. */
    ALREADY_PROCESSED,
    /** No analysis result arrived since the last lesson for this language. */
    NO_NEW_ANALYSIS,
    /** Nothing to open a review with: no curriculum word from before today and no word in the evidence. */
    NOTHING_TO_REVIEW
}

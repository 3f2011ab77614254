package io.lessonpack.application.port.in;

/**
 * Why a session's lesson could not be produced this time. Each reason says whether a retry can
 * help; the message is reported failed either way so that SQS retries it and, in the end, parks it
 * in the dead-letter queue instead of losing it.
 */
public enum FailureReason {
    /** The session's own analysis has not landed yet; a retry waits for it. */
    AWAITING_ANALYSIS(true),
    /** Another delivery of the same session is being processed right now. */
    DUPLICATE_IN_PROGRESS(true),
    /** Another session of the same learner is producing today's lesson right now. */
    OTHER_SESSION_IN_PROGRESS(true),
    /** The lesson author could not be reached, was rate limited or failed on its side. */
    AUTHOR_UNAVAILABLE(true),
    /** The lesson author refused to write the lesson. */
    AUTHOR_REFUSED(true),
    /** The author's answer was cut off before it was complete. */
    AUTHOR_OUTPUT_TRUNCATED(true),
    /** The author's answer could not be read as a package. */
    AUTHOR_OUTPUT_UNPARSEABLE(true),
    /** The author rejected our credentials or request; retrying alone will not help. */
    AUTHOR_REJECTED_REQUEST(false),
    /** The draft still broke a rule after the repair round. */
    DRAFT_BREAKS_RULES(true),
    /** The work could not finish before the invocation's deadline. */
    DEADLINE_EXCEEDED(true),
    /** The package changed since it was read (a concurrent writer); a retry re-reads it. */
    STALE_PACKAGE_VERSION(true),
    /** lastProcessedAt or the curriculum changed since they were read; a retry re-reads them. */
    STALE_STATE(true),
    /** Another attempt took over this session's claim on the day. */
    CLAIM_LOST(true),
    /** The lesson was saved but its event could not be published yet; a retry publishes it. */
    PUBLISH_FAILED(true),
    /** Storage failed or was unavailable. */
    STORAGE_UNAVAILABLE(true),
    /** An earlier message of the FIFO batch failed, so this one was not attempted. */
    EARLIER_MESSAGE_FAILED(true),
    /** Anything else; a bug until proven otherwise. */
    UNEXPECTED(true);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying the same message again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}

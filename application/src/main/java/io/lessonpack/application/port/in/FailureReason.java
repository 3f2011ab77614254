package io.lessonpack.application.port.in;

/**
 * Why a session's lesson could not be produced this time. The message is reported failed, so that
 * the queue retries it and, in the end, parks it in the dead-letter queue instead of losing it;
 * except when {@link #releasesMessage()}: then retrying cannot help and would hold the learner's
 * later messages back, so it is taken off the queue (its analysis stays in the table for the next
 * lesson). Each reason says whether a retry can help ({@link #retryable()}) and whether the
 * failure was only a matter of time ({@link #retrySoon()}), in which case the inbound side makes
 * the message visible again within seconds rather than after the queue's visibility timeout.
 */
public enum FailureReason {
    /** The session's own analysis has not landed yet; a retry waits for it. */
    AWAITING_ANALYSIS(true, true),
    /** Another delivery of the same session is being processed right now. */
    DUPLICATE_IN_PROGRESS(true, true),
    /** Another session of the same learner is producing today's lesson right now. */
    OTHER_SESSION_IN_PROGRESS(true, true),
    /**
     * Too little of the invocation was left to give the lesson author its minimum time, so no model
     * request was made; a retry in a fresh invocation has the whole budget.
     */
    DEFERRED_FOR_TIME(true, true),
    /** The lesson author could not be reached, was rate limited or failed on its side. */
    AUTHOR_UNAVAILABLE(true, false),
    /** The lesson author refused to write the lesson. */
    AUTHOR_REFUSED(true, false),
    /** The author's answer was cut off before it was complete. */
    AUTHOR_OUTPUT_TRUNCATED(true, false),
    /** The author's answer could not be read as a package. */
    AUTHOR_OUTPUT_UNPARSEABLE(true, false),
    /** The author rejected our credentials or request; retrying alone will not help. */
    AUTHOR_REJECTED_REQUEST(false, false),
    /** The draft still broke a rule after the repair round. */
    DRAFT_BREAKS_RULES(true, false),
    /** The model request was cut off by the deadline: the model was slower than the whole budget. */
    DEADLINE_EXCEEDED(true, true),
    /** The package changed since it was read (a concurrent writer); a retry re-reads it. */
    STALE_PACKAGE_VERSION(true, false),
    /** lastProcessedAt or the curriculum changed since they were read; a retry re-reads them. */
    STALE_STATE(true, false),
    /** Another attempt took over this session's claim on the day. */
    CLAIM_LOST(true, false),
    /** The lesson was saved but its event could not be published yet; a retry publishes it. */
    PUBLISH_FAILED(true, false),
    /** Storage failed or was unavailable. */
    STORAGE_UNAVAILABLE(true, false),
    /**
     * The learner's package for the language cannot be read, not even as one of the original
     * service to adopt. Nothing is written; an operator repairs the item (its id is logged). The
     * message is released, so the learner's sessions in other languages go on.
     */
    PACKAGE_UNREADABLE(false, false),
    /**
     * An earlier message of the same queue message group failed, so this one is reported failed to
     * keep the group's order (it may have been processed meanwhile; its redelivery is then a no-op).
     */
    EARLIER_MESSAGE_FAILED(true, false),
    /** Anything else; a bug until proven otherwise. */
    UNEXPECTED(true, false);

    private final boolean retryable;
    private final boolean retrySoon;

    FailureReason(boolean retryable, boolean retrySoon) {
        this.retryable = retryable;
        this.retrySoon = retrySoon;
    }

    /** Whether trying the same message again later may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the message is taken off the queue despite the failure, because redelivering it
     * cannot succeed and would hold back the later messages of its message group.
     */
    public boolean releasesMessage() {
        return this == PACKAGE_UNREADABLE;
    }

    /**
     * Whether the failure was only for time (waiting for the analysis, no time left for the author,
     * another attempt in progress): the same message very likely succeeds when tried again in
     * seconds, so it should not wait out the queue's visibility timeout.
     */
    public boolean retrySoon() {
        return retrySoon;
    }
}

package io.lessonpack.application.port.out;

/** What a {@link GenerationCommit} achieved. A refused condition is an answer, not an error. */
public enum CommitResult {
    /** Everything was written. */
    COMMITTED,
    /** The claim was taken over by another attempt; nothing was written. */
    CLAIM_LOST,
    /** The package changed since it was read; nothing was written. */
    STALE_PACKAGE,
    /** lastProcessedAt moved since it was read, or a new word appeared meanwhile; nothing was written. */
    STALE_STATE
}

package io.lessonpack.application.port.out;

import java.util.Optional;

/** What a {@link DayClaim} achieved. Storage decides it with a condition, not a read. */
public sealed interface ClaimResult {

    /**
     * The day is held for this attempt.
     *
     * @param resumedDraft the draft an earlier attempt of the same session stored before it failed,
     *                     so the retry continues without asking the author again
     */
    record Claimed(Optional<AuthoredDraft> resumedDraft) implements ClaimResult {
    }

    /** The learner's lesson for the day was already saved. */
    record AlreadyHadLesson() implements ClaimResult {
    }

    /**
     * Another attempt holds a live claim on the day.
     *
     * @param sameSession whether that attempt is for the same session (a duplicate delivery)
     */
    record HeldByAnother(boolean sameSession) implements ClaimResult {
    }
}

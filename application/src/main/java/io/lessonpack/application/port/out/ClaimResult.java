package io.lessonpack.application.port.out;

import java.util.Optional;

/** What a {@link DayClaim} achieved. Storage decides it with a condition, not a read. */
public sealed interface ClaimResult {

    /**
     * The day is held for this attempt.
     *
     * @param draft the draft an earlier attempt of the same session stored before it failed, so the
     *              retry continues without asking the author again; null when there is none
     */
    record Claimed(AuthoredDraft draft) implements ClaimResult {

        /** A claim with no earlier draft to resume. */
        public static Claimed fresh() {
            return new Claimed(null);
        }

        /** The draft to resume; empty when there is none. */
        public Optional<AuthoredDraft> resumedDraft() {
            return Optional.ofNullable(draft);
        }
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

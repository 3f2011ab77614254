package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of one session's generation.
 *
 * @param detail a code or figures for the step (a skip or failure reason, counts); never learner text
 */
public record ProgressStep(SessionId sessionId, UserId userId, Language language, Kind kind, String detail,
        Instant at) {

    /** The steps, in the order a lesson goes through them. */
    public enum Kind {
        /** The generation started for the session. */
        RECEIVED,
        /** The session ended without a lesson, by a rule (the detail is the reason). */
        SKIPPED,
        /** The learner's day was claimed for this session's lesson. */
        DAY_CLAIMED,
        /** The analysis results were read (the detail counts them). */
        ANALYSIS_READ,
        /** The lesson author was asked for a draft. */
        AUTHOR_STARTED,
        /** The author answered with a draft (or a stored draft was resumed). */
        AUTHOR_ANSWERED,
        /** The draft broke a rule and was sent back for one repair (the detail names the violations' codes). */
        DRAFT_REPAIRED,
        /** The lesson was saved (the detail names the package and version). */
        COMMITTED,
        /** The {@code package.generated} event was published. */
        PUBLISHED,
        /** The session ended without a lesson on a failure (the detail is the reason). */
        FAILED
    }

    public ProgressStep {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(at, "at");
    }
}

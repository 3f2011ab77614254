package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;

/**
 * The learner's lesson day: the one place that enforces one lesson per learner per UTC day and
 * lets a failed attempt be finished by its retry. Implementations must make {@link #claim} atomic
 * (a conditional write), never a read followed by a write.
 */
public interface LessonDayPort {

    /** Reads the learner's lesson-day status for the session at hand. */
    LessonDayStatus status(UserId userId, SessionId sessionId);

    /**
     * Holds the day for {@code claim.sessionId()} unless the learner already had the day's lesson
     * or another live attempt holds it. A claim whose lease ran out may be taken over; a takeover by
     * the same session resumes the draft the earlier attempt stored.
     */
    ClaimResult claim(DayClaim claim);

    /**
     * Stores the author's answer under the claim, so that a retry after a crash does not call the
     * author again. Returns false when the claim was lost (taken over), in which case nothing is stored.
     */
    boolean storeDraft(UserId userId, String token, AuthoredDraft draft);

    /**
     * Lets go of a claim whose attempt ended without a lesson, so that a retry or another session
     * may claim the day at once. A stored draft is kept for the same session's retry.
     */
    void release(UserId userId, String token, Instant now);

    /** Forgets the unpublished event once it was published; a no-op when it is already gone. */
    void markPublished(UserId userId, String eventId);
}

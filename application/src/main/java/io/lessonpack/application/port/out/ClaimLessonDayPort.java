package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import java.time.Instant;

/**
 * Holds a learner's lesson day for one attempt: the one place that enforces one lesson per learner
 * per UTC day across concurrent invocations. Implementations make {@link #claim} atomic (a
 * conditional write), never a read followed by a write.
 */
public interface ClaimLessonDayPort {

    /**
     * Holds the day for {@code claim.sessionId()} unless the learner already had the day's lesson
     * or another live attempt holds it. A claim whose lease ran out may be taken over; a takeover by
     * the same session resumes the draft the earlier attempt stored.
     */
    ClaimResult claim(DayClaim claim);

    /**
     * Lets go of a claim whose attempt ended without a lesson, so that a retry or another session
     * may claim the day at once. A stored draft is kept for the same session's retry.
     */
    void release(UserId userId, String token, Instant now);
}

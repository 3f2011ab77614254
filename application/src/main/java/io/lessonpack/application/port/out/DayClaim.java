package io.lessonpack.application.port.out;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to hold a learner's lesson day for one session before the lesson author is called, so
 * that two invocations never both write a lesson for the same day.
 *
 * @param token        unique per attempt; every later write of this attempt is conditional on it
 * @param now          the claim time
 * @param leaseExpires when the claim may be taken over if this attempt died; longer than an
 *                     invocation, shorter than the queue's visibility timeout
 */
public record DayClaim(UserId userId, LessonDay day, SessionId sessionId, Language language, String token,
        Instant now, Instant leaseExpires) {

    public DayClaim {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseExpires, "leaseExpires");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a claim needs a token");
        }
        if (!leaseExpires.isAfter(now)) {
            throw new IllegalArgumentException("a claim's lease must end after it starts");
        }
    }
}

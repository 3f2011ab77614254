package io.lessonpack.application.port.in;

import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner finished a voice session: decide whether they get a lesson today and, if so, write it.
 *
 * @param sessionId        the finished session; idempotency is keyed on it
 * @param userId           the learner
 * @param language         the session's target language
 * @param sessionCreatedAt when the session ended; used to wait a bounded time for its analysis
 */
public record GenerateDailyPackageCommand(SessionId sessionId, UserId userId, Language language,
        Instant sessionCreatedAt) {

    public GenerateDailyPackageCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sessionCreatedAt, "sessionCreatedAt");
    }
}

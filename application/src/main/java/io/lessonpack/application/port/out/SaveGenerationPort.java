package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Optional;

/** Saves what a generation produced, atomically. */
public interface SaveGenerationPort {

    /** Commits everything in {@code commit} all together or nothing. */
    CommitResult commit(UserId userId, GenerationCommit commit);

    /**
     * Moves lastProcessedAt forward past results that hold nothing for this language, so that they
     * are not read again; does nothing when it already moved past {@code to}.
     */
    void skipResultsUpTo(UserId userId, Language language, Optional<Instant> from, Instant to);
}

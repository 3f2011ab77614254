package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.PackageId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the service remembers per (learner, language): up to when analysis results were consumed,
 * and the learner's package for the language.
 */
public record LearnerState(Optional<Instant> lastProcessedAt, Optional<PackageId> packageId) {

    /** A learner never seen in this language. */
    public static LearnerState none() {
        return new LearnerState(Optional.empty(), Optional.empty());
    }
}

package io.lessonpack.application.port.out;

import io.lessonpack.domain.evidence.AnalysisResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the analysis service's table as lessonpack reads it: a result it can use, or one it
 * cannot (its time or its language is unreadable), which it passes over with a log line instead of
 * reading it again and again. Either way it is identified by {@link #key()}, the table's sort key
 * as stored, which is unique per learner.
 */
public sealed interface StoredAnalysis {

    /** The table's sort key as stored: unique per learner, whatever the item holds. */
    String key();

    /** The time the item says it was created, when it can be read. */
    Optional<Instant> createdAt();

    /** A result lessonpack can use. */
    record Usable(String key, AnalysisResult result) implements StoredAnalysis {
        public Usable {
            requireKey(key);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public Optional<Instant> createdAt() {
            return Optional.of(result.createdAt());
        }
    }

    /**
     * A result lessonpack cannot use.
     *
     * @param analysisId the analysis service's id, empty when it wrote none
     * @param reason     why, for operators; never learner text
     * @param at         the time it says it was created; null when that is what cannot be read
     */
    record Unusable(String key, String analysisId, String reason, Instant at) implements StoredAnalysis {
        public Unusable {
            requireKey(key);
            analysisId = analysisId == null ? "" : analysisId;
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Instant> createdAt() {
            return Optional.ofNullable(at);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a stored analysis has its key");
        }
    }
}

package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.PackageId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service remembers per (learner, language): how far their analysis results were handled,
 * their package for the language, and their memory model.
 *
 * @param lastProcessedAt  the analysis watermark ({@link AnalysisProgress}); empty when none was handled
 * @param handledAnalyses  results used or passed over within the look-back, by the table's key
 * @param analysisVersion  counts the writes of the analysis progress; a write expects the one it read
 * @param memoryModel      the learner's own memory-model parameters and what counts towards a refit
 */
public record LearnerState(Optional<Instant> lastProcessedAt, Optional<PackageId> packageId,
        Map<String, Instant> handledAnalyses, long analysisVersion, LearnerMemoryModel memoryModel) {

    public LearnerState {
        Objects.requireNonNull(lastProcessedAt, "lastProcessedAt");
        Objects.requireNonNull(packageId, "packageId");
        handledAnalyses = Map.copyOf(handledAnalyses);
        Objects.requireNonNull(memoryModel, "memoryModel");
        if (analysisVersion < 0) {
            throw new IllegalArgumentException("analysisVersion is not negative");
        }
    }

    /** A learner never seen in this language. */
    public static LearnerState none() {
        return new LearnerState(Optional.empty(), Optional.empty(), Map.of(), 0, LearnerMemoryModel.defaults());
    }
}

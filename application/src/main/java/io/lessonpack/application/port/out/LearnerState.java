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
 * @param watermark        the analysis watermark ({@link AnalysisProgress}); null when none was handled
 *                         ({@link #lastProcessedAt()} reads it as an {@code Optional})
 * @param currentPackage   the id of the learner's package for the language; null before their first
 *                         lesson ({@link #packageId()} reads it as an {@code Optional})
 * @param handledAnalyses  results used or passed over within the look-back, by the table's key
 * @param analysisVersion  counts the writes of the analysis progress; a write expects the one it read
 * @param memoryModel      the learner's own memory-model parameters and what counts towards a refit
 */
public record LearnerState(Instant watermark, PackageId currentPackage,
        Map<String, Instant> handledAnalyses, long analysisVersion, LearnerMemoryModel memoryModel) {

    public LearnerState {
        handledAnalyses = Map.copyOf(handledAnalyses);
        Objects.requireNonNull(memoryModel, "memoryModel");
        if (analysisVersion < 0) {
            throw new IllegalArgumentException("analysisVersion is not negative");
        }
    }

    /** The analysis watermark; empty when no result was handled yet. */
    public Optional<Instant> lastProcessedAt() {
        return Optional.ofNullable(watermark);
    }

    /** The id of the learner's package for the language; empty before their first lesson. */
    public Optional<PackageId> packageId() {
        return Optional.ofNullable(currentPackage);
    }

    /** A learner never seen in this language. */
    public static LearnerState none() {
        return new LearnerState(null, null, Map.of(), 0, LearnerMemoryModel.defaults());
    }
}

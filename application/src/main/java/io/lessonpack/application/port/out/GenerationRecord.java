package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.SessionId;
import java.util.Objects;

/**
 * The record of one generation, stored with the package and logged: which session produced it,
 * who wrote it, what it cost, and how much it changed.
 *
 * @param estimatedCostUsd what the author's calls cost, estimated from the usage and a price table
 * @param repairRounds 0, or 1 when the first draft broke a rule and was repaired
 * @param resumed      whether a stored draft from a failed attempt was reused (no author call)
 * @param wordsWithEvidence words whose memory the lesson's evidence moved or started (the memory
 *                          model's view of the lesson)
 * @param wordsAdded        words the evidence brought into the curriculum (tested or used ones)
 */
public record GenerationRecord(SessionId sessionId, String author, AuthorUsage usage, double estimatedCostUsd,
        int repairRounds, boolean resumed, int reviewWords, int newWords, int resultsConsumed, int wordsWithEvidence,
        int wordsAdded) {

    public GenerationRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(usage, "usage");
        if (!(estimatedCostUsd >= 0) || Double.isInfinite(estimatedCostUsd)) {
            throw new IllegalArgumentException("an estimated cost is finite and not negative");
        }
    }
}

package io.lessonpack.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how a learner's memory-model parameters are refitted from their own word histories,
 * after a lesson is saved and announced.
 *
 * @param refitAfterOutcomes recall outcomes recorded since the last fit that make a refit due
 * @param minScoredReviews   scored reviews (a recall at least a day after the word's previous one) a
 *                           learner's histories must hold before a fit is tried at all
 * @param maxWordsRead       word histories read for one fit at most: the refit's reads stay bounded
 *                           however large the curriculum grows
 * @param holdoutShare       the share of the most recent scored reviews a fit is judged on: it is
 *                           used only if it predicts them better than the defaults (and than the
 *                           learner's current fit)
 * @param minTimeLeft        a refit starts only with this much of the invocation left; otherwise it
 *                           waits for the learner's next lesson
 */
public record MemoryFitting(long refitAfterOutcomes, int minScoredReviews, int maxWordsRead, double holdoutShare,
        Duration minTimeLeft) {

    public MemoryFitting {
        Objects.requireNonNull(minTimeLeft, "minTimeLeft");
        if (refitAfterOutcomes < 1 || minScoredReviews < 1 || maxWordsRead < 1) {
            throw new IllegalArgumentException("refitAfterOutcomes, minScoredReviews and maxWordsRead must be positive");
        }
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("holdoutShare must be within (0, 1)");
        }
        if (minTimeLeft.isNegative()) {
            throw new IllegalArgumentException("minTimeLeft must not be negative");
        }
    }

    /**
     * Refit after 100 new outcomes once 200 scored reviews exist, reading at most 1,000 words, judged
     * on the most recent 20% of scored reviews, with at least 5 s of the invocation left.
     */
    public static MemoryFitting defaults() {
        return new MemoryFitting(100, 200, 1_000, 0.2, Duration.ofSeconds(5));
    }
}

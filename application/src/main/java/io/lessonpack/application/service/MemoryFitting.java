package io.lessonpack.application.service;

import io.lessonpack.application.port.out.LearnerMemoryModel;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how a learner's memory-model parameters are refitted from their own word histories,
 * after a lesson is saved and announced.
 *
 * @param refitAfterOutcomes the fewest recall outcomes since the last fit that make a refit due
 * @param refitGrowth        the growth of the learner's scored reviews since the last fit that makes a
 *                           refit due, as a share of those the last fit saw (with at least
 *                           {@code refitAfterOutcomes} new outcomes): weights from a third fewer
 *                           reviews still predict within about 2% of a refit, never worse than the defaults
 * @param minScoredReviews   scored reviews (a recall at least a day after the word's previous one) a
 *                           learner's histories must hold before a fit is tried at all: below about
 *                           400, fits of a real learner were as often worse than the defaults as better
 * @param maxWordsRead       word histories read for one fit at most: the refit's reads stay bounded
 *                           however large the curriculum grows
 * @param holdoutShare       the share of the most recent scored reviews a fit is judged on: it is
 *                           used only if it predicts them better than the defaults (and than the
 *                           learner's current fit)
 * @param minTimeLeft        a refit starts only with this much of the invocation left; otherwise it
 *                           waits for the learner's next lesson
 */
public record MemoryFitting(long refitAfterOutcomes, double refitGrowth, int minScoredReviews, int maxWordsRead,
        double holdoutShare, Duration minTimeLeft) {

    public MemoryFitting {
        Objects.requireNonNull(minTimeLeft, "minTimeLeft");
        if (refitAfterOutcomes < 1 || minScoredReviews < 1 || maxWordsRead < 1) {
            throw new IllegalArgumentException("refitAfterOutcomes, minScoredReviews and maxWordsRead must be positive");
        }
        if (!(refitGrowth >= 0 && Double.isFinite(refitGrowth))) {
            throw new IllegalArgumentException("refitGrowth must be a finite share >= 0");
        }
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("holdoutShare must be within (0, 1)");
        }
        if (minTimeLeft.isNegative()) {
            throw new IllegalArgumentException("minTimeLeft must not be negative");
        }
    }

    /**
     * A first fit once the outcomes could hold 400 scored reviews, a refit when they grew by a third
     * (and by at least 100 outcomes), reading at most 1,000 words, judged on the most recent 20% of
     * scored reviews, with at least 5 s of the invocation left.
     */
    public static MemoryFitting defaults() {
        return new MemoryFitting(100, 1.0 / 3, 400, 1_000, 0.2, Duration.ofSeconds(5));
    }

    /**
     * Whether a refit is due for {@code model}: enough new outcomes since the last fit, and enough in
     * all that the histories may hold {@link #minScoredReviews()} scored reviews (outcomes count at
     * least the scored reviews, so no read is wasted on a learner who cannot have them).
     */
    public boolean isDue(LearnerMemoryModel model) {
        long growth = (long) Math.ceil(model.scoredAtFit() * refitGrowth);
        return model.outcomesSinceFit() >= Math.max(refitAfterOutcomes, growth)
                && model.scoredAtFit() + model.outcomesSinceFit() >= minScoredReviews;
    }
}

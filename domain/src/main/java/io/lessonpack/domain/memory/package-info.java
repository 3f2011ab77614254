/**
 * The learner's memory of a word, modelled with FSRS-6 (the Free Spaced Repetition Scheduler,
 * open-spaced-repetition; formulas as in py-fsrs 6.3.1 and ts-fsrs 5.x).
 *
 * <p>A word's memory is a {@link io.lessonpack.domain.memory.MemoryState} (stability, difficulty,
 * day of last review). {@link io.lessonpack.domain.memory.Fsrs} turns a
 * {@link io.lessonpack.domain.memory.Rating} on a given day into the next state, predicts the
 * probability of recall (retrievability) on a later day and the interval that keeps it at a desired
 * retention. A word's history is its {@link io.lessonpack.domain.memory.Recall}s in day order;
 * {@link io.lessonpack.domain.memory.FsrsOptimizer} fits the weights to a learner's histories and
 * {@link io.lessonpack.domain.memory.HistoryScore} compares two sets of weights on recent days.
 * {@link io.lessonpack.domain.memory.ReviewLogReplay} scores the predictions against a real review log.
 * Everything here is pure and deterministic: days come in as arguments, nothing reads a clock or a
 * random source.
 */
package io.lessonpack.domain.memory;

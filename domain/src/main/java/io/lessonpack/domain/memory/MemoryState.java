package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the FSRS model knows about the learner's memory of one word after its latest review.
 *
 * <p>Stability S is the number of days after which the probability of recall has fallen to 90%;
 * difficulty D (1..10) is how hard the word is for this learner and slows the growth of S;
 * {@code lastReview} is the UTC day of the latest review, from which elapsed days are counted.
 * States come from {@link Fsrs#first} and {@link Fsrs#review}; build one directly only to restore a
 * stored state.
 *
 * @param stability  days until recall probability is 0.9; at least 0.001
 * @param difficulty 1 (easiest) to 10 (hardest)
 * @param lastReview the UTC day of the latest review
 */
public record MemoryState(double stability, double difficulty, LocalDate lastReview) {

    /** The smallest stability FSRS allows, in days. */
    public static final double MIN_STABILITY = 0.001;
    /** The lowest difficulty. */
    public static final double MIN_DIFFICULTY = 1.0;
    /** The highest difficulty. */
    public static final double MAX_DIFFICULTY = 10.0;

    /**
     * Refuses a state FSRS could never produce.
     *
     * @throws IllegalArgumentException if stability or difficulty is not finite, stability is below
     *                                  0.001, difficulty is outside 1..10
     * @throws NullPointerException     if {@code lastReview} is null
     */
    public MemoryState {
        requireStability(stability);
        if (!Double.isFinite(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be between 1 and 10, got " + difficulty);
        }
        Objects.requireNonNull(lastReview, "lastReview (the UTC day of the latest review) is required");
    }

    /** Refuses a stability FSRS could never produce; shared with {@link Fsrs}'s own arguments. */
    static void requireStability(double stability) {
        if (!Double.isFinite(stability) || stability < MIN_STABILITY) {
            throw new IllegalArgumentException(
                    "stability must be a finite number of days >= " + MIN_STABILITY + ", got " + stability);
        }
    }
}

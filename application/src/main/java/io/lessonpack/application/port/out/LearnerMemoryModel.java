package io.lessonpack.application.port.out;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsParameters;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The learner's own memory-model parameters in one language, and how much evidence arrived since
 * they were last fitted: what decides when to refit them.
 *
 * @param parameters       the fitted weights in use; null while the defaults are used
 * @param fittedOn         the day of the last fit, accepted or not; null before the first
 * @param scoredAtFit      the scored reviews the learner's histories held at the last fit (0 before)
 * @param outcomesSinceFit recall outcomes recorded since the last fit (since the start before it)
 * @param fitVersion       counts the writes of a fit; each write expects the one it read
 */
public record LearnerMemoryModel(FsrsParameters parameters, LocalDate fittedOn, long scoredAtFit,
        long outcomesSinceFit, long fitVersion) {

    public LearnerMemoryModel {
        if (scoredAtFit < 0 || outcomesSinceFit < 0 || fitVersion < 0) {
            throw new IllegalArgumentException("scoredAtFit, outcomesSinceFit and fitVersion are not negative");
        }
    }

    /** A learner with no fit: the default parameters, nothing counted yet. */
    public static LearnerMemoryModel defaults() {
        return new LearnerMemoryModel(null, null, 0, 0, 0);
    }

    /** This model with {@code outcomes} more recorded since the last fit. */
    public LearnerMemoryModel withOutcomes(long outcomes) {
        return new LearnerMemoryModel(parameters, fittedOn, scoredAtFit, outcomesSinceFit + outcomes, fitVersion);
    }

    /** The fitted weights, when the learner has some in use. */
    public Optional<FsrsParameters> fitted() {
        return Optional.ofNullable(parameters);
    }

    /** The day of the last fit, when there was one. */
    public Optional<LocalDate> lastFit() {
        return Optional.ofNullable(fittedOn);
    }

    /** The model to schedule this learner's words with: theirs when fitted, else {@code defaults}. */
    public Fsrs fsrs(Fsrs defaults) {
        Objects.requireNonNull(defaults, "defaults");
        return parameters == null ? defaults : new Fsrs(parameters);
    }
}

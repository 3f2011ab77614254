package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well a model's predicted recall matched what a learner did on recent days: the figures to compare
 * two parameter sets on the same evidence, for example a learner's fitted weights against the defaults
 * before adopting the fit.
 *
 * <p>Every history is replayed in full from its first recall (so the memory state before the scored days
 * is what the model would really have had), and a prediction is scored when its recall falls on or after
 * {@code scoreFrom} and at least one UTC day after the word's previous recall.
 *
 * <pre>{@code
 * Optional<HistoryScore> fitted = HistoryScore.of(new Fsrs(fit.parameters()), histories, since);
 * Optional<HistoryScore> defaults = HistoryScore.of(Fsrs.withDefaults(), histories, since);
 * boolean adopt = fitted.isPresent() && fitted.get().logLoss() < defaults.get().logLoss();
 * }</pre>
 *
 * @param count   predictions scored, at least 1
 * @param logLoss mean of {@code -(y ln p + (1-y) ln(1-p))}, p clipped to [1e-6, 1-1e-6], y = 1 when recalled
 * @param rmse    {@code sqrt(mean((p - y)^2))}, per prediction (not binned)
 */
public record HistoryScore(int count, double logLoss, double rmse) {

    /**
     * Refuses figures no replay could produce.
     *
     * @throws IllegalArgumentException if {@code count} is below 1 or a figure is negative or not finite
     */
    public HistoryScore {
        if (count < 1) {
            throw new IllegalArgumentException("a score needs at least one prediction, got " + count);
        }
        if (!(logLoss >= 0 && Double.isFinite(logLoss)) || !(rmse >= 0 && rmse <= 1)) {
            throw new IllegalArgumentException("log-loss must be finite and >= 0 and RMSE in 0..1, got "
                    + logLoss + " and " + rmse);
        }
    }

    /**
     * Scores a model on the predictions that fall on or after a day.
     *
     * @param fsrs      the model to score
     * @param histories word histories, each one word's recalls in day order
     * @param scoreFrom the first UTC day whose predictions count
     * @return the score, or empty when no prediction falls on or after {@code scoreFrom}
     * @throws IllegalArgumentException if a history goes back in time
     */
    public static Optional<HistoryScore> of(Fsrs fsrs, List<List<Recall>> histories, LocalDate scoreFrom) {
        Objects.requireNonNull(fsrs, "fsrs is required");
        Objects.requireNonNull(histories, "histories are required");
        Objects.requireNonNull(scoreFrom, "scoreFrom is required");
        PredictionTally tally = new PredictionTally();
        for (List<Recall> history : histories) {
            HistoryReplay.replay(fsrs, history, i -> !history.get(i).day().isBefore(scoreFrom), tally);
        }
        return tally.count() == 0
                ? Optional.empty()
                : Optional.of(new HistoryScore(tally.count(), tally.logLoss(), tally.rmse()));
    }
}

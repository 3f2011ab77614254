package io.lessonpack.domain.memory;

/**
 * Running sums of scored predictions: each a predicted probability of recall and whether the learner
 * recalled. {@link ReviewLogReplay} and {@link HistoryScore} both read their figures from here, so a
 * log and a set of word histories are scored by exactly the same arithmetic.
 *
 * <p>Log-loss clips each prediction to {@code [EPSILON, 1 - EPSILON]}; RMSE uses it as it is.
 */
final class PredictionTally {

    /** Predictions are clipped to [EPSILON, 1 - EPSILON] before taking logarithms. */
    static final double EPSILON = 1e-6;

    private int count;
    private int recalled;
    private double logLossSum;
    private double squaredErrorSum;

    /** Adds one prediction {@code p} of an outcome ({@code recalled} is y = 1, otherwise y = 0). */
    void add(double p, boolean wasRecalled) {
        double y = wasRecalled ? 1.0 : 0.0;
        count++;
        recalled += wasRecalled ? 1 : 0;
        logLossSum += logLoss(p, y);
        squaredErrorSum += (p - y) * (p - y);
    }

    int count() {
        return count;
    }

    /** Mean of {@code -(y ln p + (1-y) ln(1-p))}, p clipped; NaN when nothing was added. */
    double logLoss() {
        return logLossSum / count;
    }

    /** {@code sqrt(mean((p - y)^2))}; NaN when nothing was added. */
    double rmse() {
        return Math.sqrt(squaredErrorSum / count);
    }

    /** The fraction of outcomes that were recalled. */
    double meanRecall() {
        return (double) recalled / count;
    }

    /** The log-loss of always predicting {@link #meanRecall()}. */
    double constantLogLoss() {
        double m = meanRecall();
        return m * logLoss(m, 1) + (1 - m) * logLoss(m, 0);
    }

    /** The RMSE of always predicting {@link #meanRecall()}. */
    double constantRmse() {
        double m = meanRecall();
        return Math.sqrt(m * (1 - m) * (1 - m) + (1 - m) * m * m);
    }

    /** The log-loss of one prediction, p clipped to [EPSILON, 1 - EPSILON]. */
    static double logLoss(double p, double y) {
        double clipped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return -(y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped));
    }
}

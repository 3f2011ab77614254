package io.lessonpack.domain.memory;

import java.util.List;
import java.util.Objects;

/**
 * Fits the 21 FSRS-6 weights to one learner's word histories, so the memory model predicts that
 * learner's recall rather than the median Anki user's.
 *
 * <p><b>Objective.</b> Each history is replayed from its first recall with the candidate weights (the
 * same-day formula for several recalls on one day), and every recall at least one day after the word's
 * previous one is a prediction {@code R(t, S)} of the outcome (recalled when the rating is Hard or
 * better). The fit minimises their mean log-loss plus a pull towards a prior (the defaults unless
 * another is given):
 * <pre>
 *   mean log-loss  +  (penaltyStrength / n) * sum over i of ((w_i - prior_i) / spread_i)^2
 * </pre>
 * where n is the number of scored reviews and spread_i how much weight i varies between Anki users. With
 * little history the pull dominates and the fit stays near the prior; as n grows the data take over.
 * The penalty strength defaults to 1, as in the FSRS optimizers.
 *
 * <p><b>Bounds.</b> Every weight stays in the FSRS optimizer's clipping range for it (see
 * {@code WeightBounds}), so the fitted model is always one {@link Fsrs} can run and the formulas keep
 * their meaning.
 *
 * <p><b>Method.</b> Limited-memory BFGS on the weights divided by their spreads, steps projected into the
 * bounds, from the prior, with the exact gradient of the objective. Deterministic (no randomness, a fixed
 * order of work) and bounded by {@code maxIterations}; a fit of about 9,000 reviews takes a fraction of a
 * second.
 *
 * <pre>{@code
 * List<List<Recall>> histories = ...;   // one list per word, in day order
 * FsrsOptimizer.Fit fit = new FsrsOptimizer().fit(histories);
 * Fsrs learnerModel = new Fsrs(fit.parameters());
 * }</pre>
 */
public final class FsrsOptimizer {

    /** The weight of the pull towards the prior, per scored review: 1, as in the FSRS optimizers. */
    public static final double DEFAULT_PENALTY_STRENGTH = 1.0;
    /** The most iterations a fit takes by default; fits of the sample log converge well before. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    private final FsrsParameters prior;
    private final double penaltyStrength;
    private final int maxIterations;

    /** An optimizer that starts from and pulls towards the FSRS-6 defaults. */
    public FsrsOptimizer() {
        this(FsrsParameters.defaults(), DEFAULT_PENALTY_STRENGTH, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * An optimizer that starts from and pulls towards a given prior, with the default settings.
     *
     * @param prior for example a learner's previous fit
     */
    public FsrsOptimizer(FsrsParameters prior) {
        this(prior, DEFAULT_PENALTY_STRENGTH, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * An optimizer with its own prior and settings.
     *
     * @param prior           where the fit starts (moved into the bounds) and what the penalty pulls
     *                        towards, for example a learner's previous fit
     * @param penaltyStrength the penalty's weight per scored review, at least 0 (0 is no penalty)
     * @param maxIterations   the most iterations a fit may take, at least 1
     * @throws IllegalArgumentException if the strength is negative or not finite, or the cap is below 1
     */
    public FsrsOptimizer(FsrsParameters prior, double penaltyStrength, int maxIterations) {
        this.prior = Objects.requireNonNull(prior, "prior is required");
        if (!(penaltyStrength >= 0 && Double.isFinite(penaltyStrength))) {
            throw new IllegalArgumentException("penalty strength must be a finite number >= 0, got " + penaltyStrength);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
        }
        this.penaltyStrength = penaltyStrength;
        this.maxIterations = maxIterations;
    }

    /**
     * What a fit found.
     *
     * @param parameters     the fitted weights, each within its bounds
     * @param scoredReviews  the predictions the fit was scored on (recalls a day or more after the previous)
     * @param logLoss        the fitted weights' mean log-loss on those predictions (without the penalty)
     * @param priorLogLoss   the prior's mean log-loss on the same predictions
     * @param iterations     optimizer iterations taken
     */
    public record Fit(FsrsParameters parameters, int scoredReviews, double logLoss, double priorLogLoss,
            int iterations) {

        /** Refuses an incomplete fit. */
        public Fit {
            Objects.requireNonNull(parameters, "parameters are required");
        }
    }

    /**
     * How many predictions a fit on these histories would be scored on: recalls at least one UTC day after
     * the previous recall of their word. Compare it with a threshold before fitting.
     *
     * @param histories word histories, each in day order
     * @return the number of scored reviews
     * @throws IllegalArgumentException if a history goes back in time
     */
    public static int scoredReviews(List<List<Recall>> histories) {
        return FitObjective.of(Objects.requireNonNull(histories, "histories are required")).scoredReviews();
    }

    /**
     * Fits the weights to word histories.
     *
     * @param histories one list per word, its recalls in day order (several on one day are allowed)
     * @return the fitted weights and figures
     * @throws IllegalArgumentException if no recall can be scored (see {@link #scoredReviews}) or a history
     *                                  goes back in time
     */
    public Fit fit(List<List<Recall>> histories) {
        FitObjective objective = FitObjective.of(Objects.requireNonNull(histories, "histories are required"));
        int n = objective.scoredReviews();
        if (n == 0) {
            throw new IllegalArgumentException("nothing to fit: no word in the " + histories.size()
                    + " histories was recalled again on a later day");
        }
        double[] centre = prior.toArray();
        double pull = penaltyStrength / n;
        double[] spread = WeightBounds.SPREAD;
        BoxMinimizer.Objective penalised = (x, gradient) -> {
            double[] w = times(x, spread);
            double value = objective.logLoss(w, gradient);
            for (int i = 0; i < w.length; i++) {
                double z = (w[i] - centre[i]) / spread[i];
                value += pull * z * z;
                gradient[i] = (gradient[i] + 2 * pull * z / spread[i]) * spread[i];
            }
            return value;
        };
        BoxMinimizer minimizer = new BoxMinimizer(
                over(WeightBounds.LOWER, spread), over(WeightBounds.UPPER, spread), maxIterations);
        BoxMinimizer.Result result = minimizer.minimize(penalised, over(WeightBounds.clamp(centre), spread));
        double[] fitted = WeightBounds.clamp(times(result.x(), spread));
        double[] unused = new double[FsrsParameters.COUNT];
        return new Fit(new FsrsParameters(fitted), n, objective.logLoss(fitted, unused),
                objective.logLoss(centre, unused), result.iterations());
    }

    private static double[] times(double[] a, double[] b) {
        double[] product = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            product[i] = a[i] * b[i];
        }
        return product;
    }

    private static double[] over(double[] a, double[] b) {
        double[] quotient = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            quotient[i] = a[i] / b[i];
        }
        return quotient;
    }
}

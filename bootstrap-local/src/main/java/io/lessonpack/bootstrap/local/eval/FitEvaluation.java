package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsOptimizer;
import io.lessonpack.domain.memory.FsrsOptimizer.Fit;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code eval-scheduler FILE.csv --fit}: fits the weights on the earliest reviews of a log and prints how
 * the fitted and the default weights predict the later ones, with the fitted weights and the time the fit
 * took. The split is a {@link TimeSplit}; the figures depend only on the log and the share.
 */
final class FitEvaluation {

    private final Fsrs baseline;
    private final EvalOptions options;

    FitEvaluation(Fsrs baseline, EvalOptions options) {
        this.baseline = baseline;
        this.options = options;
    }

    void run(Path file, List<Review> reviews, PrintStream out, PrintStream err) {
        List<Review> log = TimeSplit.inTimeOrder(reviews);
        TimeSplit split = TimeSplit.atShare(log, options.trainShare());
        err.printf(Locale.ROOT, "%s: fitting FSRS-6 on the reviews before %s ...%n", EvalSchedulerCommand.NAME,
                split.cutoff());
        FsrsOptimizer optimizer = new FsrsOptimizer(baseline.parameters(), options.penaltyStrength(),
                FsrsOptimizer.DEFAULT_MAX_ITERATIONS);
        TimeSplit.Outcome outcome = split.fitAndScore(optimizer, baseline, log, UnaryOperator.identity());
        int training = split.trainingReviews(log).size();
        print(file, log.size(), training, split, outcome, out);
    }

    private void print(Path file, int reviews, int training, TimeSplit split, TimeSplit.Outcome o,
            PrintStream out) {
        Fit fit = o.fit();
        ReplayReport d = o.defaults();
        ReplayReport f = o.fitted();
        out.printf(Locale.ROOT, "Scheduler evaluation: FSRS-6 fitted on the first %s of %s, tested on the rest%n",
                percent(options.trainShare()), file.getFileName());
        out.printf(Locale.ROOT, "  cards                %d%n", d.cards());
        out.printf(Locale.ROOT, "  reviews              %d  (train: %d before %s; test: %d from then on)%n",
                reviews, training, split.cutoff(), reviews - training);
        out.printf(Locale.ROOT, "  fit                  %d scored reviews, %d iterations, %.2f s, penalty %s%n",
                fit.scoredReviews(), fit.iterations(), o.fitNanos() / 1e9, number(options.penaltyStrength()));
        out.printf(Locale.ROOT, "  training log-loss    %.4f fitted, %.4f default%n", fit.logLoss(), fit.priorLogLoss());
        out.printf(Locale.ROOT, "  test predictions     %d  (test reviews a UTC day or more after the card's previous;"
                + " every card replayed in full)%n", f.scoredPredictions());
        out.printf(Locale.ROOT, "  test mean recall     %.4f%n", f.meanRecall());
        out.println();
        out.printf(Locale.ROOT, "  %-24s %9s %9s%n", "predictor (test part)", "log-loss", "RMSE");
        out.printf(Locale.ROOT, "  %-24s %9.4f %9.4f%n", "FSRS-6 default", d.logLoss(), d.rmse());
        out.printf(Locale.ROOT, "  %-24s %9.4f %9.4f%n", "FSRS-6 fitted", f.logLoss(), f.rmse());
        out.printf(Locale.ROOT, "  %-24s %9.4f %9.4f%n", String.format(Locale.ROOT, "constant %.4f", f.meanRecall()),
                f.constantLogLoss(), f.constantRmse());
        out.println();
        out.println("  fitted weights w0..w20");
        out.println(weights(fit.parameters()));
        out.println();
        out.println(EvalSchedulerCommand.verdict("the fitted weights predict", "the defaults on the test part",
                f.logLoss(), d.logLoss(), f.rmse(), d.rmse()));
    }

    private static String weights(FsrsParameters parameters) {
        StringBuilder lines = new StringBuilder("   ");
        for (int i = 0; i < FsrsParameters.COUNT; i++) {
            lines.append(String.format(Locale.ROOT, " %.4f", parameters.w(i)));
            if (i == 10) {
                lines.append(System.lineSeparator()).append("   ");
            }
        }
        return lines.toString();
    }

    private static String percent(double share) {
        return number(100 * share) + "%";
    }

    /** A number to at most six decimals, without trailing zeros: 0.7, 1, 12.5. */
    static String number(double value) {
        String fixed = String.format(Locale.ROOT, "%.6f", value);
        return fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

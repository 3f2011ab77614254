package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsOptimizer;
import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code eval-scheduler FILE.csv --learning-curve}: how a fit improves as a learner's history grows, the
 * evidence behind lessonpack's thresholds for fitting a learner's own weights.
 *
 * <p>The log stands in for one learner whose history grows. For each size N in {@link #SIZES} the fit
 * sees the earliest reviews of the log up to its N-th scored review (a review a UTC day or more after its
 * card's previous one) and is scored on the reviews that follow, the next {@link #WINDOW_SHARE} of the
 * log, next to the default weights and to the weights fitted when the learner had 3/4 and 1/2 as many
 * scored reviews (what the learner would still have without a refit). Then:
 * <ul>
 *   <li>the adoption check: a fit on the first 80% of the N is compared with the defaults on the last 20%
 *       (the learner's most recent evidence, held out), and the fit on all N is adopted only if it won;</li>
 *   <li>the same curve for four disjoint quarters of the cards, each a smaller learner of its own;</li>
 *   <li>the history cap ({@link HistoryCapCheck}).</li>
 * </ul>
 */
final class LearningCurve {

    /** The training sizes, in scored reviews. */
    static final List<Integer> SIZES = List.of(50, 100, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200);
    /** The share of the log's reviews after each prefix that scores its fit. */
    static final double WINDOW_SHARE = 0.2;
    /** The share of a learner's most recent scored reviews held out to decide whether to adopt a fit. */
    static final double CHECK_SHARE = 0.2;
    private static final int QUARTERS = 4;

    private final Fsrs baseline;
    private final EvalOptions options;
    private final FsrsOptimizer optimizer;

    LearningCurve(Fsrs baseline, EvalOptions options) {
        this.baseline = baseline;
        this.options = options;
        this.optimizer = new FsrsOptimizer(baseline.parameters(), options.penaltyStrength(),
                FsrsOptimizer.DEFAULT_MAX_ITERATIONS);
    }

    /** One size of one learner: the fit on its first N scored reviews, scored on what follows. */
    private record Point(int size, TimeSplit split, TimeSplit.Outcome outcome) {

        double gain() {
            return 100 * (outcome.defaults().logLoss() - outcome.fitted().logLoss()) / outcome.defaults().logLoss();
        }
    }

    void run(Path file, List<Review> reviews, PrintStream out, PrintStream err) {
        List<Review> log = TimeSplit.inTimeOrder(reviews);
        int window = (int) Math.round(WINDOW_SHARE * log.size());
        out.printf(Locale.ROOT, "Learning curve: FSRS-6 fitted on the earliest reviews of %s (%d reviews),"
                + " each fit scored on the next %d reviews; penalty %s%n", file.getFileName(), log.size(), window,
                FitEvaluation.number(options.penaltyStrength()));
        out.println();
        err.printf(Locale.ROOT, "%s: fitting on growing prefixes ...%n", EvalSchedulerCommand.NAME);
        List<Point> curve = curve(log);
        printCurve(log, curve, out);
        printAdoption(log, curve, out);
        printQuarters(log, out);
        err.printf(Locale.ROOT, "%s: fitting with capped histories ...%n", EvalSchedulerCommand.NAME);
        new HistoryCapCheck(optimizer, baseline).run(log, TimeSplit.atShare(log, options.trainShare()),
                options.trainShare(), out);
    }

    private List<Point> curve(List<Review> log) {
        int window = (int) Math.round(WINDOW_SHARE * log.size());
        List<Point> points = new ArrayList<>();
        for (int size : SIZES) {
            TimeSplit.afterScored(log, size, window).ifPresent(split -> points.add(
                    new Point(size, split, split.fitAndScore(optimizer, baseline, log, UnaryOperator.identity()))));
        }
        return points;
    }

    private void printCurve(List<Review> log, List<Point> curve, PrintStream out) {
        out.printf(Locale.ROOT, "  %-28s | %-68s | %s%n", "fitted on",
                "scored on the following reviews: log-loss, RMSE", "fit");
        out.printf(Locale.ROOT, "  %6s %7s %5s %7s | %6s %8s %8s %7s %8s %8s %8s %8s | %5s %4s%n", "scored", "reviews",
                "days", "words", "preds", "default", "fitted", "gain", "3N/4 fit", "N/2 fit", "default", "fitted",
                "ms", "iter");
        for (Point p : curve) {
            ReplayReport d = p.outcome().defaults();
            ReplayReport f = p.outcome().fitted();
            List<Review> training = p.split().trainingReviews(log);
            out.printf(Locale.ROOT, "  %6d %7d %5d %7d | %6d %8.4f %8.4f %6.1f%% %8s %8s %8.4f %8.4f | %5d %4d%n",
                    p.outcome().fit().scoredReviews(), training.size(),
                    Duration.between(log.get(0).time(), p.split().cutoff()).toDays(),
                    training.stream().map(Review::cardId).distinct().count(),
                    f.scoredPredictions(), d.logLoss(), f.logLoss(), p.gain(),
                    earlierFit(log, p, 0.75), earlierFit(log, p, 0.5), d.rmse(), f.rmse(),
                    p.outcome().fitNanos() / 1_000_000, p.outcome().fit().iterations());
        }
        int missing = SIZES.size() - curve.size();
        if (missing > 0) {
            out.printf(Locale.ROOT, "  (%d larger sizes left out: the log has no reviews left after that many scored ones)%n",
                    missing);
        }
        out.println("  gain: how much lower the fitted log-loss is than the default's; 3N/4 fit, N/2 fit: the log-loss"
                + " of the weights fitted when the learner had 3/4 or 1/2 as many scored reviews, not refitted since");
        out.println();
    }

    /** The log-loss on a point's window of the weights fitted on a fraction of its scored reviews. */
    private String earlierFit(List<Review> log, Point p, double fraction) {
        int size = (int) Math.round(fraction * p.size());
        return TimeSplit.afterScored(log, size, 0)
                .map(earlier -> optimizer.fit(earlier.training(log, UnaryOperator.identity())))
                .map(fit -> f4(p.split().score(new Fsrs(fit.parameters()), log).logLoss()))
                .orElse("-");
    }

    /**
     * Adopting a fit only when it beats the defaults on the learner's most recent scored reviews: judged
     * honestly (a fit that has not seen them) and in-sample (the fit on all N, which has).
     */
    private void printAdoption(List<Review> log, List<Point> curve, PrintStream out) {
        out.printf(Locale.ROOT, "Adoption check: judge a fit on the last %s of the N scored reviews against the defaults;"
                + " adopt the fit on all N only if it won%n", FitEvaluation.number(100 * CHECK_SHARE) + "%");
        out.printf(Locale.ROOT, "  %6s | %-15s | %-15s | %-15s | %s%n", "", "last " + FitEvaluation.number(100 * CHECK_SHARE) + "% of N", "fit on " + FitEvaluation.number(100 * (1 - CHECK_SHARE)) + "% of N",
                "fit on all N", "the following reviews");
        out.printf(Locale.ROOT, "  %6s | %6s %8s | %8s %6s | %8s %6s | %8s %8s %8s%n", "scored", "preds", "default",
                "fitted", "adopt", "fitted", "adopt", "default", "fitted", "adopted");
        for (Point p : curve) {
            int early = (int) Math.round((1 - CHECK_SHARE) * p.size());
            Optional<TimeSplit> before = TimeSplit.afterScored(log, early, 0);
            if (before.isEmpty() || early < 1) {
                continue;
            }
            TimeSplit check = new TimeSplit(before.get().cutoff(), p.split().cutoff());
            TimeSplit.Outcome heldOut = check.fitAndScore(optimizer, baseline, log, UnaryOperator.identity());
            double inSample = check.score(new Fsrs(p.outcome().fit().parameters()), log).logLoss();
            double defaults = heldOut.defaults().logLoss();
            boolean adopt = heldOut.fitted().logLoss() < defaults;
            ReplayReport window = adopt ? p.outcome().fitted() : p.outcome().defaults();
            out.printf(Locale.ROOT, "  %6d | %6d %8.4f | %8.4f %6s | %8.4f %6s | %8.4f %8.4f %8.4f%n", p.size(),
                    heldOut.defaults().scoredPredictions(), defaults, heldOut.fitted().logLoss(), yes(adopt),
                    inSample, yes(inSample < defaults), p.outcome().defaults().logLoss(),
                    p.outcome().fitted().logLoss(), window.logLoss());
        }
        out.println("  the fit on 80% of N has not seen the last 20% (a held-out check), the fit on all N has (in-sample);"
                + " adopted: the model the held-out check picks, scored on the following reviews as above");
        out.println();
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }

    /** The curve again for disjoint quarters of the cards, each a smaller learner with its own history. */
    private void printQuarters(List<Review> log, PrintStream out) {
        Map<String, Integer> quarterOf = new LinkedHashMap<>();
        log.forEach(review -> quarterOf.computeIfAbsent(review.cardId(), id -> quarterOf.size() % QUARTERS));
        List<List<Point>> curves = new ArrayList<>();
        for (int q = 0; q < QUARTERS; q++) {
            int quarter = q;
            curves.add(curve(log.stream().filter(r -> quarterOf.get(r.cardId()) == quarter).toList()));
        }
        out.printf(Locale.ROOT, "Quarters: the cards dealt in turn into %d disjoint learners, each fitted on its"
                + " earliest reviews and scored on its next %s%n", QUARTERS, FitEvaluation.number(100 * WINDOW_SHARE) + "%");
        out.printf(Locale.ROOT, "  %6s | %-35s | %5s %9s %9s%n", "scored", "gain of the fit per quarter", "wins",
                "mean gain", "preds");
        for (int size : SIZES) {
            List<Point> points = curves.stream().flatMap(c -> c.stream().filter(p -> p.size() == size)).toList();
            if (points.isEmpty()) {
                continue;
            }
            String gains = String.join(" ", points.stream()
                    .map(p -> String.format(Locale.ROOT, "%7.1f%%", p.gain())).toList());
            out.printf(Locale.ROOT, "  %6d | %-35s | %2d/%-2d %8.1f%% %9d%n", size, gains,
                    points.stream().filter(p -> p.gain() > 0).count(), points.size(),
                    points.stream().mapToDouble(Point::gain).average().orElseThrow(),
                    points.stream().mapToInt(p -> p.outcome().fitted().scoredPredictions()).sum() / points.size());
        }
        out.println("  preds: the mean number of predictions a quarter's fit was scored on");
        out.println();
    }

    private static String f4(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

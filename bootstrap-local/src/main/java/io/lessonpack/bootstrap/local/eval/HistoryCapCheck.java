package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsOptimizer;
import io.lessonpack.domain.memory.FsrsOptimizer.Fit;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Part of {@link LearningCurve}: does keeping only a bounded history per word change the fit? The fit on
 * a split's training part is repeated with every word's history capped ({@link #capped}) and scored on
 * the test part, where every card is still replayed in full, so only the fit differs.
 */
final class HistoryCapCheck {

    /** History caps in recall days, the first being lessonpack's. */
    static final List<Integer> CAPS = List.of(32, 16, 8, 4);

    private final FsrsOptimizer optimizer;
    private final Fsrs baseline;

    HistoryCapCheck(FsrsOptimizer optimizer, Fsrs baseline) {
        this.optimizer = optimizer;
        this.baseline = baseline;
    }

    void run(List<Review> log, TimeSplit split, double trainShare, PrintStream out) {
        TimeSplit.Outcome whole = split.fitAndScore(optimizer, baseline, log, UnaryOperator.identity());
        List<List<Recall>> histories = split.training(log, UnaryOperator.identity());
        out.printf(Locale.ROOT, "History cap: fitted on the first %s of the log, scored on the rest; a capped history"
                + " keeps its first recall and its most recent recall days%n",
                FitEvaluation.number(100 * trainShare) + "%");
        out.printf(Locale.ROOT, "  most recall days of a word in the training part: %d%n",
                histories.stream().mapToInt(HistoryCapCheck::recallDays).max().orElse(0));
        out.printf(Locale.ROOT, "  %-11s %12s %15s %14s  %s%n", "cap (days)", "words capped", "recalls dropped",
                "test log-loss", "largest weight change");
        out.printf(Locale.ROOT, "  %-11s %12d %15d %14.4f  %s%n", "none", 0, 0, whole.fitted().logLoss(), "-");
        for (int cap : CAPS) {
            UnaryOperator<List<Recall>> capping = history -> capped(history, cap);
            TimeSplit.Outcome capped = split.fitAndScore(optimizer, baseline, log, capping);
            int wordsCapped = (int) histories.stream().filter(h -> capping.apply(h).size() < h.size()).count();
            int dropped = histories.stream().mapToInt(h -> h.size() - capping.apply(h).size()).sum();
            out.printf(Locale.ROOT, "  %-11d %12d %15d %14.4f  %s%n", cap, wordsCapped, dropped,
                    capped.fitted().logLoss(), largestChange(whole.fit(), capped.fit()));
        }
    }

    /**
     * A history cut to at most {@code recallDays} days: its first recall and every recall on its most
     * recent {@code recallDays - 1} days. A history on fewer days is returned as it is.
     */
    static List<Recall> capped(List<Recall> history, int recallDays) {
        List<LocalDate> days = history.stream().map(Recall::day).distinct().toList();
        if (days.size() <= recallDays) {
            return history;
        }
        LocalDate keepFrom = days.get(days.size() - (recallDays - 1));
        List<Recall> kept = new ArrayList<>(List.of(history.get(0)));
        history.stream().filter(recall -> !recall.day().isBefore(keepFrom)).forEach(kept::add);
        return List.copyOf(kept);
    }

    private static int recallDays(List<Recall> history) {
        return (int) history.stream().map(Recall::day).distinct().count();
    }

    private static String largestChange(Fit reference, Fit other) {
        int at = 0;
        double largest = 0;
        for (int i = 0; i < FsrsParameters.COUNT; i++) {
            double change = other.parameters().w(i) - reference.parameters().w(i);
            if (Math.abs(change) > Math.abs(largest)) {
                largest = change;
                at = i;
            }
        }
        return largest == 0 ? "none (identical weights)" : String.format(Locale.ROOT, "w%d %+.4f", at, largest);
    }
}

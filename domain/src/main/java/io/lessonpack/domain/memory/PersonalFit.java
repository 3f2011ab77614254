package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the memory-model parameters one learner's words are scheduled with, from their own word
 * histories: the defaults, the learner's current fit, or a new fit, whichever predicts the learner's
 * most recent reviews best.
 *
 * <p>The most recent {@code holdoutShare} of the scored reviews (recalls at least a day after the
 * word's previous one) is held out: a new fit is made only on the recalls before its first day, and
 * the three candidates are scored on the held-out reviews with every history replayed in full. A fit
 * is used only when it beats the defaults there (and the current fit, when there is one); so a fit
 * that does not predict the learner's latest evidence better than the defaults is never used. No
 * fit is tried below {@code minScoredReviews}: on a real log, fits of a few hundred reviews were as
 * often worse than the defaults as better.
 *
 * <pre>{@code
 * PersonalFit.Choice choice = new PersonalFit(400, 0.2).choose(histories, currentOrNull);
 * }</pre>
 */
public final class PersonalFit {

    private final int minScoredReviews;
    private final double holdoutShare;

    /**
     * @param minScoredReviews scored reviews needed before a fit is tried, at least 2
     * @param holdoutShare     the share of the most recent scored reviews the candidates are judged on, in (0, 1)
     */
    public PersonalFit(int minScoredReviews, double holdoutShare) {
        if (minScoredReviews < 2) {
            throw new IllegalArgumentException("minScoredReviews must be at least 2, got " + minScoredReviews);
        }
        if (!(holdoutShare > 0 && holdoutShare < 1)) {
            throw new IllegalArgumentException("holdoutShare must be within (0, 1), got " + holdoutShare);
        }
        this.minScoredReviews = minScoredReviews;
        this.holdoutShare = holdoutShare;
    }

    /** What {@link #choose} decided. */
    public sealed interface Choice {

        /** The scored reviews the histories hold. */
        int scoredReviews();

        /** Too few scored reviews (or too few before the held-out days) to fit: keep what is in use. */
        record TooLittle(int scoredReviews) implements Choice {
        }

        /**
         * A judged fit.
         *
         * @param parameters      the weights to use from now on; null: the defaults
         * @param heldOutFrom     the first day of the held-out reviews
         * @param heldOut         the held-out predictions the candidates were scored on
         * @param defaultsLogLoss the defaults' log-loss on them
         * @param currentLogLoss  the current fit's log-loss on them; NaN when the learner had none
         * @param fittedLogLoss   the new fit's log-loss on them
         * @param winner          which candidate won: the defaults, the current fit or the new one
         */
        record Judged(FsrsParameters parameters, int scoredReviews, LocalDate heldOutFrom, int heldOut,
                double defaultsLogLoss, double currentLogLoss, double fittedLogLoss, Winner winner) implements Choice {
        }

        /** The candidates. */
        enum Winner { DEFAULTS, CURRENT, FITTED }
    }

    /**
     * Chooses the parameters.
     *
     * @param histories the learner's word histories (a bounded sample of them is enough)
     * @param current   the learner's current fit; null when the defaults are in use
     */
    public Choice choose(List<RecallHistory> histories, FsrsParameters current) {
        List<List<Recall>> all = histories.stream().map(RecallHistory::recalls).filter(r -> !r.isEmpty()).toList();
        List<LocalDate> scoredDays = scoredDays(all);
        int scored = scoredDays.size();
        if (scored < minScoredReviews) {
            return new Choice.TooLittle(scored);
        }
        LocalDate heldOutFrom = scoredDays.get((int) Math.floor(scored * (1 - holdoutShare)));
        List<List<Recall>> training = all.stream()
                .map(h -> h.stream().filter(r -> r.day().isBefore(heldOutFrom)).toList())
                .filter(h -> !h.isEmpty()).toList();
        if (FsrsOptimizer.scoredReviews(training) == 0) {
            return new Choice.TooLittle(scored);
        }
        FsrsParameters fitted = new FsrsOptimizer().fit(training).parameters();
        HistoryScore defaults = score(Fsrs.withDefaults(), all, heldOutFrom);
        HistoryScore fit = score(new Fsrs(fitted), all, heldOutFrom);
        double currentLoss = current == null ? Double.NaN : score(new Fsrs(current), all, heldOutFrom).logLoss();
        Choice.Winner winner = current != null && currentLoss < defaults.logLoss() ? Choice.Winner.CURRENT
                : Choice.Winner.DEFAULTS;
        double best = winner == Choice.Winner.CURRENT ? currentLoss : defaults.logLoss();
        if (fit.logLoss() < best) {
            winner = Choice.Winner.FITTED;
        }
        FsrsParameters chosen = switch (winner) {
            case DEFAULTS -> null;
            case CURRENT -> current;
            case FITTED -> fitted;
        };
        return new Choice.Judged(chosen, scored, heldOutFrom, defaults.count(), defaults.logLoss(), currentLoss,
                fit.logLoss(), winner);
    }

    private static HistoryScore score(Fsrs fsrs, List<List<Recall>> histories, LocalDate from) {
        return HistoryScore.of(fsrs, histories, from).orElseThrow(() ->
                new IllegalStateException("no held-out prediction from " + from + ", though its day was taken from one"));
    }

    /** The day of every scored review (a recall at least a day after its word's previous one), sorted. */
    private static List<LocalDate> scoredDays(List<List<Recall>> histories) {
        List<LocalDate> days = new ArrayList<>();
        for (List<Recall> history : histories) {
            for (int i = 0; i < history.size(); i++) {
                if (HistoryReplay.predicts(history, i)) {
                    days.add(history.get(i).day());
                }
            }
        }
        days.sort(null);
        return days;
    }
}

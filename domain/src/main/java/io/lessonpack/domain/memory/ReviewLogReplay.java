package io.lessonpack.domain.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Offline evaluation of the memory model on a real review log: replays every card's history through
 * {@link Fsrs} (by the same replay as {@link HistoryScore}) and scores each predicted probability of
 * recall against what the learner actually did, next to a constant predictor that always says "the
 * average recall rate".
 *
 * <p>Per card, reviews are taken in time order (a stable sort, so equal times keep their log order).
 * The first review sets the state with {@link Fsrs#first}. Before each later review, t is the number of
 * days between the UTC dates of the previous review and this one; when t >= 1 the model predicts
 * {@code p = R(t, S)} and is scored against {@code y = rating.recalled()}. Same-day reviews (t = 0)
 * update the state with the same-day formula and are not scored, as in srs-benchmark. The log order and
 * the card interleaving do not matter. {@link #replay(List, Predicate)} scores only selected reviews, for
 * an evaluation on a held-out part of the log.
 *
 * <pre>{@code
 * ReviewLogReplay.ReplayReport report = new ReviewLogReplay(Fsrs.withDefaults()).replay(reviews);
 * report.logLoss() < report.constantLogLoss();   // FSRS beats the average
 * }</pre>
 */
public final class ReviewLogReplay {

    /** Predictions are clipped to [EPSILON, 1 - EPSILON] before taking logarithms. */
    public static final double EPSILON = PredictionTally.EPSILON;

    private final Fsrs fsrs;

    /**
     * A replay that scores the given model.
     *
     * @param fsrs the model whose predictions are scored
     */
    public ReviewLogReplay(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs is required");
    }

    /**
     * One line of a review log: a card was rated at an instant.
     *
     * @param cardId identifies the card (word) across the log; not blank
     * @param rating how the review went
     * @param time   when it happened; its UTC date is the review day
     */
    public record Review(String cardId, Rating rating, Instant time) {

        /**
         * Refuses an incomplete review.
         *
         * @throws IllegalArgumentException if {@code cardId} is blank
         * @throws NullPointerException     if any component is null
         */
        public Review {
            Objects.requireNonNull(cardId, "cardId is required");
            Objects.requireNonNull(rating, "rating is required");
            Objects.requireNonNull(time, "time is required");
            if (cardId.isBlank()) {
                throw new IllegalArgumentException("cardId must not be blank");
            }
        }
    }

    /**
     * The scores of one replay. The RMSE here is over individual predictions, not the binned RMSE that
     * srs-benchmark reports, so the two are not comparable.
     *
     * @param cards             distinct cards in the log
     * @param reviews           reviews in the log
     * @param scoredPredictions scored reviews: selected ones (all, unless a selection was given) at least
     *                          one UTC day after the card's previous review
     * @param logLoss           mean of {@code -(y ln p + (1-y) ln(1-p))} over scored predictions,
     *                          p clipped to [1e-6, 1-1e-6]
     * @param rmse              {@code sqrt(mean((p - y)^2))} over scored predictions
     * @param meanRecall        the fraction of scored reviews that were recalled
     * @param constantLogLoss   the log-loss of always predicting {@code meanRecall}
     * @param constantRmse      the RMSE of always predicting {@code meanRecall}
     */
    public record ReplayReport(
            int cards,
            int reviews,
            int scoredPredictions,
            double logLoss,
            double rmse,
            double meanRecall,
            double constantLogLoss,
            double constantRmse) {
    }

    /**
     * Replays a review log and scores the model on every review it can.
     *
     * @param reviews the log, in any order
     * @return the scores
     * @throws IllegalArgumentException if no review can be scored (every card was reviewed on one UTC
     *                                  day only, or the log is empty)
     */
    public ReplayReport replay(List<Review> reviews) {
        return replay(reviews, review -> true, "no card was reviewed again on a later UTC day");
    }

    /**
     * Replays a review log in full and scores the model only on the selected reviews, for example those
     * after the end of a training period. Every card's state still runs through its whole history; the
     * selection decides only which of its predictions count.
     *
     * <pre>{@code
     * Instant cutoff = ...;   // the end of the training part
     * replay.replay(reviews, review -> !review.time().isBefore(cutoff));
     * }</pre>
     *
     * @param reviews the log, in any order
     * @param scored  which reviews may be scored (they also need to be a UTC day after the card's previous)
     * @return the scores of the selected reviews
     * @throws IllegalArgumentException if no selected review can be scored
     */
    public ReplayReport replay(List<Review> reviews, Predicate<Review> scored) {
        Objects.requireNonNull(scored, "scored is required");
        return replay(reviews, scored, "no selected review came a UTC day or more after its card's previous review");
    }

    /**
     * The log as word histories, what a fit of the weights takes: one list per card, in the order
     * the cards first appear in the log, each card's reviews in time order (equal times keep their log
     * order) as recalls on their UTC days.
     *
     * @param reviews the log, in any order
     * @return one history per card
     */
    public static List<List<Recall>> histories(List<Review> reviews) {
        return byCard(reviews).values().stream().map(ReviewLogReplay::recalls).toList();
    }

    private ReplayReport replay(List<Review> reviews, Predicate<Review> scored, String whyNothing) {
        Map<String, List<Review>> byCard = byCard(reviews);
        PredictionTally tally = new PredictionTally();
        for (List<Review> history : byCard.values()) {
            HistoryReplay.replay(fsrs, recalls(history), i -> scored.test(history.get(i)), tally);
        }
        if (tally.count() == 0) {
            throw new IllegalArgumentException("nothing to score: the log has " + reviews.size()
                    + " reviews but " + whyNothing);
        }
        return new ReplayReport(byCard.size(), reviews.size(), tally.count(), tally.logLoss(), tally.rmse(),
                tally.meanRecall(), tally.constantLogLoss(), tally.constantRmse());
    }

    /** Each card's reviews in time order, cards in the order they first appear. */
    private static Map<String, List<Review>> byCard(List<Review> reviews) {
        Objects.requireNonNull(reviews, "reviews are required");
        Map<String, List<Review>> byCard = new LinkedHashMap<>();
        for (Review review : reviews) {
            byCard.computeIfAbsent(review.cardId(), id -> new ArrayList<>()).add(review);
        }
        byCard.values().forEach(history -> history.sort(Comparator.comparing(Review::time)));
        return byCard;
    }

    private static List<Recall> recalls(List<Review> history) {
        return history.stream()
                .map(review -> new Recall(LocalDate.ofInstant(review.time(), ZoneOffset.UTC), review.rating()))
                .toList();
    }
}

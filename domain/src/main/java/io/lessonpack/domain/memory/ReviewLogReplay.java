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
import java.util.function.ToDoubleFunction;

/**
 * Offline evaluation of the memory model on a real review log: replays every card's history through
 * {@link Fsrs} and scores each predicted probability of recall against what the learner actually did,
 * next to a constant predictor that always says "the average recall rate".
 *
 * <p>Per card, reviews are taken in time order (a stable sort, so equal times keep their log order).
 * The first review sets the state with {@link Fsrs#first}. Before each later review, t is the number of
 * days between the UTC dates of the previous review and this one; when t >= 1 the model predicts
 * {@code p = R(t, S)} and is scored against {@code y = rating.recalled()}. Same-day reviews (t = 0)
 * update the state with the same-day formula and are not scored, as in srs-benchmark. The log order and
 * the card interleaving do not matter.
 *
 * <pre>{@code
 * ReviewLogReplay.ReplayReport report = new ReviewLogReplay(Fsrs.withDefaults()).replay(reviews);
 * report.logLoss() < report.constantLogLoss();   // FSRS beats the average
 * }</pre>
 */
public final class ReviewLogReplay {

    /** Predictions are clipped to [EPSILON, 1 - EPSILON] before taking logarithms. */
    public static final double EPSILON = 1e-6;

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
     * @param scoredPredictions reviews at least one UTC day after the card's previous review
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
     * Replays a review log and scores the model.
     *
     * @param reviews the log, in any order
     * @return the scores
     * @throws IllegalArgumentException if no review can be scored (every card was reviewed on one UTC
     *                                  day only, or the log is empty)
     */
    public ReplayReport replay(List<Review> reviews) {
        Objects.requireNonNull(reviews, "reviews are required");
        Map<String, List<Review>> byCard = new LinkedHashMap<>();
        for (Review review : reviews) {
            byCard.computeIfAbsent(review.cardId(), id -> new ArrayList<>()).add(review);
        }
        List<Scored> scored = new ArrayList<>();
        for (List<Review> history : byCard.values()) {
            history.sort(Comparator.comparing(Review::time));
            replayCard(history, scored);
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("nothing to score: the log has " + reviews.size()
                    + " reviews but no card was reviewed again on a later UTC day");
        }
        double meanRecall = scored.stream().mapToDouble(Scored::y).average().orElseThrow();
        double constant = meanRecall;
        return new ReplayReport(
                byCard.size(),
                reviews.size(),
                scored.size(),
                meanLogLoss(scored, Scored::p),
                rmse(scored, Scored::p),
                meanRecall,
                meanLogLoss(scored, s -> constant),
                rmse(scored, s -> constant));
    }

    /** One scored review: the model's prediction p and the outcome y (1 recalled, 0 forgotten). */
    private record Scored(double p, double y) {
    }

    /** Appends one {@link Scored} per scored review of a card whose history is in time order. */
    private void replayCard(List<Review> history, List<Scored> scored) {
        MemoryState state = null;
        for (Review review : history) {
            LocalDate day = LocalDate.ofInstant(review.time(), ZoneOffset.UTC);
            if (state == null) {
                state = fsrs.first(review.rating(), day);
                continue;
            }
            if (day.isAfter(state.lastReview())) {
                double p = fsrs.retrievability(state, day);
                scored.add(new Scored(p, review.rating().recalled() ? 1.0 : 0.0));
            }
            state = fsrs.review(state, review.rating(), day);
        }
    }

    private static double meanLogLoss(List<Scored> scored, ToDoubleFunction<Scored> prediction) {
        double sum = 0;
        for (Scored s : scored) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, prediction.applyAsDouble(s)));
            double y = s.y();
            sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
        return sum / scored.size();
    }

    private static double rmse(List<Scored> scored, ToDoubleFunction<Scored> prediction) {
        double sum = 0;
        for (Scored s : scored) {
            double e = prediction.applyAsDouble(s) - s.y();
            sum += e * e;
        }
        return Math.sqrt(sum / scored.size());
    }
}

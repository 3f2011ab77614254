package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsOptimizer;
import io.lessonpack.domain.memory.FsrsOptimizer.Fit;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.ReviewLogReplay;
import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A split of a review log in time: the reviews before {@code cutoff} train a fit, and the predictions of
 * reviews from {@code cutoff} up to (not including) {@code until} score it. Scoring replays every card's
 * whole history, so a test review is predicted from everything the card went through before it, as in
 * production; only which predictions count depends on the split. Reviews at the cutoff instant itself
 * belong to the test part.
 *
 * @param cutoff the first instant of the test part
 * @param until  the end of the test part (exclusive); {@link Instant#MAX} for the end of the log
 */
record TimeSplit(Instant cutoff, Instant until) {

    /** A fit on the training part and the scores of the default and fitted weights on the test part. */
    record Outcome(Fit fit, long fitNanos, ReplayReport defaults, ReplayReport fitted) {
    }

    /** The log in time order; a stable sort, so reviews at the same instant keep their log order. */
    static List<Review> inTimeOrder(List<Review> reviews) {
        return reviews.stream().sorted(Comparator.comparing(Review::time)).toList();
    }

    /**
     * The split whose training part is the first {@code share} of the reviews and whose test part is the
     * rest.
     *
     * @param log the log in time order
     * @throws EvalInputException if either part would be empty
     */
    static TimeSplit atShare(List<Review> log, double share) {
        int index = (int) Math.round(share * log.size());
        if (index < 1 || index >= log.size()) {
            throw new EvalInputException(String.format(Locale.ROOT,
                    "a train share of %s leaves no review to %s in a log of %d", share,
                    index < 1 ? "train on" : "test on", log.size()));
        }
        return new TimeSplit(log.get(index).time(), Instant.MAX);
    }

    /**
     * The split right after the {@code scored}-th scored review of the log (a review a UTC day or more
     * after its card's previous one), tested on the next {@code window} reviews.
     *
     * @param log the log in time order
     * @return the split, or empty when the log has no review left after that many scored ones
     */
    static Optional<TimeSplit> afterScored(List<Review> log, int scored, int window) {
        Map<String, LocalDate> lastDay = new HashMap<>();
        int count = 0;
        for (int i = 0; i < log.size(); i++) {
            Review review = log.get(i);
            LocalDate day = LocalDate.ofInstant(review.time(), ZoneOffset.UTC);
            LocalDate previous = lastDay.put(review.cardId(), day);
            count += previous != null && previous.isBefore(day) ? 1 : 0;
            if (count == scored) {
                int end = i + 1 + window;
                return i + 1 >= log.size() ? Optional.empty() : Optional.of(new TimeSplit(log.get(i + 1).time(),
                        end >= log.size() ? Instant.MAX : log.get(end).time()));
            }
        }
        return Optional.empty();
    }

    /** The reviews of the training part, in log order. */
    List<Review> trainingReviews(List<Review> log) {
        return log.stream().filter(review -> review.time().isBefore(cutoff)).toList();
    }

    /** The training part as word histories, each passed through {@code shape} (for example a cap). */
    List<List<Recall>> training(List<Review> log, UnaryOperator<List<Recall>> shape) {
        return ReviewLogReplay.histories(trainingReviews(log)).stream().map(shape).toList();
    }

    /**
     * Scores a model on the test part.
     *
     * @throws EvalInputException if no review in the test part can be scored
     */
    ReplayReport score(Fsrs fsrs, List<Review> log) {
        try {
            return new ReviewLogReplay(fsrs).replay(log, review -> isTested(review.time()));
        } catch (IllegalArgumentException e) {
            throw new EvalInputException("the test part: " + e.getMessage());
        }
    }

    /**
     * Fits on the training part (histories passed through {@code shape}) and scores fitted and baseline
     * weights on the test part.
     *
     * @throws EvalInputException if the training part has nothing to fit or the test part nothing to score
     */
    Outcome fitAndScore(FsrsOptimizer optimizer, Fsrs baseline, List<Review> log, UnaryOperator<List<Recall>> shape) {
        List<List<Recall>> training = training(log, shape);
        long start = System.nanoTime();
        Fit fit;
        try {
            fit = optimizer.fit(training);
        } catch (IllegalArgumentException e) {
            throw new EvalInputException("the training part: " + e.getMessage());
        }
        long nanos = System.nanoTime() - start;
        return new Outcome(fit, nanos, score(baseline, log), score(new Fsrs(fit.parameters()), log));
    }

    private boolean isTested(Instant time) {
        return !time.isBefore(cutoff) && time.isBefore(until);
    }
}

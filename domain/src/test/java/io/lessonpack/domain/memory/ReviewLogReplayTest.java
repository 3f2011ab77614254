package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReviewLogReplayTest {

    private final ReviewLogReplay replay = new ReviewLogReplay(Fsrs.withDefaults());

    /**
     * Card a: Good, Good two days later (scored, recalled), Again the same day (not scored), Again a
     * week later (scored, forgotten). Card b: Again just before midnight UTC, Hard two minutes later on the
     * next UTC day (scored, recalled). Card c: one review, nothing to score. Shuffled on purpose.
     */
    private static final List<Review> TINY_LOG = List.of(
            review("a", 1, "2025-01-10T00:30:00Z"),
            review("b", 2, "2025-01-02T00:01:00Z"),
            review("a", 3, "2025-01-03T09:00:00Z"),
            review("c", 4, "2025-01-05T12:00:00Z"),
            review("a", 3, "2025-01-01T10:00:00Z"),
            review("b", 1, "2025-01-01T23:59:00Z"),
            review("a", 1, "2025-01-03T20:00:00Z"));

    @Test
    void replay_tinyLog_matchesHandComputedScores() {
        // p values from an independent Python transcription of the FSRS-6 formulas with default weights:
        // a: R(2, 2.3065); a: R(7, S after Good(t=2) then same-day Again); b: R(1, 0.212).
        double p1 = 0.9094932559773545;
        double p2 = 0.8414350818698895;
        double p3 = 0.7661957302284143;
        double expectedLogLoss = -(Math.log(p1) + Math.log(1 - p2) + Math.log(p3)) / 3;
        double expectedRmse = Math.sqrt((Math.pow(1 - p1, 2) + Math.pow(p2, 2) + Math.pow(1 - p3, 2)) / 3);
        double mean = 2.0 / 3;

        ReplayReport report = replay.replay(TINY_LOG);

        assertThat(report.cards()).isEqualTo(3);
        assertThat(report.reviews()).isEqualTo(7);
        assertThat(report.scoredPredictions()).isEqualTo(3);
        assertThat(report.logLoss()).isCloseTo(expectedLogLoss, within(1e-12));
        assertThat(report.logLoss()).isCloseTo(0.7342588356470312, within(1e-12));
        assertThat(report.rmse()).isCloseTo(expectedRmse, within(1e-12));
        assertThat(report.rmse()).isCloseTo(0.5069085730446181, within(1e-12));
        assertThat(report.meanRecall()).isCloseTo(mean, within(1e-15));
        assertThat(report.constantLogLoss())
                .isCloseTo(-(2 * Math.log(mean) + Math.log(1 - mean)) / 3, within(1e-12));
        assertThat(report.constantRmse()).isCloseTo(Math.sqrt(mean * (1 - mean)), within(1e-12));
    }

    @Test
    void replay_logOrderDoesNotMatter() {
        List<Review> shuffled = new ArrayList<>(TINY_LOG);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(replay.replay(shuffled)).isEqualTo(replay.replay(TINY_LOG));
    }

    @Test
    void replay_equalTimes_keepLogOrder() {
        Fsrs fsrs = Fsrs.withDefaults();
        LocalDate day = LocalDate.of(2025, 1, 1);
        MemoryState state = fsrs.review(fsrs.first(Rating.GOOD, day), Rating.AGAIN, day);
        double p = fsrs.retrievability(3, state.stability());

        ReplayReport report = replay.replay(List.of(
                review("x", 3, "2025-01-01T08:00:00Z"),
                review("x", 1, "2025-01-01T08:00:00Z"),
                review("x", 3, "2025-01-04T08:00:00Z")));

        assertThat(report.scoredPredictions()).isEqualTo(1);
        assertThat(report.rmse()).isCloseTo(1 - p, within(1e-12));
    }

    @Test
    void replay_perfectlyConfidentConstant_isClippedNotInfinite() {
        ReplayReport report = replay.replay(List.of(
                review("x", 3, "2025-01-01T08:00:00Z"),
                review("x", 3, "2025-01-03T08:00:00Z")));

        assertThat(report.meanRecall()).isEqualTo(1.0);
        assertThat(report.constantLogLoss()).isFinite().isCloseTo(-Math.log(1 - 1e-6), within(1e-15));
        assertThat(report.constantRmse()).isZero();
    }

    @Test
    void replay_nothingToScore_isRefusedWithAReason() {
        assertThatThrownBy(() -> replay.replay(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to score");
        assertThatThrownBy(() -> replay.replay(List.of(
                review("x", 3, "2025-01-01T08:00:00Z"),
                review("x", 1, "2025-01-01T22:00:00Z"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("later UTC day");
    }

    @Test
    void replay_withSelection_scoresOnlySelectedReviewsButReplaysWholeHistories() {
        Instant cutoff = Instant.parse("2025-01-04T00:00:00Z");

        ReplayReport report = replay.replay(TINY_LOG, review -> !review.time().isBefore(cutoff));

        // Only a's Again on day 10 is selected; its prediction still reflects a's earlier reviews.
        assertThat(report.cards()).isEqualTo(3);
        assertThat(report.reviews()).isEqualTo(7);
        assertThat(report.scoredPredictions()).isEqualTo(1);
        assertThat(report.rmse()).isCloseTo(0.8414350818698895, within(1e-12));
        assertThat(report.meanRecall()).isZero();
    }

    @Test
    void replay_selectionWithNothingToScore_isRefusedWithAReason() {
        assertThatThrownBy(() -> replay.replay(TINY_LOG, review -> review.cardId().equals("c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to score")
                .hasMessageContaining("selected");
    }

    @Test
    void histories_oneTimeOrderedHistoryPerCardOnUtcDays() {
        List<List<Recall>> histories = ReviewLogReplay.histories(TINY_LOG);

        assertThat(histories).containsExactly(
                List.of(recall("2025-01-01", 3), recall("2025-01-03", 3), recall("2025-01-03", 1),
                        recall("2025-01-10", 1)),
                List.of(recall("2025-01-01", 1), recall("2025-01-02", 2)),
                List.of(recall("2025-01-05", 4)));
    }

    @Test
    void review_blankCardId_isRefused() {
        assertThatThrownBy(() -> review(" ", 3, "2025-01-01T08:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Recall recall(String day, int grade) {
        return new Recall(LocalDate.parse(day), Rating.ofGrade(grade));
    }

    private static Review review(String card, int grade, String time) {
        return new Review(card, Rating.ofGrade(grade), Instant.parse(time));
    }
}

package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoryScoreTest {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);
    private static final double DECAY = -0.1542;
    private static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;

    private final Fsrs fsrs = Fsrs.withDefaults();

    @Test
    void of_scoresOnlyPredictionsOnOrAfterTheDay_replayingWholeHistories() {
        // a: Good day 0, Good day 2 (before the cut), Again day 9 (scored).
        // b: Again day 3, Good day 3 (same day: never scored), Good day 5 (scored).
        List<List<Recall>> histories = List.of(
                List.of(recall(0, 3), recall(2, 3), recall(9, 1)),
                List.of(recall(3, 1), recall(3, 3), recall(5, 3)));
        double sA = fsrs.review(fsrs.first(Rating.GOOD, DAY0), Rating.GOOD, DAY0.plusDays(2)).stability();
        double pA = r(7, sA);
        double sB = fsrs.review(fsrs.first(Rating.AGAIN, DAY0.plusDays(3)), Rating.GOOD, DAY0.plusDays(3))
                .stability();
        double pB = r(2, sB);

        HistoryScore score = HistoryScore.of(fsrs, histories, DAY0.plusDays(3)).orElseThrow();

        assertThat(score.count()).isEqualTo(2);
        assertThat(score.logLoss()).isCloseTo(-(Math.log(1 - pA) + Math.log(pB)) / 2, within(1e-12));
        assertThat(score.rmse()).isCloseTo(Math.sqrt((pA * pA + (1 - pB) * (1 - pB)) / 2), within(1e-12));
    }

    @Test
    void of_scoreFromTheFirstDay_scoresEveryReviewAtLeastADayAfterItsPrevious() {
        List<List<Recall>> histories = List.of(
                List.of(recall(0, 3), recall(2, 3), recall(9, 1)),
                List.of(recall(3, 1), recall(3, 3), recall(5, 3)));
        assertThat(HistoryScore.of(fsrs, histories, DAY0).orElseThrow().count()).isEqualTo(3);
    }

    @Test
    void of_nothingOnOrAfterTheDay_isEmpty() {
        List<List<Recall>> histories = List.of(List.of(recall(0, 3), recall(2, 3)), List.of(recall(1, 3)));
        assertThat(HistoryScore.of(fsrs, histories, DAY0.plusDays(3))).isEmpty();
        assertThat(HistoryScore.of(fsrs, List.of(), DAY0)).isEmpty();
    }

    @Test
    void of_agreesWithTheLogReplayScoringTheSameDays() {
        Random random = new Random(11);
        List<Review> log = new ArrayList<>();
        for (int card = 0; card < 40; card++) {
            Instant time = Instant.parse("2025-01-01T08:00:00Z").plusSeconds(random.nextInt(86_400 * 20));
            for (int n = 0; n < 2 + random.nextInt(8); n++) {
                log.add(new Review("c" + card, Rating.ofGrade(1 + random.nextInt(4)), time));
                time = time.plusSeconds(random.nextInt(4) == 0 ? 600 : 3_600L * (12 + random.nextInt(24 * 15)));
            }
        }
        LocalDate from = DAY0.plusDays(25);

        HistoryScore score = HistoryScore.of(fsrs, ReviewLogReplay.histories(log), from).orElseThrow();
        ReplayReport report = new ReviewLogReplay(fsrs).replay(log,
                review -> !LocalDate.ofInstant(review.time(), ZoneOffset.UTC).isBefore(from));

        assertThat(score.count()).isEqualTo(report.scoredPredictions()).isGreaterThan(20);
        assertThat(score.logLoss()).isEqualTo(report.logLoss());
        assertThat(score.rmse()).isEqualTo(report.rmse());
    }

    @Test
    void of_historyGoingBackInTime_isRefused() {
        List<List<Recall>> histories = List.of(List.of(recall(4, 3), recall(2, 3)));
        assertThatThrownBy(() -> HistoryScore.of(fsrs, histories, DAY0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_refusesFiguresNoReplayProduces() {
        assertThatThrownBy(() -> new HistoryScore(0, 0.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryScore(3, Double.NaN, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryScore(3, 0.5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Recall recall(int day, int grade) {
        return new Recall(DAY0.plusDays(day), Rating.ofGrade(grade));
    }

    private static double r(double t, double s) {
        return Math.pow(1 + FACTOR * t / s, DECAY);
    }
}

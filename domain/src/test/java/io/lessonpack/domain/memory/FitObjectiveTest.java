package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FitObjectiveTest {

    private static final List<List<Recall>> HISTORIES =
            SyntheticLearner.histories(SyntheticLearner.unusualLearner(), 150, 8, 5);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void logLoss_equalsTheScoreOfTheSameWeightsThroughFsrs(long seed) {
        double[] w = randomWeights(new Random(seed));

        double loss = FitObjective.of(HISTORIES).logLoss(w, new double[FsrsParameters.COUNT]);

        HistoryScore score = HistoryScore.of(new Fsrs(new FsrsParameters(w)), HISTORIES, LocalDate.MIN)
                .orElseThrow();
        assertThat(loss).isCloseTo(score.logLoss(), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void gradient_matchesCentralDifferences(long seed) {
        FitObjective objective = FitObjective.of(HISTORIES);
        double[] w = randomWeights(new Random(seed));
        double[] gradient = new double[FsrsParameters.COUNT];
        objective.logLoss(w, gradient);

        for (int i = 0; i < FsrsParameters.COUNT; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[i]));
            double[] up = w.clone();
            double[] down = w.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (objective.logLoss(up, new double[FsrsParameters.COUNT])
                    - objective.logLoss(down, new double[FsrsParameters.COUNT])) / (2 * h);
            assertThat(gradient[i]).as("d loss / d w%d at %s", i, Arrays.toString(w))
                    .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
        }
    }

    @Test
    void scoredReviews_countsRecallsAtLeastADayAfterThePrevious() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        List<List<Recall>> histories = List.of(
                List.of(new Recall(day, Rating.GOOD), new Recall(day, Rating.AGAIN),
                        new Recall(day.plusDays(1), Rating.GOOD), new Recall(day.plusDays(5), Rating.GOOD)),
                List.of(new Recall(day, Rating.EASY)),
                List.of());
        assertThat(FitObjective.of(histories).scoredReviews()).isEqualTo(2);
    }

    @Test
    void of_historyGoingBackInTime_isRefused() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        assertThatThrownBy(() -> FitObjective.of(List.of(
                List.of(new Recall(day, Rating.GOOD), new Recall(day.minusDays(1), Rating.GOOD)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day order");
    }

    /** Weights spread over their ranges, so clamps and both lapse branches are exercised. */
    private static double[] randomWeights(Random random) {
        double[] w = new double[FsrsParameters.COUNT];
        for (int i = 0; i < w.length; i++) {
            double low = WeightBounds.LOWER[i];
            double high = i < 4 ? 20 : WeightBounds.UPPER[i];
            w[i] = low + (high - low) * (0.05 + 0.9 * random.nextDouble());
        }
        return w;
    }
}

package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lessonpack.domain.memory.FsrsOptimizer.Fit;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FsrsOptimizerTest {

    private static final FsrsParameters TRUTH = SyntheticLearner.unusualLearner();
    private static final List<List<Recall>> LONG_HISTORY = SyntheticLearner.histories(TRUTH, 1500, 8, 21);
    private static final List<List<Recall>> HELD_OUT = SyntheticLearner.histories(TRUTH, 1500, 8, 22);

    private final FsrsOptimizer optimizer = new FsrsOptimizer();

    @Test
    void fit_muchHistory_recoversTheLearnersForgettingCurveAndPredictsNewWordsBetter() {
        Fit fit = optimizer.fit(LONG_HISTORY);

        assertThat(fit.parameters().w(20)).isCloseTo(TRUTH.w(20), within(0.1));
        assertThat(fit.logLoss()).isLessThan(fit.priorLogLoss());
        assertThat(score(fit.parameters(), HELD_OUT)).isLessThan(score(FsrsParameters.defaults(), HELD_OUT));
        assertThat(score(fit.parameters(), LONG_HISTORY)).isLessThanOrEqualTo(score(TRUTH, LONG_HISTORY));
    }

    @Test
    void fit_reportsFiguresOfTheHistoriesItWasGiven() {
        Fit fit = optimizer.fit(LONG_HISTORY);

        assertThat(fit.scoredReviews()).isEqualTo(FsrsOptimizer.scoredReviews(LONG_HISTORY)).isGreaterThan(9000);
        assertThat(fit.logLoss()).isEqualTo(score(fit.parameters(), LONG_HISTORY));
        assertThat(fit.priorLogLoss()).isEqualTo(score(FsrsParameters.defaults(), LONG_HISTORY));
        assertThat(fit.iterations()).isBetween(1, FsrsOptimizer.DEFAULT_MAX_ITERATIONS);
    }

    @Test
    void fit_isDeterministic() {
        assertThat(optimizer.fit(LONG_HISTORY)).isEqualTo(optimizer.fit(LONG_HISTORY));
    }

    @Test
    void fit_shortHistory_staysNearThePriorWhileNoPenaltyWandersOff() {
        List<List<Recall>> fewWords = LONG_HISTORY.subList(0, 6);

        double penalised = largestMoveInSpreads(optimizer.fit(fewWords).parameters());
        double free = largestMoveInSpreads(new FsrsOptimizer(FsrsParameters.defaults(), 0, 300)
                .fit(fewWords).parameters());

        assertThat(penalised).isLessThan(0.5);
        assertThat(free).isGreaterThan(2 * penalised);
    }

    @Test
    void fit_everyWeightStaysWithinItsBounds_evenWhenTheDataPushOut() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        List<List<Recall>> alwaysRecalled = IntStream.range(0, 50)
                .mapToObj(i -> List.of(new Recall(day, Rating.AGAIN), new Recall(day.plusDays(30 + i), Rating.EASY),
                        new Recall(day.plusDays(400 + 10 * i), Rating.EASY)))
                .toList();

        FsrsParameters fitted = new FsrsOptimizer(FsrsParameters.defaults(), 0, 300).fit(alwaysRecalled).parameters();

        for (int i = 0; i < FsrsParameters.COUNT; i++) {
            assertThat(fitted.w(i)).as("w%d", i).isBetween(WeightBounds.LOWER[i], WeightBounds.UPPER[i]);
        }
        assertThat(fitted.w(0)).as("w0 pushed to its ceiling").isEqualTo(WeightBounds.UPPER[0]);
    }

    @Test
    void fit_anotherPrior_startsAndPullsThere() {
        List<List<Recall>> fewWords = LONG_HISTORY.subList(0, 6);
        FsrsParameters fitted = new FsrsOptimizer(TRUTH).fit(fewWords).parameters();
        assertThat(fitted.w(20)).isCloseTo(TRUTH.w(20), within(0.05));
    }

    @Test
    void fit_iterationCap_isRespected() {
        Fit fit = new FsrsOptimizer(FsrsParameters.defaults(), 1, 3).fit(LONG_HISTORY);
        assertThat(fit.iterations()).isBetween(1, 3);
        assertThat(fit.logLoss()).isLessThan(fit.priorLogLoss());
    }

    @Test
    void fit_nothingToScore_isRefusedWithAReason() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        List<List<Recall>> sameDayOnly = List.of(List.of(new Recall(day, Rating.GOOD), new Recall(day, Rating.AGAIN)));
        assertThatThrownBy(() -> optimizer.fit(sameDayOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to fit");
        assertThatThrownBy(() -> optimizer.fit(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_refusesBadSettings() {
        FsrsParameters defaults = FsrsParameters.defaults();
        assertThatThrownBy(() -> new FsrsOptimizer(defaults, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FsrsOptimizer(defaults, Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FsrsOptimizer(defaults, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double score(FsrsParameters parameters, List<List<Recall>> histories) {
        return HistoryScore.of(new Fsrs(parameters), histories, LocalDate.MIN).orElseThrow().logLoss();
    }

    private static double largestMoveInSpreads(FsrsParameters fitted) {
        double largest = 0;
        for (int i = 0; i < FsrsParameters.COUNT; i++) {
            largest = Math.max(largest, Math.abs(fitted.w(i) - FsrsParameters.defaults().w(i)) / WeightBounds.SPREAD[i]);
        }
        return largest;
    }
}

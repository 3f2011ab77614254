package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FsrsTest {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);
    private static final double FOUR_DECIMALS = 0.00005;

    private final Fsrs fsrs = Fsrs.withDefaults();

    @Test
    void review_goldenVectorFromPyFsrs_matchesToFourDecimals() {
        int[][] events = {{0, 3}, {2, 3}, {3, 1}, {4, 3}, {9, 3}, {9, 1}, {20, 3}, {60, 1}, {61, 3}};
        double[] expectedS = {2.3065, 10.9643, 1.3326, 3.3303, 10.3387, 3.1477, 8.7809, 1.5553, 2.2867};
        double[] expectedD = {2.1181, 2.1112, 7.3922, 7.3801, 7.3679, 9.1201, 9.1062, 9.6914, 9.677};

        MemoryState state = fsrs.first(Rating.ofGrade(events[0][1]), DAY0.plusDays(events[0][0]));
        assertThat(state.stability()).isCloseTo(expectedS[0], within(FOUR_DECIMALS));
        assertThat(state.difficulty()).isCloseTo(expectedD[0], within(FOUR_DECIMALS));
        for (int i = 1; i < events.length; i++) {
            state = fsrs.review(state, Rating.ofGrade(events[i][1]), DAY0.plusDays(events[i][0]));
            assertThat(state.stability()).as("S after event %d", i).isCloseTo(expectedS[i], within(FOUR_DECIMALS));
            assertThat(state.difficulty()).as("D after event %d", i).isCloseTo(expectedD[i], within(FOUR_DECIMALS));
            assertThat(state.lastReview()).isEqualTo(DAY0.plusDays(events[i][0]));
        }
    }

    @Test
    void first_setsInitialStabilityAndClampedDifficultyPerGrade() {
        double[] s0 = {0.212, 1.2931, 2.3065, 8.2956};
        for (Rating rating : Rating.values()) {
            MemoryState state = fsrs.first(rating, DAY0);
            assertThat(state.stability()).isEqualTo(s0[rating.grade() - 1]);
            double d0 = 6.4133 - Math.exp(0.8334 * (rating.grade() - 1)) + 1;
            assertThat(state.difficulty()).isCloseTo(Math.min(10, Math.max(1, d0)), within(1e-12));
            assertThat(state.lastReview()).isEqualTo(DAY0);
        }
        assertThat(fsrs.first(Rating.EASY, DAY0).difficulty()).isEqualTo(1.0);
    }

    @Test
    void first_zeroWeight_stabilityIsFlooredAtMinimum() {
        double[] w = FsrsParameters.defaults().toArray();
        w[0] = 0;
        MemoryState state = new Fsrs(new FsrsParameters(w)).first(Rating.AGAIN, DAY0);
        assertThat(state.stability()).isEqualTo(MemoryState.MIN_STABILITY);
    }

    @Test
    void review_sameDayAgainOnMinimalStability_staysAtMinimum() {
        MemoryState tiny = new MemoryState(MemoryState.MIN_STABILITY, 5, DAY0);
        assertThat(fsrs.review(tiny, Rating.AGAIN, DAY0).stability()).isEqualTo(MemoryState.MIN_STABILITY);
    }

    @Test
    void review_sameDayGoodOrEasy_neverLowersStability() {
        for (double s : new double[] {0.5, 3, 50, 5000}) {
            MemoryState state = new MemoryState(s, 5, DAY0);
            assertThat(fsrs.review(state, Rating.GOOD, DAY0).stability()).isGreaterThanOrEqualTo(s);
            assertThat(fsrs.review(state, Rating.EASY, DAY0).stability()).isGreaterThanOrEqualTo(s);
        }
    }

    @Test
    void review_sameDay_usesShortTermFormula() {
        MemoryState state = new MemoryState(2.0, 5, DAY0);
        double expected = 2.0 * Math.exp(0.5425 * (1 - 3 + 0.0912)) * Math.pow(2.0, -0.0658);
        assertThat(fsrs.review(state, Rating.AGAIN, DAY0).stability()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void review_manyAgains_difficultyApproachesButNeverPassesTen() {
        MemoryState state = fsrs.first(Rating.AGAIN, DAY0);
        for (int i = 1; i <= 20; i++) {
            state = fsrs.review(state, Rating.AGAIN, DAY0.plusDays(i));
        }
        assertThat(state.difficulty()).isBetween(9.9, 10.0);
    }

    @Test
    void firstAndReview_difficultyAboveTen_isClampedToTen() {
        double[] w = FsrsParameters.defaults().toArray();
        w[4] = 30;
        w[7] = 0.5;
        Fsrs steep = new Fsrs(new FsrsParameters(w));
        MemoryState state = steep.first(Rating.AGAIN, DAY0);
        assertThat(state.difficulty()).isEqualTo(10.0);
        assertThat(steep.review(state, Rating.GOOD, DAY0.plusDays(3)).difficulty()).isEqualTo(10.0);
    }

    @Test
    void review_manyEasys_difficultyClampsAtOne() {
        MemoryState state = fsrs.first(Rating.GOOD, DAY0);
        for (int i = 1; i <= 20; i++) {
            state = fsrs.review(state, Rating.EASY, DAY0.plusDays(i));
        }
        assertThat(state.difficulty()).isEqualTo(1.0);
    }

    @Test
    void review_dayBeforeLastReview_isRefused() {
        MemoryState state = fsrs.first(Rating.GOOD, DAY0);
        assertThatThrownBy(() -> fsrs.review(state, Rating.GOOD, DAY0.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-12-31")
                .hasMessageContaining("2025-01-01");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.3, 1, 2.3065, 10.9643, 365, 40_000})
    void retrievability_atElapsedEqualToStability_isNinetyPercent(double s) {
        assertThat(fsrs.retrievability(s, s)).isCloseTo(0.9, within(1e-12));
        assertThat(fsrs.retrievability(0, s)).isEqualTo(1.0);
    }

    @Test
    void retrievability_ofState_countsWholeDaysAndNeverGoesBackInTime() {
        MemoryState state = new MemoryState(10, 5, DAY0);
        assertThat(fsrs.retrievability(state, DAY0.plusDays(10))).isCloseTo(0.9, within(1e-12));
        assertThat(fsrs.retrievability(state, DAY0.minusDays(3))).isEqualTo(1.0);
        assertThat(fsrs.retrievability(state, DAY0.plusDays(4))).isEqualTo(fsrs.retrievability(4, 10));
    }

    @Test
    void retrievability_badArguments_areRefused() {
        assertThatThrownBy(() -> fsrs.retrievability(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fsrs.retrievability(Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fsrs.retrievability(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 2.3065, 3.7, 10.9643, 42.2, 365, 1234.56})
    void intervalDays_atNinetyPercent_isRoundedStability(double s) {
        assertThat(fsrs.intervalDays(s, 0.9)).isEqualTo(Math.round(s));
    }

    @Test
    void intervalDays_isClampedToOneAndHundredYears() {
        assertThat(fsrs.intervalDays(0.001, 0.9)).isEqualTo(1);
        assertThat(fsrs.intervalDays(0.2, 0.99)).isEqualTo(1);
        assertThat(fsrs.intervalDays(1e6, 0.9)).isEqualTo(36_500);
        assertThat(fsrs.intervalDays(1000, 0.01)).isEqualTo(36_500);
    }

    @Test
    void intervalDays_higherRetention_givesShorterInterval() {
        assertThat(fsrs.intervalDays(100, 0.95)).isLessThan(fsrs.intervalDays(100, 0.9));
        assertThat(fsrs.intervalDays(100, 0.8)).isGreaterThan(fsrs.intervalDays(100, 0.9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void intervalDays_retentionOutsideOpenUnitInterval_isRefused(double r) {
        assertThatThrownBy(() -> fsrs.intervalDays(10, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }

    @Test
    void retrievability_decreasesWithElapsedTime_randomised() {
        Random random = new Random(20250101L);
        for (int i = 0; i < 2_000; i++) {
            double s = randomStability(random);
            double t1 = random.nextDouble() * 1000;
            double t2 = t1 + 0.01 + random.nextDouble() * 1000;
            assertThat(fsrs.retrievability(t2, s)).as("S=%s t1=%s t2=%s", s, t1, t2)
                    .isLessThan(fsrs.retrievability(t1, s));
        }
    }

    @Test
    void review_higherGrade_neverGivesLowerStability_randomised() {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            MemoryState state = new MemoryState(randomStability(random), 1 + 9 * random.nextDouble(), DAY0);
            LocalDate day = DAY0.plusDays(random.nextInt(400));
            double previous = 0;
            for (Rating rating : Rating.values()) {
                double s = fsrs.review(state, rating, day).stability();
                assertThat(s).as("%s on %s after %s", rating, day, state).isGreaterThanOrEqualTo(previous);
                previous = s;
            }
            if (day.isAfter(DAY0)) {
                assertThat(fsrs.review(state, Rating.HARD, day).stability()).isGreaterThanOrEqualTo(state.stability());
            }
        }
    }

    @Test
    void review_randomSequences_keepDifficultyInRangeAndStabilityValid() {
        Random random = new Random(42L);
        for (int run = 0; run < 300; run++) {
            LocalDate day = DAY0;
            MemoryState state = fsrs.first(Rating.ofGrade(1 + random.nextInt(4)), day);
            for (int step = 0; step < 60; step++) {
                day = day.plusDays(random.nextInt(4) == 0 ? 0 : random.nextInt(120));
                state = fsrs.review(state, Rating.ofGrade(1 + random.nextInt(4)), day);
                assertThat(state.difficulty()).isBetween(1.0, 10.0);
                assertThat(state.stability()).isGreaterThanOrEqualTo(MemoryState.MIN_STABILITY).isFinite();
            }
        }
    }

    @Test
    void parameters_defaults_haveDecayAndFactorOfFsrs6() {
        FsrsParameters p = FsrsParameters.defaults();
        assertThat(p.decay()).isEqualTo(-0.1542);
        assertThat(p.factor()).isCloseTo(Math.pow(0.9, -1 / 0.1542) - 1, within(1e-15));
        assertThat(p.w(0)).isEqualTo(0.212);
        assertThat(p.w(20)).isEqualTo(0.1542);
        assertThat(p).isEqualTo(FsrsParameters.defaults()).hasSameHashCodeAs(FsrsParameters.defaults());
    }

    @Test
    void parameters_copyTheirInput() {
        double[] w = FsrsParameters.defaults().toArray();
        FsrsParameters p = new FsrsParameters(w);
        w[0] = 99;
        p.toArray()[1] = 99;
        assertThat(p.w(0)).isEqualTo(0.212);
        assertThat(p.w(1)).isEqualTo(1.2931);
    }

    @Test
    void parameters_badVectors_areRefused() {
        assertThatThrownBy(() -> new FsrsParameters(new double[20]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21").hasMessageContaining("20");
        assertThatThrownBy(() -> new FsrsParameters(null)).isInstanceOf(IllegalArgumentException.class);
        double[] nan = FsrsParameters.defaults().toArray();
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> new FsrsParameters(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w3");
        double[] infinite = FsrsParameters.defaults().toArray();
        infinite[9] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new FsrsParameters(infinite)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w9");
        double[] noDecay = FsrsParameters.defaults().toArray();
        noDecay[20] = 0;
        assertThatThrownBy(() -> new FsrsParameters(noDecay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w20");
    }

    @Test
    void rating_gradesRoundTripAndOnlyAgainIsALapse() {
        assertThat(Arrays.stream(Rating.values()).mapToInt(Rating::grade)).containsExactly(1, 2, 3, 4);
        for (Rating rating : Rating.values()) {
            assertThat(Rating.ofGrade(rating.grade())).isSameAs(rating);
            assertThat(rating.recalled()).isEqualTo(rating != Rating.AGAIN);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void rating_ofBadGrade_namesTheValue(int grade) {
        assertThatThrownBy(() -> Rating.ofGrade(grade))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got " + grade);
    }

    @Test
    void memoryState_impossibleValues_areRefused() {
        assertThatThrownBy(() -> new MemoryState(0.0009, 5, DAY0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(Double.NaN, 5, DAY0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(Double.POSITIVE_INFINITY, 5, DAY0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(1, 0.99, DAY0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(1, 10.01, DAY0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(1, Double.NaN, DAY0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(1, 5, null)).isInstanceOf(NullPointerException.class);
        assertThat(new MemoryState(0.001, 1, DAY0).difficulty()).isEqualTo(1.0);
        assertThat(new MemoryState(0.001, 10, DAY0).difficulty()).isEqualTo(10.0);
    }

    private static double randomStability(Random random) {
        return Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(36_500) - Math.log(0.001)));
    }
}

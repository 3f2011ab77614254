package io.lessonpack.application.service;

import static io.lessonpack.application.service.Outcomes.generated;
import static io.lessonpack.application.testing.GenerationFixture.LEARNER;
import static io.lessonpack.application.testing.GenerationFixture.SPANISH;
import static io.lessonpack.application.testing.GenerationFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.out.LearnerMemoryModel;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.WordKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParameterRefitTest {

    /** A learner who forgets faster than the defaults expect, with a clearly different curve. */
    private static FsrsParameters fastForgetter() {
        double[] w = FsrsParameters.defaults().toArray();
        w[0] = 0.6;
        w[2] = 4.0;
        w[8] = 1.4;
        w[11] = 1.0;
        w[20] = 0.45;
        return new FsrsParameters(w);
    }

    /**
     * {@code words} curriculum entries with {@code recalls} recall days each, drawn as a learner whose
     * memory follows {@code truth} would produce them, ending before {@link GenerationFixture#START}.
     */
    private static List<CurriculumEntry> history(FsrsParameters truth, int words, int recalls, long seed) {
        Fsrs fsrs = new Fsrs(truth);
        Random random = new Random(seed);
        List<CurriculumEntry> entries = new ArrayList<>();
        LocalDate first = LessonDay.of(START).date().minusDays(400);
        for (int i = 0; i < words; i++) {
            LocalDate day = first.plusDays(random.nextInt(30));
            CurriculumEntry entry = CurriculumEntry.introduced(WordKey.of(SPANISH, "vieja" + i), "vieja" + i, "",
                    "", new LessonDay(day));
            MemoryState state = null;
            for (int n = 0; n < recalls && day.isBefore(LessonDay.of(START).date()); n++) {
                boolean recalled = state == null ? random.nextInt(3) > 0
                        : random.nextDouble() < fsrs.retrievability(state, day);
                Rating rating = recalled ? Rating.GOOD : Rating.AGAIN;
                entry = entry.recordOutcome(fsrs, rating, new LessonDay(day));
                state = entry.memory().orElseThrow();
                day = day.plusDays(Math.max(1, Math.round(fsrs.intervalDays(state.stability(), 0.85)
                        * (0.5 + random.nextDouble()))));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static GenerationFixture fixture(MemoryFitting fitting) {
        return GenerationFixture.withSettings(GenerationSettings.defaults().withMemoryFitting(fitting));
    }

    /**
     * Puts the histories in the learner's curriculum, as months of lessons would have, and records the
     * fit attempt those months would have made (with the defaults kept), so the count of outcomes
     * knows about them: a refit is then due after the next lesson's outcome.
     */
    private static void monthsOfPractice(GenerationFixture f, List<CurriculumEntry> entries) {
        f.store().addAbsentWords(LEARNER, SPANISH, entries);
        long outcomes = entries.stream().mapToLong(e -> e.history().size()).sum();
        f.store().recordFit(LEARNER, SPANISH, 0, null, LessonDay.of(START).date().minusDays(60), outcomes);
    }

    /** A refit due after any lesson: one outcome is enough, with the real minimum of scored reviews. */
    private static MemoryFitting dueAfterEveryLesson() {
        MemoryFitting d = MemoryFitting.defaults();
        return new MemoryFitting(1, 0, d.minScoredReviews(), d.maxWordsRead(), d.holdoutShare(), d.minTimeLeft());
    }

    @Nested
    class WhenDue {

        @Test
        void afterALesson_aLearnerUnlikeTheDefaults_getsTheirOwnWeightsAndTheCountStartsAgain() {
            GenerationFixture f = fixture(dueAfterEveryLesson());
            monthsOfPractice(f, history(fastForgetter(), 150, 10, 7));

            List<String> lines;
            try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
                generated(f.generate(f.session("s1")));
                lines = logs.lines();
            }

            LearnerMemoryModel model = f.learnerState(SPANISH).memoryModel();
            assertThat(model.fitted()).isPresent();
            assertThat(model.fittedOn()).isEqualTo(LessonDay.of(START).date());
            assertThat(model.scoredAtFit()).isGreaterThanOrEqualTo(MemoryFitting.defaults().minScoredReviews());
            assertThat(model.outcomesSinceFit()).isZero();
            assertThat(model.fitVersion()).isEqualTo(2);
            assertThat(lines).filteredOn(l -> l.contains("\"event\":\"memory.refit\"")).singleElement()
                    .satisfies(l -> assertThat(l).contains("\"outcome\":\"fitted\"", "\"recorded\":true"));
        }

        @Test
        void theNextLesson_movesMemoryWithTheLearnersOwnWeights() {
            GenerationFixture f = fixture(dueAfterEveryLesson());
            monthsOfPractice(f, history(fastForgetter(), 150, 10, 7));
            generated(f.generate(f.session("s1")));
            FsrsParameters fitted = f.learnerState(SPANISH).memoryModel().fitted().orElseThrow();
            CurriculumEntry before = f.curriculumEntries().stream()
                    .filter(e -> e.key().equals(WordKey.of(SPANISH, "vieja3"))).findFirst().orElseThrow();
            f.nextDay();

            generated(f.generate(f.sessionWith("s2", b -> b.targetsHit(List.of("vieja3")))));

            CurriculumEntry after = f.curriculumEntries().stream().filter(e -> e.key().equals(before.key()))
                    .findFirst().orElseThrow();
            LessonDay today = LessonDay.of(f.clock().instant());
            assertThat(after.memory()).contains(new Fsrs(fitted).review(before.memory().orElseThrow(), Rating.GOOD,
                    today.date()));
            assertThat(after.memory()).isNotEqualTo(Fsrs.withDefaults().review(before.memory().orElseThrow(), Rating.GOOD,
                    today.date()));
        }

        @Test
        void tooLittleHistory_keepsTheDefaultsAndStartsCountingAgain() {
            GenerationFixture f = fixture(new MemoryFitting(1, 0, 400, 1_000, 0.2, Duration.ofSeconds(5)));
            f.store().addAbsentWords(LEARNER, SPANISH, history(fastForgetter(), 20, 5, 3));
            // The learner's outcomes so far could hold 400 scored reviews, their histories do not.
            f.store().recordFit(LEARNER, SPANISH, 0, null, LessonDay.of(START).date().minusDays(30), 450);

            generated(f.generate(f.session("s1")));

            LearnerMemoryModel model = f.learnerState(SPANISH).memoryModel();
            assertThat(model.fitted()).isEmpty();
            assertThat(model.fitVersion()).isEqualTo(2);
            assertThat(model.scoredAtFit()).isLessThan(400);
            assertThat(model.outcomesSinceFit()).isZero();
        }

        @Test
        void lessThanTheRefitsTimeLeft_waitsForTheNextLesson() {
            MemoryFitting d = dueAfterEveryLesson();
            GenerationFixture f = fixture(new MemoryFitting(1, 0, d.minScoredReviews(), d.maxWordsRead(),
                    d.holdoutShare(), GenerationFixture.TIME_LEFT.plusSeconds(1)));
            monthsOfPractice(f, history(fastForgetter(), 150, 10, 7));

            generated(f.generate(f.session("s1")));

            assertThat(f.curriculum().historyReads()).isZero();
            assertThat(f.learnerState(SPANISH).memoryModel().fitVersion()).isEqualTo(1);
            assertThat(f.learnerState(SPANISH).memoryModel().outcomesSinceFit()).isPositive();
        }

        @Test
        void aRefitThatFails_leavesTheLessonSavedAndAnnounced() {
            GenerationFixture f = fixture(dueAfterEveryLesson());
            monthsOfPractice(f, history(fastForgetter(), 150, 10, 7));
            f.curriculum().failHistories(new StorageUnavailableException("histories Query: throttled"));

            List<String> lines;
            try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
                generated(f.generate(f.session("s1")));
                lines = logs.lines();
            }

            assertThat(f.publishedEvents()).hasSize(1);
            assertThat(f.learnerState(SPANISH).memoryModel().fitVersion()).isEqualTo(1);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("memory.refit_failed", "StorageUnavailableException"));
        }
    }

    @Nested
    class Due {

        private final MemoryFitting fitting = MemoryFitting.defaults();

        @Test
        void isDue_beforeAnyFit_onlyOnceTheOutcomesCouldHoldTheMinimum() {
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 0, 399, 0))).isFalse();
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 0, 400, 0))).isTrue();
        }

        @Test
        void isDue_afterAFit_whenTheReviewsGrewByAThirdAndAtLeastAHundred() {
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 600, 199, 1))).isFalse();
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 600, 200, 1))).isTrue();
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 300, 99, 1))).isFalse();
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 300, 100, 1))).isTrue();
            assertThat(fitting.isDue(new LearnerMemoryModel(null, null, 240, 150, 1))).as("cannot hold 400 yet").isFalse();
        }

        @Test
        void notDue_noHistoryIsRead() {
            GenerationFixture f = GenerationFixture.create();

            generated(f.generate(f.session("s1")));

            assertThat(f.curriculum().historyReads()).isZero();
            assertThat(f.learnerState(SPANISH).memoryModel().outcomesSinceFit()).isEqualTo(2);
        }
    }
}

package io.lessonpack.domain.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.curriculum.ReviewWord.Source;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonPlannerTest {

    private static final Language SPANISH = Language.of("es");
    private static final LessonDay TODAY = LessonDay.parse("2026-03-10");
    private static final Instant THIS_MORNING = Instant.parse("2026-03-10T07:00:00Z");
    private static final UserId USER = UserId.of("user-1");
    private static final NewWordCount COUNT = NewWordCount.of(4);

    private final LessonPlanner planner = new LessonPlanner(new ReviewSelection(Fsrs.withDefaults()));

    private static CurriculumEntry entry(String word, LessonDay introducedOn) {
        return CurriculumEntry.introduced(WordKey.of(SPANISH, word), word, "", "", introducedOn);
    }

    private static Evidence evidence(List<String> missed, List<String> hit, List<String> used) {
        return Evidence.from(SPANISH, List.of(AnalysisResult.builder(USER, THIS_MORNING).targetLanguage(SPANISH)
                .targetsMissed(missed).targetsHit(hit).wordsUsed(used).build()));
    }

    private Optional<LessonPlan> plan(List<CurriculumEntry> candidates, Evidence evidence) {
        return planner.plan(SPANISH, candidates, evidence, TODAY, COUNT);
    }

    @Test
    void plan_curriculumWordsFromBeforeToday_arePreferredOverEvidence() {
        List<CurriculumEntry> curriculum = List.of(entry("casa", LessonDay.parse("2026-03-01")));

        LessonPlan plan = plan(curriculum, evidence(List.of("perro"), List.of("gato"), List.of("hola"))).orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("casa", Source.CURRICULUM));
        assertThat(plan.language()).isEqualTo(SPANISH);
        assertThat(plan.newWords()).isEqualTo(COUNT);
    }

    @Test
    void plan_curriculumGivesTwoWords_usesBoth() {
        List<CurriculumEntry> curriculum = List.of(
                entry("casa", LessonDay.parse("2026-03-01")),
                entry("mesa", LessonDay.parse("2026-03-02")),
                entry("silla", LessonDay.parse("2026-03-03")));

        LessonPlan plan = plan(curriculum, Evidence.empty()).orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text).containsExactly("casa", "mesa");
    }

    @Test
    void plan_emptyCurriculum_opensWithMissedTargetsFirst() {
        LessonPlan plan = plan(List.of(), evidence(List.of("perro", "caballo"), List.of("gato"), List.of("hola")))
                .orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source, ReviewWord::retrievability)
                .containsExactly(tuple("perro", Source.MISSED_TARGET, 0.0), tuple("caballo", Source.MISSED_TARGET, 0.0));
    }

    @Test
    void plan_emptyCurriculumAndOneMiss_fillsWithAHit() {
        LessonPlan plan = plan(List.of(), evidence(List.of("perro"), List.of("gato", "ratón"), List.of("hola")))
                .orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("perro", Source.MISSED_TARGET), tuple("gato", Source.HIT_TARGET));
    }

    @Test
    void plan_emptyCurriculumAndOnlyHits_opensWithHits() {
        LessonPlan plan = plan(List.of(), evidence(List.of(), List.of("gato", "ratón", "pez"), List.of("hola")))
                .orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("gato", Source.HIT_TARGET), tuple("ratón", Source.HIT_TARGET));
    }

    @Test
    void plan_emptyCurriculumAndOneHit_fillsWithAWordUsed() {
        LessonPlan plan = plan(List.of(), evidence(List.of(), List.of("gato"), List.of("hola", "adiós"))).orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("gato", Source.HIT_TARGET), tuple("hola", Source.WORD_USED));
    }

    @Test
    void plan_emptyCurriculumAndOnlyWordsUsed_opensWithWordsUsed() {
        LessonPlan plan = plan(List.of(), evidence(List.of(), List.of(), List.of("hola", "adiós", "gracias")))
                .orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("hola", Source.WORD_USED), tuple("adiós", Source.WORD_USED));
    }

    @Test
    void plan_sameWordMissedAndUsed_isChosenOnce() {
        LessonPlan plan = plan(List.of(), evidence(List.of("gato"), List.of(), List.of("El gato", "casa")))
                .orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("gato", Source.MISSED_TARGET), tuple("casa", Source.WORD_USED));
    }

    @Test
    void plan_singleWordInEvidence_plansOneReview() {
        LessonPlan plan = plan(List.of(), evidence(List.of(), List.of(), List.of("hola"))).orElseThrow();

        assertThat(plan.reviewWords()).singleElement().extracting(ReviewWord::key)
                .isEqualTo(WordKey.of(SPANISH, "hola"));
    }

    @Test
    void plan_curriculumOnlyFromToday_fallsBackToEvidence() {
        List<CurriculumEntry> curriculum = List.of(entry("casa", TODAY));

        LessonPlan plan = plan(curriculum, evidence(List.of("perro"), List.of(), List.of())).orElseThrow();

        assertThat(plan.reviewWords()).extracting(ReviewWord::text, ReviewWord::source)
                .containsExactly(tuple("perro", Source.MISSED_TARGET));
    }

    @Test
    void plan_manyWordsEverywhere_neverPlansMoreThanTwo() {
        LessonPlan plan = plan(List.of(), evidence(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c1", "c2")))
                .orElseThrow();

        assertThat(plan.reviewWords()).hasSize(2);
    }

    @Test
    void plan_nothingAtAll_isEmpty() {
        assertThat(plan(List.of(), Evidence.empty())).isEmpty();
    }

    @Test
    void plan_onlyFeedbackAndCurriculumFromToday_isEmpty() {
        Evidence feedbackOnly = Evidence.from(SPANISH, List.of(
                AnalysisResult.builder(USER, THIS_MORNING).feedback("Nice pace.").build()));

        assertThat(plan(List.of(entry("casa", TODAY)), feedbackOnly)).isEmpty();
    }
}

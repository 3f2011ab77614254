package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReviewSelectionTest {

    private static final Fsrs FSRS = Fsrs.withDefaults();
    private static final Language SPANISH = Language.of("es");
    private static final LessonDay TODAY = LessonDay.parse("2026-03-10");
    private static final LocalDate TODAY_DATE = TODAY.date();
    private static final LessonDay LONG_AGO = LessonDay.parse("2026-01-01");

    private final ReviewSelection selection = new ReviewSelection(FSRS);

    private static CurriculumEntry neverRecalled(String word, LessonDay introducedOn) {
        return CurriculumEntry.introduced(WordKey.of(SPANISH, word), word, "", "", introducedOn);
    }

    private static CurriculumEntry recalled(String word, double stability, int daysSinceReview) {
        return CurriculumEntry.restore(WordKey.of(SPANISH, word), word, "", "", LONG_AGO, CurriculumEntry.Origin.LESSON,
                new MemoryState(stability, 5.0, TODAY_DATE.minusDays(daysSinceReview)), RecallHistory.empty());
    }

    private List<String> selected(List<CurriculumEntry> candidates) {
        return selection.select(candidates, TODAY).stream().map(ReviewWord::text).toList();
    }

    @Test
    void select_aWordTheLearnerOnlyUsed_isNeverChosen_untilItOpensAReview() {
        CurriculumEntry used = CurriculumEntry.used(WordKey.of(SPANISH, "mesa"), "mesa", LONG_AGO);
        CurriculumEntry known = recalled("gato", 30, 1);

        assertThat(selected(List.of(used, known))).containsExactly("gato");
        assertThat(selected(List.of(used.openedReview(), known))).containsExactly("mesa");
    }

    @Test
    void select_noCandidates_isEmpty() {
        assertThat(selection.select(List.of(), TODAY)).isEmpty();
    }

    @Test
    void select_onlyWordsIntroducedTodayOrLater_isEmpty() {
        List<CurriculumEntry> candidates = List.of(
                neverRecalled("hoy", TODAY),
                neverRecalled("mañana", LessonDay.parse("2026-03-11")));

        assertThat(selection.select(candidates, TODAY)).isEmpty();
    }

    @Test
    void select_wordIntroducedToday_isSkippedForOneIntroducedBefore() {
        List<CurriculumEntry> candidates = List.of(
                neverRecalled("hoy", TODAY),
                neverRecalled("ayer", LessonDay.parse("2026-03-09")));

        assertThat(selected(candidates)).containsExactly("ayer");
    }

    @Test
    void select_recalledWords_lowestRetrievabilityFirst() {
        List<CurriculumEntry> candidates = List.of(
                recalled("reciente", 5.0, 1),
                recalled("olvidado", 2.0, 30),
                recalled("medio", 5.0, 10));

        List<ReviewWord> words = selection.select(candidates, TODAY);

        assertThat(words).extracting(ReviewWord::text).containsExactly("olvidado", "medio");
        assertThat(words.get(0).retrievability()).isLessThan(words.get(1).retrievability());
        assertThat(words.get(0).retrievability())
                .isEqualTo(FSRS.retrievability(30, 2.0));
    }

    @Test
    void select_neverRecalledWord_ranksFirstWithRetrievabilityZero() {
        List<CurriculumEntry> candidates = List.of(
                recalled("casi-olvidado", MemoryState.MIN_STABILITY, 60),
                neverRecalled("nuevo", LessonDay.parse("2026-03-09")));

        List<ReviewWord> words = selection.select(candidates, TODAY);

        assertThat(words).extracting(ReviewWord::text).containsExactly("nuevo", "casi-olvidado");
        assertThat(words.get(0).retrievability()).isZero();
        assertThat(words.get(1).retrievability()).isPositive();
    }

    @Test
    void select_chosenWord_carriesKeyWritingSourceAndRetrievability() {
        CurriculumEntry entry = CurriculumEntry.introduced(WordKey.of(SPANISH, "el gato"), "el gato", "ˈɡato", "cat",
                LONG_AGO);

        assertThat(selection.select(List.of(entry), TODAY)).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo(WordKey.of(SPANISH, "gato"));
            assertThat(w.text()).isEqualTo("el gato");
            assertThat(w.source()).isEqualTo(ReviewWord.Source.CURRICULUM);
            assertThat(w.retrievability()).isZero();
        });
    }

    @Test
    void select_equalRetrievability_smallerStabilityFirst() {
        CurriculumEntry larger = recalled("abeja", 2.0, 4);
        CurriculumEntry smaller = recalled("zorro", 1.0, 2);
        assertThat(selection.retrievability(larger, TODAY)).isEqualTo(selection.retrievability(smaller, TODAY));

        assertThat(selected(List.of(larger, smaller))).containsExactly("zorro", "abeja");
        assertThat(selected(List.of(smaller, larger))).containsExactly("zorro", "abeja");
    }

    @Test
    void select_equalRetrievabilityAndStability_olderLastReviewFirst() {
        CurriculumEntry newer = neverRecalled("abeja", LessonDay.parse("2026-03-05"));
        CurriculumEntry older = neverRecalled("zorro", LessonDay.parse("2026-03-01"));

        assertThat(selected(List.of(newer, older))).containsExactly("zorro", "abeja");
        assertThat(selected(List.of(older, newer))).containsExactly("zorro", "abeja");
    }

    @Test
    void select_recalledWordsWithEqualRetrievabilityAndStability_olderLastReviewFirst() {
        // A last review after today (a clock that went backwards) counts as 0 elapsed days, like today.
        CurriculumEntry reviewedToday = recalled("zorro", 3.0, 0);
        CurriculumEntry reviewedTomorrow = recalled("abeja", 3.0, -1);
        assertThat(selection.retrievability(reviewedToday, TODAY))
                .isEqualTo(selection.retrievability(reviewedTomorrow, TODAY));

        assertThat(selected(List.of(reviewedTomorrow, reviewedToday))).containsExactly("zorro");
    }

    @Test
    void select_equalRetrievabilityStabilityAndLastReview_smallerKeyFirst() {
        LessonDay sameDay = LessonDay.parse("2026-03-01");
        List<CurriculumEntry> candidates = List.of(
                neverRecalled("gato", sameDay),
                neverRecalled("casa", sameDay),
                neverRecalled("perro", sameDay));

        assertThat(selected(candidates)).containsExactly("casa", "gato");
    }

    @Test
    void select_recalledWordsIdenticalButForKey_smallerKeyFirst() {
        List<CurriculumEntry> candidates = List.of(
                recalled("perro", 2.0, 5),
                recalled("gato", 2.0, 5),
                recalled("casa", 2.0, 5));

        assertThat(selected(candidates)).containsExactly("casa", "gato");
    }

    @Test
    void select_secondWordNotDue_choosesOnlyOne() {
        List<CurriculumEntry> candidates = List.of(
                recalled("olvidado", 1.0, 20),
                recalled("fresco", 10.0, 1));
        assertThat(selection.retrievability(candidates.get(1), TODAY)).isGreaterThan(ReviewSelection.DESIRED_RETENTION);

        assertThat(selected(candidates)).containsExactly("olvidado");
    }

    @Test
    void select_everythingWellKnown_stillChoosesOne() {
        List<CurriculumEntry> candidates = List.of(
                recalled("uno", 30.0, 1),
                recalled("dos", 30.0, 0),
                recalled("tres", 50.0, 2));

        assertThat(selection.select(candidates, TODAY)).singleElement()
                .satisfies(w -> assertThat(w.retrievability()).isGreaterThan(ReviewSelection.DESIRED_RETENTION));
    }

    @Test
    void select_secondWordJustDue_choosesTwo() {
        List<CurriculumEntry> candidates = List.of(
                recalled("olvidado", 1.0, 20),
                recalled("justo", 4.0, 5),
                recalled("fresco", 10.0, 1));
        assertThat(selection.retrievability(candidates.get(1), TODAY)).isLessThan(ReviewSelection.DESIRED_RETENTION);

        assertThat(selected(candidates)).containsExactly("olvidado", "justo");
    }

    @Test
    void select_manyDueWords_choosesAtMostTwo() {
        List<CurriculumEntry> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(neverRecalled("palabra" + i, LONG_AGO));
        }

        assertThat(selection.select(candidates, TODAY)).hasSize(ReviewSelection.MAX_REVIEWS);
    }

    @Test
    void select_singleCandidate_choosesIt() {
        assertThat(selected(List.of(recalled("único", 100.0, 0)))).containsExactly("único");
    }

    @Test
    void select_shuffledInput_givesTheSameResult() {
        LessonDay sameDay = LessonDay.parse("2026-03-01");
        List<CurriculumEntry> candidates = List.of(
                recalled("uno", 2.0, 4),
                recalled("dos", 1.0, 2),
                recalled("tres", 1.0, 2),
                recalled("cuatro", 8.0, 3),
                recalled("cinco", 3.0, 0),
                recalled("seis", 3.0, -1),
                neverRecalled("siete", sameDay),
                neverRecalled("ocho", sameDay),
                neverRecalled("nueve", LessonDay.parse("2026-03-02")),
                neverRecalled("diez", TODAY),
                recalled("once", 0.5, 30),
                recalled("doce", 0.5, 30));
        List<ReviewWord> expected = selection.select(candidates, TODAY);
        assertThat(expected).extracting(ReviewWord::text).containsExactly("ocho", "siete");

        Random random = new Random(20260310L);
        for (int round = 0; round < 25; round++) {
            List<CurriculumEntry> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, random);

            assertThat(selection.select(shuffled, TODAY)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void select_shuffledRecalledWordsOnly_givesTheSameResult() {
        List<CurriculumEntry> candidates = List.of(
                recalled("uno", 2.0, 4),
                recalled("dos", 1.0, 2),
                recalled("tres", 1.0, 2),
                recalled("cuatro", 8.0, 3),
                recalled("cinco", 0.5, 1),
                recalled("seis", 3.0, 0));
        List<ReviewWord> expected = selection.select(candidates, TODAY);
        assertThat(expected).extracting(ReviewWord::text).containsExactly("cinco", "dos");

        Random random = new Random(7L);
        for (int round = 0; round < 25; round++) {
            List<CurriculumEntry> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, random);

            assertThat(selection.select(shuffled, TODAY)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void retrievability_neverRecalled_isZero() {
        assertThat(selection.retrievability(neverRecalled("gato", LONG_AGO), TODAY)).isZero();
    }

    @Test
    void retrievability_recalled_isTheFsrsPredictionForToday() {
        CurriculumEntry entry = recalled("gato", 4.0, 4);

        assertThat(selection.retrievability(entry, TODAY))
                .isEqualTo(FSRS.retrievability(entry.memory().orElseThrow(), TODAY_DATE))
                .isCloseTo(0.9, offset(1e-9));
    }
}

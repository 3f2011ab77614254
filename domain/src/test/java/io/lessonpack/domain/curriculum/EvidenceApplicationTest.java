package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceApplicationTest {

    private static final Fsrs FSRS = Fsrs.withDefaults();
    private static final Language SPANISH = Language.of("es");
    private static final LessonDay INTRODUCED = LessonDay.parse("2026-02-20");
    private static final Instant DAY_1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_1_LATER = Instant.parse("2026-03-01T23:59:59.999Z");
    private static final Instant DAY_3 = Instant.parse("2026-03-03T00:00:00Z");

    private static final LessonDay TODAY = LessonDay.parse("2026-03-03");

    private final EvidenceApplication application = new EvidenceApplication(FSRS);

    /** The moved entries when the evidence is these outcomes only. */
    private List<CurriculumEntry> moved(List<CurriculumEntry> known, List<WordOutcome> outcomes) {
        return application.apply(SPANISH, known, Set.of(), outcomes, List.of(), TODAY).moved();
    }

    private static CurriculumEntry entry(String word) {
        return CurriculumEntry.introduced(WordKey.of(SPANISH, word), word, "", "", INTRODUCED);
    }

    private static WordOutcome outcome(String word, Rating rating, Instant at) {
        return new WordOutcome(WordKey.of(SPANISH, word), word, rating, at);
    }

    @Test
    void apply_outcomeForKnownWord_changesOnlyThatEntry() {
        List<CurriculumEntry> known = List.of(entry("gato"), entry("perro"), entry("casa"));

        List<CurriculumEntry> changed = moved(known, List.of(outcome("perro", Rating.AGAIN, DAY_1)));

        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(WordKey.of(SPANISH, "perro"));
            assertThat(e.memory()).contains(FSRS.first(Rating.AGAIN, LocalDate.of(2026, 3, 1)));
        });
    }

    @Test
    void apply_outcomeForAWordTheCurriculumDoesNotHold_createsATestedEntryWithItsMemoryAndHistory() {
        List<CurriculumEntry> known = List.of(entry("gato"));

        EvidenceApplication.Applied applied = application.apply(SPANISH, known, Set.of(), List.of(
                outcome("murciélago", Rating.AGAIN, DAY_1), outcome("ratón", Rating.GOOD, DAY_1),
                outcome("murciélago", Rating.GOOD, DAY_3)), List.of(), TODAY);

        assertThat(applied.moved()).isEmpty();
        assertThat(applied.created()).extracting(e -> e.key().value()).containsExactly("murciélago", "ratón");
        CurriculumEntry bat = applied.created().get(0);
        assertThat(bat.origin()).isEqualTo(CurriculumEntry.Origin.TESTED);
        assertThat(bat.introducedOn()).isEqualTo(LessonDay.parse("2026-03-01"));
        assertThat(bat.scheduled()).isTrue();
        assertThat(bat.memory()).contains(FSRS.review(FSRS.first(Rating.AGAIN, LocalDate.of(2026, 3, 1)), Rating.GOOD,
                LocalDate.of(2026, 3, 3)));
        assertThat(bat.history().recalls()).containsExactly(new Recall(LocalDate.of(2026, 3, 1), Rating.AGAIN),
                new Recall(LocalDate.of(2026, 3, 3), Rating.GOOD));
        assertThat(applied.created().get(1).memory()).contains(FSRS.first(Rating.GOOD, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void apply_aWordUsedThatTheCurriculumDoesNotHold_becomesKnownButUnscheduled() {
        EvidenceApplication.Applied applied = application.apply(SPANISH, List.of(entry("gato")), Set.of(), List.of(),
                List.of("el gato", "la mesa", "¿?", "La Mesa"), TODAY);

        assertThat(applied.moved()).isEmpty();
        assertThat(applied.created()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(WordKey.of(SPANISH, "mesa"));
            assertThat(e.origin()).isEqualTo(CurriculumEntry.Origin.USED);
            assertThat(e.scheduled()).isFalse();
            assertThat(e.memory()).isEmpty();
            assertThat(e.introducedOn()).isEqualTo(TODAY);
        });
    }

    @Test
    void apply_aWordBothUsedAndTested_isATestedEntry() {
        EvidenceApplication.Applied applied = application.apply(SPANISH, List.of(), Set.of(),
                List.of(outcome("mesa", Rating.GOOD, DAY_1)), List.of("mesa"), TODAY);

        assertThat(applied.created()).singleElement().extracting(CurriculumEntry::origin)
                .isEqualTo(CurriculumEntry.Origin.TESTED);
    }

    @Test
    void apply_aKeyTheCurriculumHoldsAsAnotherWordsReading_isNeitherMovedNorCreated() {
        Language japanese = Language.of("ja");
        WordKey neko = WordKey.of(japanese, "ねこ");

        EvidenceApplication.Applied applied = application.apply(japanese, List.of(), Set.of(neko),
                List.of(new WordOutcome(neko, "ねこ", Rating.GOOD, DAY_1)), List.of("ねこ"), TODAY);

        assertThat(applied.moved()).isEmpty();
        assertThat(applied.created()).isEmpty();
    }

    @Test
    void apply_noOutcomes_changesNothing() {
        assertThat(moved(List.of(entry("gato")), List.of())).isEmpty();
    }

    @Test
    void apply_outcomeMatchingByKey_updatesEntryWrittenDifferently() {
        CurriculumEntry elGato = CurriculumEntry.introduced(WordKey.of(SPANISH, "El gato"), "El gato", "", "",
                INTRODUCED);

        List<CurriculumEntry> changed = moved(List.of(elGato),
                List.of(new WordOutcome(WordKey.of(SPANISH, "¡gato!"), "¡gato!", Rating.GOOD, DAY_1)));

        assertThat(changed).singleElement().extracting(CurriculumEntry::writing).isEqualTo("El gato");
    }

    @Test
    void apply_returnsOnlyChangedEntries_inTheOrderOfTheCurriculum() {
        CurriculumEntry reviewedToday = entry("casa").recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-01"));
        List<CurriculumEntry> known = List.of(entry("uno"), reviewedToday, entry("dos"), entry("tres"));

        List<CurriculumEntry> changed = moved(known, List.of(
                outcome("tres", Rating.GOOD, DAY_1),
                outcome("casa", Rating.AGAIN, DAY_1),
                outcome("uno", Rating.AGAIN, DAY_1)));

        assertThat(changed).extracting(e -> e.key().value()).containsExactly("uno", "tres");
    }

    @Test
    void apply_outcomesOnSeveralDays_areAppliedInOrder() {
        List<CurriculumEntry> changed = moved(List.of(entry("gato")), List.of(
                outcome("gato", Rating.AGAIN, DAY_1),
                outcome("gato", Rating.GOOD, DAY_1_LATER),
                outcome("gato", Rating.GOOD, DAY_3)));

        MemoryState expected = FSRS.review(FSRS.first(Rating.AGAIN, LocalDate.of(2026, 3, 1)), Rating.GOOD,
                LocalDate.of(2026, 3, 3));
        assertThat(changed).singleElement().satisfies(e -> assertThat(e.memory()).contains(expected));
    }

    @Test
    void apply_outcomeOlderThanLastReview_changesNothing() {
        CurriculumEntry reviewed = entry("gato").recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-03"));

        assertThat(moved(List.of(reviewed), List.of(outcome("gato", Rating.AGAIN, DAY_1)))).isEmpty();
    }

    @Test
    void apply_doesNotChangeTheGivenEntries() {
        CurriculumEntry gato = entry("gato");

        moved(List.of(gato), List.of(outcome("gato", Rating.GOOD, DAY_1)));

        assertThat(gato.memory()).isEmpty();
    }
}

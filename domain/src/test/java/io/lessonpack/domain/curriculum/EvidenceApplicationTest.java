package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceApplicationTest {

    private static final Fsrs FSRS = Fsrs.withDefaults();
    private static final Language SPANISH = Language.of("es");
    private static final LessonDay INTRODUCED = LessonDay.parse("2026-02-20");
    private static final Instant DAY_1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_1_LATER = Instant.parse("2026-03-01T23:59:59.999Z");
    private static final Instant DAY_3 = Instant.parse("2026-03-03T00:00:00Z");

    private final EvidenceApplication application = new EvidenceApplication(FSRS);

    private static CurriculumEntry entry(String word) {
        return CurriculumEntry.introduced(WordKey.of(SPANISH, word), word, "", "", INTRODUCED);
    }

    private static WordOutcome outcome(String word, Rating rating, Instant at) {
        return new WordOutcome(WordKey.of(SPANISH, word), word, rating, at);
    }

    @Test
    void apply_outcomeForKnownWord_changesOnlyThatEntry() {
        List<CurriculumEntry> known = List.of(entry("gato"), entry("perro"), entry("casa"));

        List<CurriculumEntry> changed = application.apply(known, List.of(outcome("perro", Rating.AGAIN, DAY_1)));

        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(WordKey.of(SPANISH, "perro"));
            assertThat(e.memory()).contains(FSRS.first(Rating.AGAIN, LocalDate.of(2026, 3, 1)));
        });
    }

    @Test
    void apply_outcomeForUnknownWord_createsNoEntry() {
        List<CurriculumEntry> known = List.of(entry("gato"));

        List<CurriculumEntry> changed = application.apply(known, List.of(
                outcome("murciélago", Rating.AGAIN, DAY_1), outcome("ratón", Rating.GOOD, DAY_3)));

        assertThat(changed).isEmpty();
    }

    @Test
    void apply_emptyCurriculum_changesNothing() {
        assertThat(application.apply(List.of(), List.of(outcome("gato", Rating.GOOD, DAY_1)))).isEmpty();
    }

    @Test
    void apply_noOutcomes_changesNothing() {
        assertThat(application.apply(List.of(entry("gato")), List.of())).isEmpty();
    }

    @Test
    void apply_outcomeMatchingByKey_updatesEntryWrittenDifferently() {
        CurriculumEntry elGato = CurriculumEntry.introduced(WordKey.of(SPANISH, "El gato"), "El gato", "", "",
                INTRODUCED);

        List<CurriculumEntry> changed = application.apply(List.of(elGato),
                List.of(new WordOutcome(WordKey.of(SPANISH, "¡gato!"), "¡gato!", Rating.GOOD, DAY_1)));

        assertThat(changed).singleElement().extracting(CurriculumEntry::writing).isEqualTo("El gato");
    }

    @Test
    void apply_returnsOnlyChangedEntries_inTheOrderOfTheCurriculum() {
        CurriculumEntry reviewedToday = entry("casa").recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-01"));
        List<CurriculumEntry> known = List.of(entry("uno"), reviewedToday, entry("dos"), entry("tres"));

        List<CurriculumEntry> changed = application.apply(known, List.of(
                outcome("tres", Rating.GOOD, DAY_1),
                outcome("casa", Rating.AGAIN, DAY_1),
                outcome("uno", Rating.AGAIN, DAY_1)));

        assertThat(changed).extracting(e -> e.key().value()).containsExactly("uno", "tres");
    }

    @Test
    void apply_outcomesOnSeveralDays_areAppliedInOrder() {
        List<CurriculumEntry> changed = application.apply(List.of(entry("gato")), List.of(
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

        assertThat(application.apply(List.of(reviewed), List.of(outcome("gato", Rating.AGAIN, DAY_1)))).isEmpty();
    }

    @Test
    void apply_doesNotChangeTheGivenEntries() {
        CurriculumEntry gato = entry("gato");

        application.apply(List.of(gato), List.of(outcome("gato", Rating.GOOD, DAY_1)));

        assertThat(gato.memory()).isEmpty();
    }
}

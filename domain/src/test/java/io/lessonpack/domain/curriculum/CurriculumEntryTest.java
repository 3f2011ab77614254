package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurriculumEntryTest {

    private static final Fsrs FSRS = Fsrs.withDefaults();
    private static final Language SPANISH = Language.of("es");
    private static final Language JAPANESE = Language.of("ja");
    private static final LessonDay INTRODUCED = LessonDay.parse("2026-02-20");
    private static final LessonDay DAY_1 = LessonDay.parse("2026-03-01");
    private static final LessonDay DAY_2 = LessonDay.parse("2026-03-02");
    private static final LessonDay DAY_5 = LessonDay.parse("2026-03-05");

    private static CurriculumEntry gato() {
        return CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "el gato", "ˈɡato", "cat", INTRODUCED);
    }

    private static CurriculumEntry japanese(String writing, String pronunciation) {
        return CurriculumEntry.introduced(WordKey.of(JAPANESE, writing), writing, pronunciation, "meaning", INTRODUCED);
    }

    @Test
    void introduced_hasNoMemoryAndKeepsItsParts() {
        CurriculumEntry entry = CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "  el gato ", " ˈɡato ",
                " cat ", INTRODUCED);

        assertThat(entry.key()).isEqualTo(WordKey.of(SPANISH, "gato"));
        assertThat(entry.writing()).isEqualTo("el gato");
        assertThat(entry.pronunciation()).isEqualTo("ˈɡato");
        assertThat(entry.meaning()).isEqualTo("cat");
        assertThat(entry.introducedOn()).isEqualTo(INTRODUCED);
        assertThat(entry.memory()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void introduced_blankWriting_isRefused(String writing) {
        assertThatThrownBy(() -> CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), writing, "", "", INTRODUCED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writing");
    }

    @Test
    void introduced_nullParts_areRefused() {
        WordKey key = WordKey.of(SPANISH, "gato");
        assertThatThrownBy(() -> CurriculumEntry.introduced(null, "gato", "", "", INTRODUCED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CurriculumEntry.introduced(key, null, "", "", INTRODUCED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurriculumEntry.introduced(key, "gato", null, "", INTRODUCED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CurriculumEntry.introduced(key, "gato", "", null, INTRODUCED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CurriculumEntry.introduced(key, "gato", "", "", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void restore_withMemory_keepsIt() {
        MemoryState memory = new MemoryState(3.5, 5.0, LocalDate.of(2026, 3, 1));

        CurriculumEntry entry = CurriculumEntry.restore(WordKey.of(SPANISH, "gato"), "gato", "", "", INTRODUCED,
                CurriculumEntry.Origin.LESSON, memory, RecallHistory.empty());

        assertThat(entry.memory()).contains(memory);
        assertThat(entry.pronunciation()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Rating.class, names = {"AGAIN", "GOOD"})
    void recordOutcome_firstOutcome_setsTheInitialFsrsState(Rating rating) {
        CurriculumEntry updated = gato().recordOutcome(FSRS, rating, DAY_1);

        assertThat(updated.memory()).contains(Fsrs.withDefaults().first(rating, DAY_1.date()));
        assertThat(updated.memory().orElseThrow().lastReview()).isEqualTo(DAY_1.date());
    }

    @Test
    void recordOutcome_firstOutcome_keepsEverythingElse() {
        CurriculumEntry entry = gato();

        CurriculumEntry updated = entry.recordOutcome(FSRS, Rating.GOOD, DAY_1);

        assertThat(updated.key()).isEqualTo(entry.key());
        assertThat(updated.writing()).isEqualTo(entry.writing());
        assertThat(updated.pronunciation()).isEqualTo(entry.pronunciation());
        assertThat(updated.meaning()).isEqualTo(entry.meaning());
        assertThat(updated.introducedOn()).isEqualTo(entry.introducedOn());
        assertThat(entry.memory()).as("the original entry is not changed").isEmpty();
    }

    @Test
    void recordOutcome_laterDay_updatesWithFsrsReview() {
        CurriculumEntry once = gato().recordOutcome(FSRS, Rating.GOOD, DAY_1);

        CurriculumEntry twice = once.recordOutcome(FSRS, Rating.AGAIN, DAY_5);

        MemoryState expected = FSRS.review(FSRS.first(Rating.GOOD, DAY_1.date()), Rating.AGAIN, DAY_5.date());
        assertThat(twice.memory()).contains(expected);
        assertThat(twice.memory().orElseThrow().lastReview()).isEqualTo(DAY_5.date());
    }

    @Test
    void recordOutcome_nextDay_updates() {
        CurriculumEntry once = gato().recordOutcome(FSRS, Rating.GOOD, DAY_1);

        CurriculumEntry twice = once.recordOutcome(FSRS, Rating.GOOD, DAY_2);

        assertThat(twice).isNotEqualTo(once);
        assertThat(twice.memory()).contains(FSRS.review(once.memory().orElseThrow(), Rating.GOOD, DAY_2.date()));
    }

    @ParameterizedTest
    @EnumSource(value = Rating.class, names = {"AGAIN", "GOOD"})
    void recordOutcome_sameDayAsLastReview_leavesEntryUnchanged(Rating rating) {
        CurriculumEntry once = gato().recordOutcome(FSRS, Rating.GOOD, DAY_2);

        CurriculumEntry again = once.recordOutcome(FSRS, rating, DAY_2);

        assertThat(again).isEqualTo(once);
        assertThat(again.memory()).isEqualTo(once.memory());
    }

    @Test
    void recordOutcome_dayBeforeLastReview_leavesEntryUnchanged() {
        CurriculumEntry recent = gato().recordOutcome(FSRS, Rating.GOOD, DAY_5);

        CurriculumEntry outOfOrder = recent.recordOutcome(FSRS, Rating.AGAIN, DAY_1);

        assertThat(outOfOrder).isEqualTo(recent);
        assertThat(outOfOrder.memory().orElseThrow().lastReview()).isEqualTo(DAY_5.date());
    }

    @Test
    void recordOutcome_restoredMemory_continuesFromIt() {
        MemoryState stored = new MemoryState(2.3065, 2.1181, LocalDate.of(2026, 3, 1));
        CurriculumEntry entry = CurriculumEntry.restore(WordKey.of(SPANISH, "gato"), "gato", "", "", INTRODUCED,
                CurriculumEntry.Origin.LESSON, stored, RecallHistory.empty());

        CurriculumEntry updated = entry.recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-03"));

        assertThat(updated.memory()).contains(FSRS.review(stored, Rating.GOOD, LocalDate.of(2026, 3, 3)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "橋, はし (hashi)",
        "橋, ハシ (hashi)",
        "橋, はし",
        "橋, ハシ",
        "橋, はし（hashi）",
        "橋, はし/hashi",
        "橋, ' はし  hashi'",
        "箸, はし (hashi)",
        "端, ﾊｼ",
    })
    void readingKey_japaneseWordWithKanaPronunciation_isTheHiraganaKeyOfTheReading(String writing,
            String pronunciation) {
        assertThat(japanese(writing, pronunciation).readingKey()).isPresent()
                .isEqualTo(WordKey.readingKey(JAPANESE, "はし"));
    }

    @Test
    void readingKey_katakanaAndHiraganaPronunciations_foldToTheSameKey() {
        assertThat(japanese("橋", "ハシ (hashi)").readingKey()).isEqualTo(japanese("橋", "はし (hashi)").readingKey());
    }

    @Test
    void readingKey_kanaWritingWithRomanisedPronunciation_usesTheWriting() {
        assertThat(japanese("ねこ", "neko").readingKey()).isEqualTo(WordKey.readingKey(JAPANESE, "ねこ"));
        assertThat(japanese("ネコ", "").readingKey()).isEqualTo(WordKey.readingKey(JAPANESE, "ねこ"));
    }

    @Test
    void readingKey_kanaWritingInBrackets_isTheHiraganaKeyOfTheWriting() {
        CurriculumEntry entry = japanese("「ネコ」", "neko");
        assertThat(entry.key()).isEqualTo(WordKey.of(JAPANESE, "ネコ"));

        assertThat(entry.readingKey()).isEqualTo(WordKey.readingKey(JAPANESE, "ねこ"));
    }

    @Test
    void readingKey_kanjiWritingWithoutKanaPronunciation_isEmpty() {
        assertThat(japanese("橋", "hashi").readingKey()).isEmpty();
        assertThat(japanese("橋", "").readingKey()).isEmpty();
        assertThat(japanese("橋", "/haɕi/").readingKey()).isEmpty();
    }

    @Test
    void readingKey_spanish_isEmpty() {
        assertThat(gato().readingKey()).isEmpty();
        assertThat(CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "gato", "ガト", "cat", INTRODUCED)
                .readingKey()).isEmpty();
    }

    @Test
    void equals_sameParts_areEqual() {
        assertThat(gato()).isEqualTo(gato()).hasSameHashCodeAs(gato());
        assertThat(gato()).isNotEqualTo(gato().recordOutcome(FSRS, Rating.GOOD, DAY_1));
        assertThat(gato()).isNotEqualTo(CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "el gato", "ˈɡato",
                "a cat", INTRODUCED));
    }

    @Test
    void toString_holdsNoLearnerText() {
        CurriculumEntry entry = CurriculumEntry.introduced(WordKey.of(SPANISH, "murciélago"), "el murciélago",
                "muɾˈθjelaɣo", "bat", INTRODUCED);

        assertThat(entry.toString()).doesNotContain("murciélago", "muɾˈθjelaɣo", "bat");
    }

    @Test
    void recordOutcome_addsEachDaysFirstOutcomeToTheHistory() {
        CurriculumEntry gato = CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "gato", "", "", INTRODUCED);

        CurriculumEntry after = gato.recordOutcome(FSRS, Rating.AGAIN, LessonDay.parse("2026-03-01"))
                .recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-01"))
                .recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-04"))
                .recordOutcome(FSRS, Rating.AGAIN, LessonDay.parse("2026-03-02"));

        assertThat(after.history().recalls()).containsExactly(
                new Recall(LocalDate.of(2026, 3, 1), Rating.AGAIN), new Recall(LocalDate.of(2026, 3, 4), Rating.GOOD));
        assertThat(after.origin()).isEqualTo(CurriculumEntry.Origin.LESSON);
    }

    @Test
    void tested_startsItsMemoryFromTheOutcome_onTheOutcomesDay() {
        CurriculumEntry erre = CurriculumEntry.tested(FSRS, WordKey.of(SPANISH, "la erre"), "la erre", Rating.AGAIN,
                LessonDay.parse("2026-03-01"));

        assertThat(erre.origin()).isEqualTo(CurriculumEntry.Origin.TESTED);
        assertThat(erre.introducedOn()).isEqualTo(LessonDay.parse("2026-03-01"));
        assertThat(erre.memory()).contains(FSRS.first(Rating.AGAIN, LocalDate.of(2026, 3, 1)));
        assertThat(erre.history().size()).isEqualTo(1);
        assertThat(erre.scheduled()).isTrue();
    }

    @Test
    void used_isKnownButNotScheduled_untilTestedOrOpenedAsAReview() {
        CurriculumEntry mesa = CurriculumEntry.used(WordKey.of(SPANISH, "mesa"), "mesa", INTRODUCED);

        assertThat(mesa.scheduled()).isFalse();
        assertThat(mesa.recordOutcome(FSRS, Rating.GOOD, LessonDay.parse("2026-03-01")).scheduled()).isTrue();
        assertThat(mesa.openedReview().scheduled()).isTrue();
        assertThat(mesa.openedReview().origin()).isEqualTo(CurriculumEntry.Origin.REVIEWED);
        CurriculumEntry lesson = CurriculumEntry.introduced(WordKey.of(SPANISH, "gato"), "gato", "", "", INTRODUCED);
        assertThat(lesson.openedReview()).isSameAs(lesson);
    }
}

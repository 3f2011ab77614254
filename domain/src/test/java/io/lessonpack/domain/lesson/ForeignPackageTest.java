package io.lessonpack.domain.lesson;

import static io.lessonpack.domain.lesson.DraftFixtures.SPANISH;
import static io.lessonpack.domain.lesson.DraftFixtures.spanishPlan;
import static io.lessonpack.domain.lesson.DraftFixtures.valid;
import static io.lessonpack.domain.lesson.DraftFixtures.validDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForeignPackageTest {

    private static final PackageId ID = PackageId.of("legacy-1");
    private static final UserId USER = UserId.of("user-1");
    private static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant TAUGHT = Instant.parse("2026-02-20T18:30:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LessonDay TODAY = LessonDay.of(NOW);

    private static ForeignPackage foreign(String name, Instant createdAt, Instant taughtAt, List<WordNote> words) {
        return new ForeignPackage(ID, USER, Language.of("es-MX"), name, createdAt, taughtAt, "Meeting someone",
                List.of("hola", " adiós "), words);
    }

    private static WordNote word(String writing) {
        return new WordNote(writing, "/" + writing + "/", "meaning of " + writing);
    }

    @Test
    void adopt_keepsIdUserLanguageNameAndCreationAndStartsVersionOneOfTheSchema() {
        ValidDraft draft = valid(validDraft(spanishPlan()), spanishPlan());

        LessonPackage adopted = foreign("Daily practice", CREATED, TAUGHT, List.of()).adopt(draft, NOW, "offline");

        assertThat(adopted.id()).isEqualTo(ID);
        assertThat(adopted.userId()).isEqualTo(USER);
        assertThat(adopted.language()).isEqualTo(Language.of("es-MX"));
        assertThat(adopted.name()).isEqualTo("Daily practice");
        assertThat(adopted.version()).isEqualTo(1);
        assertThat(adopted.createdAt()).isEqualTo(CREATED);
        assertThat(adopted.updatedAt()).isEqualTo(NOW);
        assertThat(adopted.lessonDate()).isEqualTo(TODAY);
        assertThat(adopted.conversations()).isEqualTo(draft.draft().conversations());
        assertThat(adopted.author()).isEqualTo("offline");
    }

    @Test
    void adopt_noNameAndNoOrFutureCreation_takesTheLessonsNameAndNow() {
        ValidDraft draft = valid(validDraft(spanishPlan()), spanishPlan());

        LessonPackage unnamed = foreign("  ", null, null, List.of()).adopt(draft, NOW, "offline");
        LessonPackage future = foreign("x", NOW.plusSeconds(86_400 * 365L), null, List.of()).adopt(draft, NOW, "offline");

        assertThat(unnamed.name()).isEqualTo(draft.draft().name());
        assertThat(unnamed.createdAt()).isEqualTo(NOW);
        assertThat(future.createdAt()).isEqualTo(NOW);
    }

    @Test
    void adopt_aLessonOfAnotherLanguage_isRefused() {
        LessonPlan french = DraftFixtures.plan(Language.of("fr"), NewWordCount.of(5), "chat");
        ValidDraft draft = valid(validDraft(french, DraftFixtures.FIVE_NEW_WORDS), french);

        assertThatThrownBy(() -> foreign("x", CREATED, TAUGHT, List.of()).adopt(draft, NOW, "offline"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot adopt");
    }

    @Test
    void curriculumEntries_areItsWordsOnceEachIntroducedWhenItWasLastChanged() {
        ForeignPackage pkg = foreign("x", CREATED, TAUGHT,
                List.of(word("el gato"), word("Gato"), word("¿?"), word("perro")));

        List<CurriculumEntry> entries = pkg.curriculumEntries(TODAY);

        assertThat(entries).extracting(CurriculumEntry::key)
                .containsExactly(WordKey.of(SPANISH, "gato"), WordKey.of(SPANISH, "perro"));
        assertThat(entries).allMatch(e -> e.introducedOn().equals(LessonDay.parse("2026-02-20")));
        assertThat(entries.get(0).writing()).isEqualTo("el gato");
        assertThat(entries.get(0).pronunciation()).isEqualTo("/el gato/");
        assertThat(entries.get(0).memory()).isEmpty();
    }

    @Test
    void curriculumEntries_changedInTheFutureOrNeverSaid_areIntroducedToday() {
        assertThat(foreign("x", CREATED, NOW.plusSeconds(86_400 * 30L), List.of(word("gato"))).curriculumEntries(TODAY))
                .singleElement().extracting(CurriculumEntry::introducedOn).isEqualTo(TODAY);
        assertThat(foreign("x", CREATED, null, List.of(word("gato"))).curriculumEntries(TODAY))
                .singleElement().extracting(CurriculumEntry::introducedOn).isEqualTo(TODAY);
    }

    @Test
    void words_beyondTheBound_areLeftOut() {
        List<WordNote> many = IntStream.range(0, ForeignPackage.MAX_WORDS + 20).mapToObj(i -> word("palabra" + i)).toList();

        assertThat(foreign("x", CREATED, TAUGHT, many).words()).hasSize(ForeignPackage.MAX_WORDS);
    }

    @Test
    void lastLessonWords_areStrippedAndBlanksDropped() {
        ForeignPackage pkg = new ForeignPackage(ID, USER, SPANISH, null, null, null, null, List.of(" hola ", "", " "),
                List.of());

        assertThat(pkg.lastLessonWords()).containsExactly("hola");
        assertThat(pkg.lastLessonTitle()).isEmpty();
        assertThat(pkg.keptName()).isEmpty();
    }
}

package io.lessonpack.domain.lesson;

import static io.lessonpack.domain.lesson.DraftFixtures.SPANISH;
import static io.lessonpack.domain.lesson.DraftFixtures.newLesson;
import static io.lessonpack.domain.lesson.DraftFixtures.plan;
import static io.lessonpack.domain.lesson.DraftFixtures.review;
import static io.lessonpack.domain.lesson.DraftFixtures.spanishPlan;
import static io.lessonpack.domain.lesson.DraftFixtures.valid;
import static io.lessonpack.domain.lesson.DraftFixtures.validDraft;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.word.WordKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidDraftTest {

    @Test
    void newEntries_areIntroducedThatDayWithTheNotesPronunciationAndMeaning() {
        LessonPlan plan = plan(SPANISH, NewWordCount.of(2), "gato");
        PackageDraft draft = new PackageDraft("Spanish", List.of(review("gato"), newLesson(List.of("La Manzana", "pera"))),
                new Notes("Fruit.", List.of("Articles."), List.of(
                        new WordNote("pera", "ˈpeɾa", "pear"),
                        new WordNote("manzana", "manˈθana", "apple"))));
        LessonDay day = LessonDay.parse("2026-03-02");

        List<CurriculumEntry> entries = valid(draft, plan).newEntries(day);

        assertThat(entries).containsExactly(
                CurriculumEntry.introduced(WordKey.of(SPANISH, "manzana"), "La Manzana", "manˈθana", "apple", day),
                CurriculumEntry.introduced(WordKey.of(SPANISH, "pera"), "pera", "ˈpeɾa", "pear", day));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.introducedOn()).isEqualTo(day);
            assertThat(e.memory()).isEmpty();
        });
    }

    @Test
    void newEntries_followTheLessonsOrder() {
        LessonPlan plan = spanishPlan();
        LessonDay day = LessonDay.parse("2026-03-02");

        List<CurriculumEntry> entries = valid(validDraft(plan), plan).newEntries(day);

        assertThat(entries).extracting(CurriculumEntry::writing)
                .containsExactly("manzana", "pera", "uva", "naranja", "plátano");
        assertThat(entries).extracting(CurriculumEntry::pronunciation)
                .containsExactly("/manzana/", "/pera/", "/uva/", "/naranja/", "/plátano/");
    }
}

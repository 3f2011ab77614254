package io.lessonpack.adapter.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.DraftCheck;
import io.lessonpack.domain.lesson.DraftValidator;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.Violation;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineLessonAuthorTest {

    private static final AuthorBudget DEADLINE = new AuthorBudget(Instant.parse("2030-01-01T00:00:00Z"), Duration.ZERO);
    private final OfflineLessonAuthor author = new OfflineLessonAuthor();

    private static LessonBrief brief(Language language, List<String> reviewWords) {
        List<ReviewWord> reviews = reviewWords.stream().map(w -> review(language, w)).toList();
        return new LessonBrief(new LessonPlan(language, reviews, NewWordCount.defaultCount()), List.of(), List.of(),
                List.of(), List.of("Watch vowel length."), List.of(), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"es, gato, perro", "fr, merci, pain", "ja, 水, 駅"})
    void write_bundledLanguage_passesEveryDomainRule(String tag, String review1, String review2) {
        Language language = Language.of(tag);
        LessonBrief brief = brief(language, List.of(review1, review2));

        AuthoredDraft draft = author.write(brief, DEADLINE);

        assertThat(DraftValidator.validate(draft.draft(), brief.plan(), CurriculumLookup.empty()))
                .isInstanceOf(DraftCheck.Valid.class);
        assertThat(draft.author()).isEqualTo(OfflineLessonAuthor.AUTHOR);
        assertThat(draft.usage().calls()).isZero();
        assertThat(draft.draft().name()).contains("offline");
        assertThat(draft.draft().notes().learning()).contains("no language model");
        assertThat(draft.draft().conversations().get(0)).isInstanceOfSatisfying(ReviewTopic.class,
                r -> assertThat(r.openingWord()).isEqualTo(review1));
    }

    @Test
    void write_skipsEveryWordTheBriefShowsTheLearnerMet() {
        Language es = Language.of("es");
        List<String> met = List.of("hola", "buenos días", "adiós", "gracias", "por favor", "de nada");
        LessonBrief brief = new LessonBrief(new LessonPlan(es, List.of(review(es, "hasta luego")),
                NewWordCount.defaultCount()), List.of("la cuenta", "buenas noches"), List.of("el gato"), met,
                List.of(), List.of(new WordNote("buenas tardes", "", "")), new LessonBrief.PackageSummary(
                        "Spanish", 3, "New words: At the café", List.of("xyzzy")));

        List<String> newWords = newWords(author.write(brief, DEADLINE));

        assertThat(newWords).containsExactly("hasta mañana", "perdón", "con permiso", "mucho gusto", "¿cómo estás?");
    }

    @Test
    void write_continuesAfterTheLastLessonsWords_acrossTopics() {
        Language fr = Language.of("fr");
        LessonBrief brief = new LessonBrief(new LessonPlan(fr, List.of(review(fr, "merci")), NewWordCount.of(4)),
                List.of(), List.of(), List.of(), List.of(), List.of(), new LessonBrief.PackageSummary(
                        "French", 7, "New words: Greetings", List.of("bienvenue", "oui")));

        AuthoredDraft draft = author.write(brief, DEADLINE);

        assertThat(newWords(draft)).containsExactly("madame", "monsieur", "café", "eau");
        assertThat(draft.draft().conversations().get(1).title()).isEqualTo("New words: Greetings and At the café");
    }

    @Test
    void repair_keepsTheWordsTheCheckLetThrough_andAddsNoUncheckedOne() {
        Language es = Language.of("es");
        LessonBrief brief = brief(es, List.of("gato"));
        AuthoredDraft first = author.write(brief, DEADLINE);
        List<String> firstWords = newWords(first);
        CurriculumLookup lookup = curriculumOf(es, firstWords.get(0), firstWords.get(2));
        List<Violation> violations = ((DraftCheck.Invalid) DraftValidator.validate(first.draft(), brief.plan(), lookup))
                .violations();

        AuthoredDraft repaired = author.repair(brief, first.draft(), violations, DEADLINE);

        assertThat(DraftValidator.validate(repaired.draft(), brief.plan(), lookup)).isInstanceOf(DraftCheck.Valid.class);
        assertThat(newWords(repaired)).containsExactly(firstWords.get(1), firstWords.get(3), firstWords.get(4));
    }

    @Test
    void repair_everyWordMet_takesOnlyTheFewestNewWordsAllowed() {
        Language ja = Language.of("ja");
        LessonBrief brief = brief(ja, List.of("水"));
        AuthoredDraft first = author.write(brief, DEADLINE);
        List<String> firstWords = newWords(first);
        CurriculumLookup lookup = curriculumOf(ja, firstWords.toArray(String[]::new));
        List<Violation> violations = ((DraftCheck.Invalid) DraftValidator.validate(first.draft(), brief.plan(), lookup))
                .violations();

        AuthoredDraft repaired = author.repair(brief, first.draft(), violations, DEADLINE);

        assertThat(DraftValidator.validate(repaired.draft(), brief.plan(), lookup)).isInstanceOf(DraftCheck.Valid.class);
        assertThat(newWords(repaired)).hasSize(brief.newWords().min()).doesNotContainAnyElementsOf(firstWords);
    }

    @Test
    void write_languageWithoutLexicon_failsAsRejectedNamingTheLanguage() {
        LessonBrief brief = brief(Language.of("de"), List.of("Hund"));

        assertThatThrownBy(() -> author.write(brief, DEADLINE))
                .isInstanceOfSatisfying(LessonAuthorException.class,
                        e -> assertThat(e.kind()).isEqualTo(LessonAuthorException.Kind.REJECTED))
                .hasMessageContaining("de");
    }

    private static ReviewWord review(Language language, String word) {
        return new ReviewWord(WordKey.of(language, word), word, ReviewWord.Source.CURRICULUM, 0.5);
    }

    private static List<String> newWords(AuthoredDraft draft) {
        List<Conversation> conversations = draft.draft().conversations();
        return conversations.get(conversations.size() - 1).words();
    }

    private static CurriculumLookup curriculumOf(Language language, String... words) {
        Set<WordKey> curriculum = new HashSet<>();
        for (String word : words) {
            curriculum.add(WordKey.of(language, word));
        }
        return keys -> {
            Set<WordKey> found = new HashSet<>(keys);
            found.retainAll(curriculum);
            return found;
        };
    }
}

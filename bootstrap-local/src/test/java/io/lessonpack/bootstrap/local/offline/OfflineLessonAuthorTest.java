package io.lessonpack.bootstrap.local.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.ReviewWord;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineLessonAuthorTest {

    private static final AuthorBudget DEADLINE = new AuthorBudget(Instant.parse("2030-01-01T00:00:00Z"), Duration.ZERO);
    private final OfflineLessonAuthor author = new OfflineLessonAuthor();

    private static LessonBrief brief(Language language, List<String> reviewWords, List<String> missed,
            List<WordNote> known) {
        List<ReviewWord> reviews = reviewWords.stream()
                .map(w -> new ReviewWord(WordKey.of(language, w), w, ReviewWord.Source.CURRICULUM, 0.5)).toList();
        return new LessonBrief(new LessonPlan(language, reviews, NewWordCount.defaultCount()), missed, List.of(),
                List.of(), List.of("Watch vowel length."), known, Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"es, gato, perro", "fr, merci, pain", "ja, 水, 駅"})
    void write_bundledLanguage_passesEveryDomainRule(String tag, String review1, String review2) {
        Language language = Language.of(tag);
        LessonBrief brief = brief(language, List.of(review1, review2), List.of(), List.of());

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
    void write_prefersMissedTargetsTheLexiconKnows_andSkipsKnownWords() {
        Language es = Language.of("es");
        LessonBrief brief = brief(es, List.of("gato"), List.of("la cuenta", "xyzzy", "perro"),
                List.of(new WordNote("perro", "/ˈpe.ro/", "dog")));

        AuthoredDraft draft = author.write(brief, DEADLINE);

        List<String> newWords = draft.draft().conversations().get(1).words();
        assertThat(newWords).first().isEqualTo("la cuenta");
        assertThat(newWords).doesNotContain("xyzzy", "perro", "gato").hasSize(5);
    }

    @Test
    void repair_replacesTheWordsTheViolationsName() {
        Language es = Language.of("es");
        LessonBrief brief = brief(es, List.of("gato"), List.of(), List.of());
        AuthoredDraft first = author.write(brief, DEADLINE);
        List<String> firstWords = first.draft().conversations().get(1).words();
        Set<WordKey> curriculum = new HashSet<>();
        curriculum.add(WordKey.of(es, firstWords.get(0)));
        curriculum.add(WordKey.of(es, firstWords.get(2)));
        CurriculumLookup lookup = keys -> {
            Set<WordKey> found = new HashSet<>(keys);
            found.retainAll(curriculum);
            return found;
        };
        DraftCheck check = DraftValidator.validate(first.draft(), brief.plan(), lookup);
        assertThat(check).isInstanceOf(DraftCheck.Invalid.class);
        List<Violation> violations = ((DraftCheck.Invalid) check).violations();

        AuthoredDraft repaired = author.repair(brief, first.draft(), violations, DEADLINE);

        assertThat(DraftValidator.validate(repaired.draft(), brief.plan(), lookup)).isInstanceOf(DraftCheck.Valid.class);
        assertThat(repaired.draft().conversations().get(1).words()).doesNotContain(firstWords.get(0), firstWords.get(2));
    }

    @Test
    void write_languageWithoutLexicon_failsAsRejectedNamingTheLanguage() {
        LessonBrief brief = brief(Language.of("de"), List.of("Hund"), List.of(), List.of());

        assertThatThrownBy(() -> author.write(brief, DEADLINE))
                .isInstanceOfSatisfying(LessonAuthorException.class,
                        e -> assertThat(e.kind()).isEqualTo(LessonAuthorException.Kind.REJECTED))
                .hasMessageContaining("de");
    }

    @Test
    void bundledLexicons_haveNoDuplicateWordsAndCompleteNotes() {
        for (String tag : List.of("es", "fr", "ja")) {
            Language language = Language.of(tag);
            Lexicon lexicon = Lexicon.bundled(language).orElseThrow();
            Set<WordKey> keys = new HashSet<>();
            lexicon.topics().forEach(t -> t.words().forEach(w -> {
                assertThat(keys.add(WordKey.of(language, w.writing()))).as(tag + " duplicate " + w.writing()).isTrue();
                assertThat(w.pronunciation()).as(tag + " pronunciation of " + w.writing()).isNotBlank();
                assertThat(w.meaning()).as(tag + " meaning of " + w.writing()).isNotBlank();
            }));
            assertThat(keys).hasSizeGreaterThanOrEqualTo(40);
        }
    }
}

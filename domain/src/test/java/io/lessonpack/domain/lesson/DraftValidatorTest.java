package io.lessonpack.domain.lesson;

import static io.lessonpack.domain.lesson.DraftFixtures.FIVE_NEW_WORDS;
import static io.lessonpack.domain.lesson.DraftFixtures.JAPANESE;
import static io.lessonpack.domain.lesson.DraftFixtures.SPANISH;
import static io.lessonpack.domain.lesson.DraftFixtures.curriculumOf;
import static io.lessonpack.domain.lesson.DraftFixtures.newLesson;
import static io.lessonpack.domain.lesson.DraftFixtures.note;
import static io.lessonpack.domain.lesson.DraftFixtures.notes;
import static io.lessonpack.domain.lesson.DraftFixtures.plan;
import static io.lessonpack.domain.lesson.DraftFixtures.review;
import static io.lessonpack.domain.lesson.DraftFixtures.spanishPlan;
import static io.lessonpack.domain.lesson.DraftFixtures.validDraft;
import static io.lessonpack.domain.lesson.DraftFixtures.withConversations;
import static io.lessonpack.domain.lesson.DraftFixtures.withNotes;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.lesson.Violation.DuplicateWord.Reason;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DraftValidatorTest {

    private static List<Violation> violations(PackageDraft draft, LessonPlan plan, CurriculumLookup curriculum) {
        DraftCheck check = DraftValidator.validate(draft, plan, curriculum);
        assertThat(check).as("expected the draft to be refused").isInstanceOf(DraftCheck.Invalid.class);
        List<Violation> violations = ((DraftCheck.Invalid) check).violations();
        violations.forEach(DraftValidatorTest::assertWellFormed);
        return violations;
    }

    private static List<Violation> violations(PackageDraft draft, LessonPlan plan) {
        return violations(draft, plan, CurriculumLookup.empty());
    }

    private static ValidDraft valid(PackageDraft draft, LessonPlan plan, CurriculumLookup curriculum) {
        DraftCheck check = DraftValidator.validate(draft, plan, curriculum);
        assertThat(check).as("expected a valid draft, got %s", check).isInstanceOf(DraftCheck.Valid.class);
        return ((DraftCheck.Valid) check).draft();
    }

    private static void assertWellFormed(Violation violation) {
        assertThat(violation.code()).matches("[A-Z][A-Z_]*[A-Z]");
        assertThat(violation.describe()).isNotBlank().endsWith(".").doesNotContain("null");
        assertThat(Character.isUpperCase(violation.describe().codePointAt(0)) || violation.describe().startsWith("\""))
                .as("describe() starts a sentence: %s", violation.describe()).isTrue();
    }

    private static List<Conversation> conversations(Conversation... conversations) {
        return List.of(conversations);
    }

    @Test
    void validate_validDraft_isValidWithTheNewWordsInOrder() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = validDraft(plan);

        ValidDraft result = valid(draft, plan, CurriculumLookup.empty());

        assertThat(result.draft()).isEqualTo(draft);
        assertThat(result.plan()).isEqualTo(plan);
        assertThat(result.newWords()).extracting(ValidDraft.NewWord::key)
                .containsExactlyElementsOf(FIVE_NEW_WORDS.stream().map(w -> WordKey.of(SPANISH, w)).toList());
        assertThat(result.newWords()).extracting(w -> w.note().writing()).containsExactlyElementsOf(FIVE_NEW_WORDS);
        assertThat(result.newWords().get(0).note()).isEqualTo(note("manzana"));
    }

    @Test
    void validate_validDraftWithOneReviewWord_isValid() {
        LessonPlan plan = plan(SPANISH, NewWordCount.of(3), "gato");

        assertThat(valid(validDraft(plan), plan, CurriculumLookup.empty()).newWords()).hasSize(3);
    }

    @Test
    void validate_newWordWrittenDifferentlyFromItsNote_takesTheLessonsSpellingAndTheNotesFacts() {
        LessonPlan plan = plan(SPANISH, NewWordCount.of(1), "gato");
        PackageDraft draft = new PackageDraft("Spanish", conversations(review("gato"), newLesson(List.of("La Manzana"))),
                new Notes("Fruit.", List.of("Articles."), List.of(new WordNote("manzana", "manˈθana", "apple"))));

        ValidDraft result = valid(draft, plan, CurriculumLookup.empty());

        assertThat(result.newWords()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo(WordKey.of(SPANISH, "manzana"));
            assertThat(w.note()).isEqualTo(new WordNote("La Manzana", "manˈθana", "apple"));
        });
    }

    @Test
    void validate_newWordsAtBothEndsOfTheRange_areValid() {
        NewWordCount count = NewWordCount.of(5);
        LessonPlan plan = plan(SPANISH, count, "gato", "perro");

        valid(validDraft(plan, FIVE_NEW_WORDS.subList(0, count.min())), plan, CurriculumLookup.empty());
        valid(validDraft(plan, FIVE_NEW_WORDS.subList(0, count.max())), plan, CurriculumLookup.empty());
    }

    @Test
    void validate_tooFewReviewTopics_reportsWrongReviewCount() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = validDraft(plan);
        draft = withConversations(draft, conversations(review("gato"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongReviewCount(2, 1));
    }

    @Test
    void validate_tooManyReviewTopics_reportsWrongReviewCount() {
        LessonPlan plan = plan(SPANISH, NewWordCount.defaultCount(), "gato");
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), review("gato"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).contains(new Violation.WrongReviewCount(1, 2));
    }

    @Test
    void validate_noReviewTopic_reportsWrongReviewCount() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan), conversations(newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongReviewCount(2, 0));
    }

    @Test
    void validate_noNewLesson_reportsWrongNewLessonCount() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan), conversations(review("gato"), review("perro")));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongNewLessonCount(0));
    }

    @Test
    void validate_twoNewLessons_reportsWrongNewLessonCount() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), review("perro"), newLesson(FIVE_NEW_WORDS), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongNewLessonCount(2));
    }

    @Test
    void validate_reviewAfterTheNewLesson_reportsReviewAfterNewLesson() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), newLesson(FIVE_NEW_WORDS), review("perro")));

        assertThat(violations(draft, plan)).containsExactly(new Violation.ReviewAfterNewLesson(2));
    }

    @Test
    void validate_reviewWithoutOpeningWord_reportsMissingOpeningWord() {
        LessonPlan plan = spanishPlan();
        ReviewTopic noOpening = new ReviewTopic("Pets", "Talk about pets and ask for \"perro\".", "  ", List.of("perro"));
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), noOpening, newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.MissingOpeningWord(1, "perro"));
    }

    @Test
    void validate_reviewOpeningWithAnotherWord_reportsWrongOpeningWord() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), review("caballo"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongOpeningWord(1, "perro", "caballo"));
    }

    @Test
    void validate_bothReviewsOpeningWithTheSamePlannedWord_reportsWrongOpeningWord() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), review("gato"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.WrongOpeningWord(1, "perro", "gato"));
    }

    @Test
    void validate_openingWordsInEitherOrder_areAccepted() {
        LessonPlan plan = spanishPlan();
        PackageDraft swapped = withConversations(validDraft(plan),
                conversations(review("perro"), review("gato"), newLesson(FIVE_NEW_WORDS)));

        valid(validDraft(plan), plan, CurriculumLookup.empty());
        valid(swapped, plan, CurriculumLookup.empty());
    }

    @Test
    void validate_openingWordMatchingByKey_isAccepted() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("El Gato"), review("¡perro!"), newLesson(FIVE_NEW_WORDS)));

        valid(draft, plan, CurriculumLookup.empty());
    }

    @Test
    void validate_instructionsNotMentioningTheOpeningWord_reportsOpeningWordNotAsked() {
        LessonPlan plan = spanishPlan();
        ReviewTopic silent = new ReviewTopic("Pets", "Chat about animals the learner likes.", "perro", List.of("perro"));
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), silent, newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.OpeningWordNotAsked(1, "perro"));
    }

    @Test
    void validate_instructionsMentioningTheOpeningWordInAnotherCase_areAccepted() {
        LessonPlan plan = plan(SPANISH, NewWordCount.defaultCount(), "gato");
        ReviewTopic shouting = new ReviewTopic("Cats", "ASK THE LEARNER TO SAY ＧＡＴＯ FIRST.", "gato", List.of("gato"));
        PackageDraft draft = withConversations(validDraft(plan), conversations(shouting, newLesson(FIVE_NEW_WORDS)));

        valid(draft, plan, CurriculumLookup.empty());
    }

    @Test
    void validate_tooFewNewWords_reportsNewWordCountOutOfRange() {
        NewWordCount count = NewWordCount.of(5);
        LessonPlan plan = plan(SPANISH, count, "gato", "perro");
        List<String> words = FIVE_NEW_WORDS.subList(0, count.min() - 1);

        assertThat(violations(validDraft(plan, words), plan))
                .containsExactly(new Violation.NewWordCountOutOfRange(count.min(), count.max(), count.min() - 1));
    }

    @Test
    void validate_tooManyNewWords_reportsNewWordCountOutOfRange() {
        NewWordCount count = NewWordCount.of(4);
        LessonPlan plan = plan(SPANISH, count, "gato", "perro");
        List<String> words = FIVE_NEW_WORDS.subList(0, count.max() + 1);

        assertThat(violations(validDraft(plan, words), plan))
                .containsExactly(new Violation.NewWordCountOutOfRange(count.min(), count.max(), count.max() + 1));
    }

    @Test
    void validate_noNewWords_reportsNewWordCountOutOfRange() {
        LessonPlan plan = plan(SPANISH, NewWordCount.of(1), "gato");
        PackageDraft draft = withConversations(validDraft(plan), conversations(review("gato"), newLesson(List.of())));

        assertThat(violations(draft, plan)).containsExactly(new Violation.NewWordCountOutOfRange(1, 1, 0));
    }

    @Test
    void validate_newWordAlreadyInCurriculum_reportsDuplicateWord() {
        LessonPlan plan = spanishPlan();
        Set<WordKey> known = Set.of(WordKey.of(SPANISH, "uva"), WordKey.of(SPANISH, "casa"));

        assertThat(violations(validDraft(plan), plan, curriculumOf(known)))
                .containsExactly(new Violation.DuplicateWord("uva", Reason.ALREADY_IN_CURRICULUM));
    }

    @Test
    void validate_newWordInCurriculumUnderAnotherSpelling_reportsDuplicateWord() {
        LessonPlan plan = spanishPlan();
        List<String> words = List.of("manzana", "La Pera", "uva", "naranja", "plátano");
        Set<WordKey> known = Set.of(WordKey.of(SPANISH, "pera"));

        assertThat(violations(validDraft(plan, words), plan, curriculumOf(known)))
                .containsExactly(new Violation.DuplicateWord("La Pera", Reason.ALREADY_IN_CURRICULUM));
    }

    @Test
    void validate_curriculumIsAskedOnlyAboutTheDraftsNewWords() {
        LessonPlan plan = spanishPlan();
        List<Set<WordKey>> asked = new ArrayList<>();
        CurriculumLookup recording = keys -> {
            asked.add(Set.copyOf(keys));
            return Set.of();
        };

        valid(validDraft(plan), plan, recording);

        assertThat(asked).singleElement().isEqualTo(
                new HashSet<>(FIVE_NEW_WORDS.stream().map(w -> WordKey.of(SPANISH, w)).toList()));
    }

    @Test
    void validate_newWordRepeatedInLessonByKey_reportsDuplicateWord() {
        LessonPlan plan = plan(SPANISH, NewWordCount.defaultCount(), "perro", "casa");
        List<String> words = List.of("Gato", "pera", "gato", "uva", "naranja");

        assertThat(violations(validDraft(plan, words), plan))
                .containsExactly(new Violation.DuplicateWord("gato", Reason.REPEATED_IN_LESSON));
    }

    @Test
    void validate_newWordThatIsAReviewWord_reportsDuplicateWord() {
        LessonPlan plan = spanishPlan();
        List<String> words = List.of("manzana", "El perro", "uva", "naranja", "plátano");

        assertThat(violations(validDraft(plan, words), plan))
                .containsExactly(new Violation.DuplicateWord("El perro", Reason.IS_REVIEW_WORD));
    }

    @Test
    void validate_japaneseKanaWordMatchingAnExistingReading_reportsDuplicateWord() {
        LessonPlan plan = plan(JAPANESE, NewWordCount.of(3), "猫");
        CurriculumEntry bridge = CurriculumEntry.introduced(WordKey.of(JAPANESE, "橋"), "橋", "はし (hashi)", "bridge",
                LessonDay.parse("2026-02-01"));
        Set<WordKey> known = new HashSet<>();
        known.add(bridge.key());
        bridge.readingKey().ifPresent(known::add);
        List<String> words = List.of("ハシ", "みず", "箸");

        assertThat(violations(validDraft(plan, words), plan, curriculumOf(known)))
                .containsExactly(new Violation.DuplicateWord("ハシ", Reason.ALREADY_IN_CURRICULUM));
    }

    @Test
    void validate_japaneseHiraganaWordMatchingAnExistingReading_reportsDuplicateWord() {
        LessonPlan plan = plan(JAPANESE, NewWordCount.of(1), "猫");
        Set<WordKey> known = Set.of(WordKey.of(JAPANESE, "橋"), WordKey.readingKey(JAPANESE, "はし").orElseThrow());

        assertThat(violations(validDraft(plan, List.of("はし")), plan, curriculumOf(known)))
                .containsExactly(new Violation.DuplicateWord("はし", Reason.ALREADY_IN_CURRICULUM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"「ハシ」", "ハシ。", "ハ シ"})
    void validate_japaneseKanaWordWithPunctuationOrSpaceMatchingAnExistingReading_reportsDuplicateWord(String word) {
        LessonPlan plan = plan(JAPANESE, NewWordCount.of(1), "猫");
        Set<WordKey> known = Set.of(WordKey.of(JAPANESE, "橋"), WordKey.readingKey(JAPANESE, "はし").orElseThrow());
        assertThat(WordKey.of(JAPANESE, word)).isEqualTo(WordKey.of(JAPANESE, "ハシ"));

        assertThat(violations(validDraft(plan, List.of(word)), plan, curriculumOf(known)))
                .containsExactly(new Violation.DuplicateWord(word, Reason.ALREADY_IN_CURRICULUM));
    }

    @Test
    void validate_japaneseKanjiHomophoneOfAnExistingWord_isNew() {
        LessonPlan plan = plan(JAPANESE, NewWordCount.of(1), "猫");
        Set<WordKey> known = Set.of(WordKey.of(JAPANESE, "橋"), WordKey.readingKey(JAPANESE, "はし").orElseThrow());

        ValidDraft result = valid(validDraft(plan, List.of("箸")), plan, curriculumOf(known));

        assertThat(result.newWords()).extracting(ValidDraft.NewWord::key).containsExactly(WordKey.of(JAPANESE, "箸"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"¿?", "...", "—", "  "})
    void validate_newWordWithoutLettersOrDigits_reportsUnusableWord(String unusable) {
        LessonPlan plan = spanishPlan();
        List<String> words = List.of("manzana", "pera", unusable, "naranja", "plátano");

        assertThat(violations(validDraft(plan, words), plan)).contains(new Violation.UnusableWord(2));
    }

    @Test
    void validate_newWordWithoutNote_reportsIncompleteWordNote() {
        LessonPlan plan = spanishPlan();
        PackageDraft draft = withNotes(validDraft(plan), new Notes("Fruit.", List.of("Articles."),
                FIVE_NEW_WORDS.stream().filter(w -> !w.equals("uva")).map(DraftFixtures::note).toList()));

        assertThat(violations(draft, plan)).singleElement().satisfies(v -> {
            assertThat(v).isInstanceOf(Violation.IncompleteWordNote.class);
            Violation.IncompleteWordNote incomplete = (Violation.IncompleteWordNote) v;
            assertThat(incomplete.word()).isEqualTo("uva");
            assertThat(incomplete.missing()).contains("note");
        });
    }

    @Test
    void validate_newWordNoteWithBlankPronunciation_reportsIncompleteWordNote() {
        LessonPlan plan = spanishPlan();
        List<WordNote> notes = new ArrayList<>(FIVE_NEW_WORDS.stream().map(DraftFixtures::note).toList());
        notes.set(1, new WordNote("pera", "   ", "pear"));
        PackageDraft draft = withNotes(validDraft(plan), new Notes("Fruit.", List.of("Articles."), notes));

        assertThat(violations(draft, plan)).containsExactly(new Violation.IncompleteWordNote("pera", "pronunciation"));
    }

    @Test
    void validate_newWordNoteWithBlankMeaning_reportsIncompleteWordNote() {
        LessonPlan plan = spanishPlan();
        List<WordNote> notes = new ArrayList<>(FIVE_NEW_WORDS.stream().map(DraftFixtures::note).toList());
        notes.set(1, new WordNote("pera", "ˈpeɾa", null));
        PackageDraft draft = withNotes(validDraft(plan), new Notes("Fruit.", List.of("Articles."), notes));

        assertThat(violations(draft, plan)).containsExactly(new Violation.IncompleteWordNote("pera", "meaning"));
    }

    @Test
    void validate_blankName_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        PackageDraft draft = new PackageDraft("   ", valid.conversations(), valid.notes());

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("name"));
    }

    @Test
    void validate_blankTitle_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        ReviewTopic untitled = new ReviewTopic(" ", "Ask the learner to say \"perro\".", "perro", List.of("perro"));
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), untitled, newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("conversations[1].title"));
    }

    @Test
    void validate_blankInstructions_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        NewLesson noInstructions = new NewLesson("Market", null, FIVE_NEW_WORDS);
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(review("gato"), review("perro"), noInstructions));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("conversations[2].instructions"));
    }

    @Test
    void validate_blankReviewInstructions_reportsBlankFieldAndOpeningWordNotAsked() {
        LessonPlan plan = spanishPlan();
        ReviewTopic noInstructions = new ReviewTopic("Cats", "", "gato", List.of("gato"));
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(noInstructions, review("perro"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactlyInAnyOrder(
                new Violation.BlankField("conversations[0].instructions"),
                new Violation.OpeningWordNotAsked(0, "gato"));
    }

    @Test
    void validate_blankLearningNote_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        PackageDraft draft = withNotes(valid, new Notes(" ", valid.notes().workOn(), valid.notes().words()));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("notes.learning"));
    }

    @Test
    void validate_emptyWorkOn_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        PackageDraft draft = withNotes(valid, new Notes(valid.notes().learning(), null, valid.notes().words()));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("notes.workOn"));
    }

    @Test
    void validate_blankWorkOnItem_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        PackageDraft draft = withNotes(valid,
                new Notes(valid.notes().learning(), List.of("Roll the r.", " "), valid.notes().words()));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("notes.workOn[1]"));
    }

    @Test
    void validate_emptyWordNotes_reportsBlankFieldAndEachMissingNote() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        PackageDraft draft = withNotes(valid, new Notes(valid.notes().learning(), valid.notes().workOn(), List.of()));

        List<Violation> violations = violations(draft, plan);

        assertThat(violations).contains(new Violation.BlankField("notes.words"));
        assertThat(violations).filteredOn(Violation.IncompleteWordNote.class::isInstance).hasSize(5);
    }

    @Test
    void validate_noteWithBlankWriting_reportsBlankField() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        List<WordNote> notes = new ArrayList<>(valid.notes().words());
        notes.add(new WordNote("", "x", "y"));
        PackageDraft draft = withNotes(valid, new Notes(valid.notes().learning(), valid.notes().workOn(), notes));

        assertThat(violations(draft, plan)).containsExactly(new Violation.BlankField("notes.words[5].writing"));
    }

    @Test
    void validate_textsLongerThanTheirLimits_reportFieldTooLong() {
        LessonPlan plan = spanishPlan();
        String longWord = "a".repeat(PackageLimits.WORD + 1);
        List<String> words = List.of("manzana", "pera", longWord, "naranja", "plátano");
        List<WordNote> notes = new ArrayList<>(notes(words).words());
        notes.set(0, new WordNote("manzana", "p".repeat(PackageLimits.PRONUNCIATION + 1), "m".repeat(PackageLimits.MEANING + 1)));
        notes.add(new WordNote("w".repeat(PackageLimits.WORD + 1), "x", "y"));
        PackageDraft draft = new PackageDraft("n".repeat(PackageLimits.NAME + 1),
                conversations(
                        new ReviewTopic("t".repeat(PackageLimits.TITLE + 1), "Ask for \"gato\".", "gato", List.of()),
                        new ReviewTopic("Dogs", "Ask for \"perro\". " + "i".repeat(PackageLimits.INSTRUCTIONS), "perro",
                                List.of()),
                        newLesson(words)),
                new Notes("l".repeat(PackageLimits.LEARNING + 1), List.of("w".repeat(PackageLimits.WORK_ON_ITEM + 1)),
                        notes));

        assertThat(violations(draft, plan)).containsExactlyInAnyOrder(
                new Violation.FieldTooLong("name", PackageLimits.NAME, PackageLimits.NAME + 1),
                new Violation.FieldTooLong("conversations[0].title", PackageLimits.TITLE, PackageLimits.TITLE + 1),
                new Violation.FieldTooLong("conversations[1].instructions", PackageLimits.INSTRUCTIONS,
                        draft.conversations().get(1).instructions().length()),
                new Violation.FieldTooLong("newLesson.words[2]", PackageLimits.WORD, PackageLimits.WORD + 1),
                new Violation.FieldTooLong("notes.learning", PackageLimits.LEARNING, PackageLimits.LEARNING + 1),
                new Violation.FieldTooLong("notes.workOn[0]", PackageLimits.WORK_ON_ITEM, PackageLimits.WORK_ON_ITEM + 1),
                new Violation.FieldTooLong("notes.words[0].pronunciation", PackageLimits.PRONUNCIATION,
                        PackageLimits.PRONUNCIATION + 1),
                new Violation.FieldTooLong("notes.words[0].meaning", PackageLimits.MEANING, PackageLimits.MEANING + 1),
                new Violation.FieldTooLong("notes.words[2].writing", PackageLimits.WORD, PackageLimits.WORD + 1),
                new Violation.FieldTooLong("notes.words[5].writing", PackageLimits.WORD, PackageLimits.WORD + 1));
    }

    @Test
    void validate_textsExactlyAtTheirLimits_areValid() {
        LessonPlan plan = plan(SPANISH, NewWordCount.of(1), "gato");
        String word = "a".repeat(PackageLimits.WORD);
        String instructions = "Ask for \"gato\". ";
        PackageDraft draft = new PackageDraft("n".repeat(PackageLimits.NAME),
                conversations(
                        new ReviewTopic("t".repeat(PackageLimits.TITLE),
                                instructions + "i".repeat(PackageLimits.INSTRUCTIONS - instructions.length()), "gato",
                                List.of()),
                        newLesson(List.of(word))),
                new Notes("l".repeat(PackageLimits.LEARNING), List.of("w".repeat(PackageLimits.WORK_ON_ITEM)),
                        List.of(new WordNote(word, "p".repeat(PackageLimits.PRONUNCIATION),
                                "m".repeat(PackageLimits.MEANING)))));

        valid(draft, plan, CurriculumLookup.empty());
    }

    @Test
    void validate_reviewTopicWordLongerThanLimit_reportsFieldTooLong() {
        LessonPlan plan = spanishPlan();
        String longWord = "g".repeat(PackageLimits.WORD + 1);
        ReviewTopic bloated = new ReviewTopic("Cats", "Ask the learner to say \"gato\".", "gato", List.of("gato", longWord));
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(bloated, review("perro"), newLesson(FIVE_NEW_WORDS)));

        DraftCheck check = DraftValidator.validate(draft, plan, CurriculumLookup.empty());

        assertThat(check).as("every text in a package is within PackageLimits, review topic words included")
                .isInstanceOf(DraftCheck.Invalid.class);
        assertThat(((DraftCheck.Invalid) check).violations()).singleElement()
                .isInstanceOf(Violation.FieldTooLong.class);
    }

    @Test
    void validate_tooManyWordsInAConversation_reportsTooManyItems() {
        LessonPlan plan = spanishPlan();
        List<String> many = IntStream.rangeClosed(1, PackageLimits.WORDS_PER_CONVERSATION + 1)
                .mapToObj(i -> "palabra" + i).toList();
        ReviewTopic crowded = new ReviewTopic("Cats", "Ask the learner to say \"gato\".", "gato", many);
        PackageDraft draft = withConversations(validDraft(plan),
                conversations(crowded, review("perro"), newLesson(FIVE_NEW_WORDS)));

        assertThat(violations(draft, plan)).containsExactly(new Violation.TooManyItems("conversations[0].words",
                PackageLimits.WORDS_PER_CONVERSATION, PackageLimits.WORDS_PER_CONVERSATION + 1));
    }

    @Test
    void validate_tooManyWorkOnItems_reportsTooManyItems() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        List<String> workOn = Collections.nCopies(PackageLimits.WORK_ON_ITEMS + 1, "Roll the r.");
        PackageDraft draft = withNotes(valid, new Notes(valid.notes().learning(), workOn, valid.notes().words()));

        assertThat(violations(draft, plan)).containsExactly(
                new Violation.TooManyItems("notes.workOn", PackageLimits.WORK_ON_ITEMS, PackageLimits.WORK_ON_ITEMS + 1));
    }

    @Test
    void validate_tooManyWordNotes_reportsTooManyItems() {
        LessonPlan plan = spanishPlan();
        PackageDraft valid = validDraft(plan);
        List<WordNote> notes = new ArrayList<>(valid.notes().words());
        while (notes.size() <= PackageLimits.NOTE_WORDS) {
            notes.add(note("extra" + notes.size()));
        }
        PackageDraft draft = withNotes(valid, new Notes(valid.notes().learning(), valid.notes().workOn(), notes));

        assertThat(violations(draft, plan)).containsExactly(
                new Violation.TooManyItems("notes.words", PackageLimits.NOTE_WORDS, PackageLimits.NOTE_WORDS + 1));
    }

    @Test
    void validate_draftWithSeveralFaults_listsThemAll() {
        LessonPlan plan = spanishPlan();
        ReviewTopic silent = new ReviewTopic("Dogs", "Chat about animals.", "perro", List.of());
        List<String> words = List.of("manzana", "manzana", "gato", "¿?", "pera", "uva");
        PackageDraft draft = new PackageDraft("",
                conversations(newLesson(words), review("caballo"), silent),
                new Notes("", List.of(), List.of(note("manzana"))));

        assertThat(violations(draft, plan)).containsExactlyInAnyOrder(
                new Violation.BlankField("name"),
                new Violation.ReviewAfterNewLesson(1),
                new Violation.ReviewAfterNewLesson(2),
                new Violation.WrongOpeningWord(0, "gato", "caballo"),
                new Violation.OpeningWordNotAsked(1, "perro"),
                new Violation.NewWordCountOutOfRange(3, 5, 6),
                new Violation.DuplicateWord("manzana", Reason.REPEATED_IN_LESSON),
                new Violation.DuplicateWord("gato", Reason.IS_REVIEW_WORD),
                new Violation.UnusableWord(3),
                new Violation.IncompleteWordNote("pera", "note (writing, pronunciation and meaning)"),
                new Violation.IncompleteWordNote("uva", "note (writing, pronunciation and meaning)"),
                new Violation.BlankField("notes.learning"),
                new Violation.BlankField("notes.workOn"));
    }

    @Test
    void validate_emptyDraft_isInvalidWithoutFailing() {
        LessonPlan plan = spanishPlan();

        List<Violation> violations = violations(new PackageDraft(null, null, null), plan);

        assertThat(violations).contains(
                new Violation.BlankField("name"),
                new Violation.WrongReviewCount(2, 0),
                new Violation.WrongNewLessonCount(0),
                new Violation.BlankField("notes.learning"),
                new Violation.BlankField("notes.workOn"),
                new Violation.BlankField("notes.words"));
    }

    @Test
    void validate_violationCodes_holdNoLearnerText() {
        LessonPlan plan = spanishPlan();
        List<String> words = List.of("secreto", "secreto", "perro", "¿?");
        PackageDraft draft = new PackageDraft("secreto",
                conversations(review("secreto"), newLesson(words), review("perro")),
                new Notes("secreto", List.of("secreto"), List.of(new WordNote("secreto", "", ""))));

        List<Violation> violations = violations(draft, plan);

        assertThat(violations).hasSizeGreaterThan(3);
        assertThat(violations).allSatisfy(v -> assertThat(v.code()).doesNotContainIgnoringCase("secreto")
                .doesNotContainIgnoringCase("perro").doesNotContainIgnoringCase("gato"));
    }
}

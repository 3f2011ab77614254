package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plans and drafts that keep every rule, for tests to break one rule at a time. */
final class DraftFixtures {

    static final Language SPANISH = Language.of("es");
    static final Language JAPANESE = Language.of("ja");
    static final List<String> FIVE_NEW_WORDS = List.of("manzana", "pera", "uva", "naranja", "plátano");
    static final List<String> TEN_NEW_WORDS = List.of("manzana", "pera", "uva", "naranja", "plátano",
            "fresa", "limón", "mango", "piña", "cereza");

    private DraftFixtures() {
    }

    static ReviewWord reviewWord(Language language, String text) {
        return new ReviewWord(WordKey.of(language, text), text, ReviewWord.Source.CURRICULUM, 0.4);
    }

    static LessonPlan plan(Language language, NewWordCount count, String... reviewTexts) {
        List<ReviewWord> words = new ArrayList<>();
        for (String text : reviewTexts) {
            words.add(reviewWord(language, text));
        }
        return new LessonPlan(language, words, count);
    }

    /** A Spanish plan reviewing "gato" and "perro" with the default five new words. */
    static LessonPlan spanishPlan() {
        return plan(SPANISH, NewWordCount.defaultCount(), "gato", "perro");
    }

    static ReviewTopic review(String openingWord) {
        return new ReviewTopic("Remember " + openingWord,
                "Open by asking the learner to say \"" + openingWord + "\" in Spanish without showing it, then talk about pets.",
                openingWord, List.of(openingWord, "tener"));
    }

    static NewLesson newLesson(List<String> newWords) {
        return new NewLesson("At the market",
                "Role-play buying fruit at a market stall. Introduce: " + String.join(", ", newWords) + ".",
                newWords);
    }

    static WordNote note(String word) {
        return new WordNote(word, "/" + word + "/", "meaning of " + word);
    }

    static Notes notes(List<String> newWords) {
        return new Notes("Fruit and market phrases.", List.of("Roll the r in perro.", "Use the article."),
                newWords.stream().map(DraftFixtures::note).toList());
    }

    /** A draft that keeps every rule of {@code plan}, introducing {@code newWords}. */
    static PackageDraft validDraft(LessonPlan plan, List<String> newWords) {
        List<Conversation> conversations = new ArrayList<>();
        plan.reviewWords().forEach(w -> conversations.add(review(w.text())));
        conversations.add(newLesson(newWords));
        return new PackageDraft("Spanish with Ana", conversations, notes(newWords));
    }

    static PackageDraft validDraft(LessonPlan plan) {
        return validDraft(plan, TEN_NEW_WORDS.subList(0, plan.newWords().requested()));
    }

    static PackageDraft withConversations(PackageDraft draft, List<Conversation> conversations) {
        return new PackageDraft(draft.name(), conversations, draft.notes());
    }

    static PackageDraft withNotes(PackageDraft draft, Notes notes) {
        return new PackageDraft(draft.name(), draft.conversations(), notes);
    }

    /** A curriculum that answers to exactly {@code known}. */
    static CurriculumLookup curriculumOf(Set<WordKey> known) {
        return keys -> {
            Set<WordKey> found = new HashSet<>(keys);
            found.retainAll(known);
            return found;
        };
    }

    static ValidDraft valid(PackageDraft draft, LessonPlan plan) {
        DraftCheck check = DraftValidator.validate(draft, plan, CurriculumLookup.empty());
        if (!(check instanceof DraftCheck.Valid v)) {
            throw new AssertionError("fixture draft is not valid: " + check);
        }
        return v.draft();
    }
}

package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Violation.DuplicateWord.Reason;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a draft to the rules of a daily package (docs/domain.md, "The package") and to today's plan,
 * and lists every rule it breaks:
 * <ul>
 *   <li>review topics first, one per planned review word, then exactly one new lesson;</li>
 *   <li>each review topic opens with its planned word (compared by {@link WordKey}, in any order)
 *       and its instructions mention that word, so the tutor asks the learner to say it;</li>
 *   <li>the new lesson introduces a number of new words within {@link NewWordCount}'s range, none
 *       already in the curriculum (checked against the whole curriculum through
 *       {@link CurriculumLookup}), none twice, none a review word; a kana-only Japanese word is
 *       also checked against existing readings;</li>
 *   <li>each new word has a note with pronunciation and meaning; name, titles, instructions and
 *       notes are not blank; every text and list is within {@link PackageLimits}.</li>
 * </ul>
 */
public final class DraftValidator {

    private DraftValidator() {
    }

    /** Checks {@code draft} against {@code plan} and the learner's curriculum. */
    public static DraftCheck validate(PackageDraft draft, LessonPlan plan, CurriculumLookup curriculum) {
        List<Violation> violations = new ArrayList<>();
        checkText(violations, "name", draft.name(), PackageLimits.NAME);
        List<ReviewTopic> reviews = new ArrayList<>();
        List<NewLesson> lessons = new ArrayList<>();
        for (int i = 0; i < draft.conversations().size(); i++) {
            Conversation c = draft.conversations().get(i);
            String path = "conversations[" + i + "]";
            checkText(violations, path + ".title", c.title(), PackageLimits.TITLE);
            checkText(violations, path + ".instructions", c.instructions(), PackageLimits.INSTRUCTIONS);
            checkCount(violations, path + ".words", c.words().size(), PackageLimits.WORDS_PER_CONVERSATION);
            if (c instanceof ReviewTopic) {
                for (int w = 0; w < c.words().size(); w++) {
                    checkLength(violations, path + ".words[" + w + "]", c.words().get(w), PackageLimits.WORD);
                }
            }
            switch (c) {
                case ReviewTopic review -> {
                    if (!lessons.isEmpty()) {
                        violations.add(new Violation.ReviewAfterNewLesson(i));
                    }
                    reviews.add(review);
                }
                case NewLesson lesson -> lessons.add(lesson);
            }
        }
        if (reviews.size() != plan.reviewWords().size()) {
            violations.add(new Violation.WrongReviewCount(plan.reviewWords().size(), reviews.size()));
        }
        checkOpenings(violations, reviews, plan);
        if (lessons.size() != 1) {
            violations.add(new Violation.WrongNewLessonCount(lessons.size()));
        }
        List<ValidDraft.NewWord> newWords = lessons.size() == 1
                ? checkNewWords(violations, lessons.get(0), draft.notes(), plan, curriculum)
                : List.of();
        checkNotes(violations, draft.notes());
        return violations.isEmpty()
                ? new DraftCheck.Valid(new ValidDraft(draft, plan, newWords))
                : new DraftCheck.Invalid(violations);
    }

    private static void checkOpenings(List<Violation> violations, List<ReviewTopic> reviews, LessonPlan plan) {
        Language language = plan.language();
        Set<WordKey> planned = new HashSet<>();
        plan.reviewWords().forEach(w -> planned.add(w.key()));
        Set<WordKey> opened = new HashSet<>();
        reviews.forEach(r -> WordKey.tryOf(language, r.openingWord()).ifPresent(opened::add));
        boolean sameWords = opened.equals(planned) && reviews.size() == planned.size();
        for (int i = 0; i < reviews.size(); i++) {
            ReviewTopic review = reviews.get(i);
            String expected = i < plan.reviewWords().size() ? plan.reviewWords().get(i).text() : "";
            if (review.openingWord().isEmpty()) {
                violations.add(new Violation.MissingOpeningWord(i, expected.isEmpty() ? otherWords(plan) : expected));
                continue;
            }
            if (!sameWords) {
                Optional<WordKey> key = WordKey.tryOf(language, review.openingWord());
                boolean fits = key.isPresent() && i < plan.reviewWords().size()
                        && key.get().equals(plan.reviewWords().get(i).key());
                if (!fits) {
                    violations.add(new Violation.WrongOpeningWord(i, expected.isEmpty() ? otherWords(plan) : expected,
                            review.openingWord()));
                }
            }
            if (!mentions(language, review.instructions(), review.openingWord())) {
                violations.add(new Violation.OpeningWordNotAsked(i, review.openingWord()));
            }
        }
    }

    private static String otherWords(LessonPlan plan) {
        return String.join("\" or \"", plan.reviewWords().stream().map(ReviewWord::text).toList());
    }

    private static List<ValidDraft.NewWord> checkNewWords(List<Violation> violations, NewLesson lesson, Notes notes,
            LessonPlan plan, CurriculumLookup curriculum) {
        Language language = plan.language();
        NewWordCount count = plan.newWords();
        List<String> words = lesson.words();
        if (words.size() < count.min() || words.size() > count.max()) {
            violations.add(new Violation.NewWordCountOutOfRange(count.min(), count.max(), words.size()));
        }
        Set<WordKey> reviewKeys = new HashSet<>();
        plan.reviewWords().forEach(w -> reviewKeys.add(w.key()));
        Map<WordKey, WordNote> notesByKey = new HashMap<>();
        for (WordNote note : notes.words()) {
            WordKey.tryOf(language, note.writing()).ifPresent(k -> notesByKey.putIfAbsent(k, note));
        }
        Map<WordKey, String> distinct = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.length() > PackageLimits.WORD) {
                violations.add(new Violation.FieldTooLong("newLesson.words[" + i + "]", PackageLimits.WORD, word.length()));
                continue;
            }
            Optional<WordKey> key = WordKey.tryOf(language, word);
            if (key.isEmpty()) {
                violations.add(new Violation.UnusableWord(i));
            } else if (reviewKeys.contains(key.get())) {
                violations.add(new Violation.DuplicateWord(word, Reason.IS_REVIEW_WORD));
            } else if (distinct.putIfAbsent(key.get(), word) != null) {
                violations.add(new Violation.DuplicateWord(word, Reason.REPEATED_IN_LESSON));
            }
        }
        Map<WordKey, WordKey> lookupKeyToWord = new HashMap<>();
        for (WordKey key : distinct.keySet()) {
            lookupKeyToWord.put(key, key);
            // readingKey normalises first and is empty unless the word is kana, so 「ハシ」 and ハシ agree.
            WordKey.readingKey(language, distinct.get(key)).ifPresent(r -> lookupKeyToWord.putIfAbsent(r, key));
        }
        Set<WordKey> known = lookupKeyToWord.isEmpty() ? Set.of() : curriculum.existing(lookupKeyToWord.keySet());
        Set<WordKey> duplicates = new HashSet<>();
        known.forEach(k -> duplicates.add(lookupKeyToWord.get(k)));
        List<ValidDraft.NewWord> result = new ArrayList<>();
        for (Map.Entry<WordKey, String> e : distinct.entrySet()) {
            if (duplicates.contains(e.getKey())) {
                violations.add(new Violation.DuplicateWord(e.getValue(), Reason.ALREADY_IN_CURRICULUM));
                continue;
            }
            WordNote note = notesByKey.get(e.getKey());
            if (note == null) {
                violations.add(new Violation.IncompleteWordNote(e.getValue(), "note (writing, pronunciation and meaning)"));
                continue;
            }
            if (note.pronunciation().isEmpty()) {
                violations.add(new Violation.IncompleteWordNote(e.getValue(), "pronunciation"));
            }
            if (note.meaning().isEmpty()) {
                violations.add(new Violation.IncompleteWordNote(e.getValue(), "meaning"));
            }
            result.add(new ValidDraft.NewWord(e.getKey(), new WordNote(e.getValue(), note.pronunciation(), note.meaning())));
        }
        return result;
    }

    private static void checkNotes(List<Violation> violations, Notes notes) {
        checkText(violations, "notes.learning", notes.learning(), PackageLimits.LEARNING);
        if (notes.workOn().isEmpty()) {
            violations.add(new Violation.BlankField("notes.workOn"));
        }
        checkCount(violations, "notes.workOn", notes.workOn().size(), PackageLimits.WORK_ON_ITEMS);
        for (int i = 0; i < notes.workOn().size(); i++) {
            checkText(violations, "notes.workOn[" + i + "]", notes.workOn().get(i), PackageLimits.WORK_ON_ITEM);
        }
        if (notes.words().isEmpty()) {
            violations.add(new Violation.BlankField("notes.words"));
        }
        checkCount(violations, "notes.words", notes.words().size(), PackageLimits.NOTE_WORDS);
        for (int i = 0; i < notes.words().size(); i++) {
            WordNote note = notes.words().get(i);
            String path = "notes.words[" + i + "]";
            checkText(violations, path + ".writing", note.writing(), PackageLimits.WORD);
            checkLength(violations, path + ".pronunciation", note.pronunciation(), PackageLimits.PRONUNCIATION);
            checkLength(violations, path + ".meaning", note.meaning(), PackageLimits.MEANING);
        }
    }

    private static void checkText(List<Violation> violations, String field, String value, int max) {
        if (value.isEmpty()) {
            violations.add(new Violation.BlankField(field));
        }
        checkLength(violations, field, value, max);
    }

    private static void checkLength(List<Violation> violations, String field, String value, int max) {
        if (value.length() > max) {
            violations.add(new Violation.FieldTooLong(field, max, value.length()));
        }
    }

    private static void checkCount(List<Violation> violations, String field, int count, int max) {
        if (count > max) {
            violations.add(new Violation.TooManyItems(field, max, count));
        }
    }

    /**
     * Whether {@code text} mentions {@code word}, ignoring case and compatibility forms. Substring
     * search is deliberate: instructions quote the word inside a sentence and inflections are rare
     * for the single words and short phrases the domain chooses.
     */
    static boolean mentions(Language language, String text, String word) {
        return fold(language, text).contains(fold(language, word));
    }

    private static String fold(Language language, String s) {
        String lowered = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(language.locale());
        return Normalizer.normalize(lowered.replace('’', '\'').replace('‘', '\''), Normalizer.Form.NFC);
    }

}

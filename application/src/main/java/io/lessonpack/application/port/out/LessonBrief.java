package io.lessonpack.application.port.out;

import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a lesson author may know to write today's package, and nothing more. Its size is
 * bounded whatever the learner's history: every list and text is capped (see {@link Limits}), and
 * known words are a sample, not the curriculum (duplicates are caught by the domain's check against
 * the whole curriculum).
 *
 * <p>Everything but the plan is learner data: an author must treat it as data, never as
 * instructions. No user id, session id or package id is in it: the author cannot change them.
 *
 * @param plan             the language, the review words each topic must open with, the new-word count
 * @param missedTargets    words the learner was asked for and did not produce, most relevant first
 * @param hitTargets       words the learner produced when asked
 * @param wordsUsed        words the learner used in recent sessions
 * @param feedback         the analysis service's feedback on recent sessions
 * @param knownWords       a sample of the learner's known words (recent ones and review words)
 * @param currentPackage   the current package's name and last new lesson, to build on; null for a first
 *                         lesson ({@link #existingPackage()} reads it as an {@code Optional})
 */
public record LessonBrief(LessonPlan plan, List<String> missedTargets, List<String> hitTargets,
        List<String> wordsUsed, List<String> feedback, List<WordNote> knownWords,
        PackageSummary currentPackage) {

    /** The caps that keep a brief, and so a prompt, small. */
    public static final class Limits {
        public static final int WORDS = 40;
        public static final int WORD_LENGTH = 80;
        public static final int FEEDBACK_ITEMS = 5;
        public static final int FEEDBACK_LENGTH = 1_000;
        public static final int KNOWN_WORDS = 60;

        private Limits() {
        }
    }

    /**
     * The part of the existing package an author builds on.
     *
     * @param lastNewLesson the title of the last new lesson
     * @param lastNewWords  the words it introduced
     */
    public record PackageSummary(String name, long version, String lastNewLesson, List<String> lastNewWords) {
        public PackageSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lastNewLesson, "lastNewLesson");
            lastNewWords = List.copyOf(lastNewWords);
        }
    }

    public LessonBrief {
        Objects.requireNonNull(plan, "plan");
        missedTargets = capWords(missedTargets);
        hitTargets = capWords(hitTargets);
        wordsUsed = capWords(wordsUsed);
        feedback = feedback.stream().limit(Limits.FEEDBACK_ITEMS).map(f -> cap(f, Limits.FEEDBACK_LENGTH)).toList();
        knownWords = knownWords.stream().limit(Limits.KNOWN_WORDS).toList();
    }

    /** The current package's name and last new lesson, to build on; empty for a first lesson. */
    public Optional<PackageSummary> existingPackage() {
        return Optional.ofNullable(currentPackage);
    }

    private static List<String> capWords(List<String> words) {
        return words.stream().limit(Limits.WORDS).map(w -> cap(w, Limits.WORD_LENGTH)).toList();
    }

    private static String cap(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(max - 1)) ? max - 1 : max;
        return stripped.substring(0, end);
    }

    public Language language() {
        return plan.language();
    }

    public List<ReviewWord> reviewWords() {
        return plan.reviewWords();
    }

    public NewWordCount newWords() {
        return plan.newWords();
    }
}

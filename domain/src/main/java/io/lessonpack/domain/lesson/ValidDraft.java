package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.word.WordKey;
import java.util.List;

/**
 * A draft that {@link DraftValidator} found to keep every rule against a plan and a curriculum.
 * Only the validator creates one, so holding a {@code ValidDraft} is proof of the check.
 */
public final class ValidDraft {

    /** A word the new lesson introduces, with its identity and its note. */
    public record NewWord(WordKey key, WordNote note) {
    }

    private final PackageDraft draft;
    private final LessonPlan plan;
    private final List<NewWord> newWords;

    ValidDraft(PackageDraft draft, LessonPlan plan, List<NewWord> newWords) {
        this.draft = draft;
        this.plan = plan;
        this.newWords = List.copyOf(newWords);
    }

    public PackageDraft draft() {
        return draft;
    }

    public LessonPlan plan() {
        return plan;
    }

    /** The new words in the lesson's order. */
    public List<NewWord> newWords() {
        return newWords;
    }

    /** The curriculum entries the new lesson introduces on {@code day}, in the lesson's order. */
    public List<CurriculumEntry> newEntries(LessonDay day) {
        return newWords.stream()
                .map(w -> CurriculumEntry.introduced(w.key(), w.note().writing(), w.note().pronunciation(),
                        w.note().meaning(), day))
                .toList();
    }
}

package io.lessonpack.application.port.out;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.List;
import java.util.Set;

/**
 * Reads a learner's curriculum for one language without ever loading all of it: every method's
 * cost is bounded by its arguments, not by the number of words learned.
 */
public interface LoadCurriculumPort {

    /**
     * Up to {@code limit} entries introduced before {@code today} that are the most likely to be
     * due, for the domain's review selection to rank exactly.
     */
    List<CurriculumEntry> reviewCandidates(UserId userId, Language language, LessonDay today, int limit);

    /** The entries with these keys (those that exist). */
    List<CurriculumEntry> entries(UserId userId, Language language, Set<WordKey> keys);

    /**
     * The subset of {@code keys} that some entry answers to, by its key or (Japanese) its reading
     * key: the whole-curriculum duplicate check.
     */
    Set<WordKey> existingKeys(UserId userId, Language language, Set<WordKey> keys);

    /**
     * The recall histories of up to {@code maxWords} of the learner's words in {@code language}
     * (those with none are left out), read in one bounded pass: what a refit of the learner's
     * memory model replays. Which words, when there are more, is the store's choice.
     */
    List<RecallHistory> histories(UserId userId, Language language, int maxWords);

    /**
     * Up to {@code maxWords} of the learner's words in {@code language}, in one bounded pass (which
     * ones, when there are more, is the store's choice): what a page showing the curriculum lists.
     */
    List<CurriculumEntry> words(UserId userId, Language language, int maxWords);
}

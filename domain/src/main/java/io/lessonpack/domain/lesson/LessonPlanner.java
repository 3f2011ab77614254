package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides today's {@link LessonPlan}: which words the review topics open with and how many new
 * words to introduce.
 *
 * <p>Review words come from the curriculum first ({@link ReviewSelection}: lowest predicted recall
 * among words introduced before today). A learner whose curriculum has nothing from before today
 * (their first lesson) is reviewed on what the session itself tested: missed targets first, then
 * hit targets, then words they used. The tested ones are in the curriculum already (the evidence
 * put them there); a used word that opens a review becomes scheduled when the lesson is saved.
 */
public final class LessonPlanner {

    private final ReviewSelection selection;

    public LessonPlanner(ReviewSelection selection) {
        this.selection = selection;
    }

    /**
     * Plans today's lesson, or returns empty when there is nothing at all to open a review with
     * (no curriculum word from before today and no word in the evidence).
     *
     * @param candidates curriculum entries that may be reviewed, with today's evidence already applied
     */
    public Optional<LessonPlan> plan(Language language, List<CurriculumEntry> candidates, Evidence evidence,
            LessonDay today, NewWordCount newWords) {
        List<ReviewWord> chosen = selection.select(candidates, today);
        if (chosen.isEmpty()) {
            chosen = fromEvidence(language, evidence);
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(new LessonPlan(language, chosen, newWords));
    }

    private static List<ReviewWord> fromEvidence(Language language, Evidence evidence) {
        Map<WordKey, ReviewWord> words = new LinkedHashMap<>();
        for (WordOutcome miss : evidence.misses()) {
            words.putIfAbsent(miss.key(), new ReviewWord(miss.key(), miss.text(), ReviewWord.Source.MISSED_TARGET, 0));
        }
        for (WordOutcome hit : evidence.hits()) {
            words.putIfAbsent(hit.key(), new ReviewWord(hit.key(), hit.text(), ReviewWord.Source.HIT_TARGET, 0));
        }
        for (String used : evidence.wordsUsed()) {
            WordKey.tryOf(language, used).ifPresent(key ->
                    words.putIfAbsent(key, new ReviewWord(key, used, ReviewWord.Source.WORD_USED, 0)));
        }
        List<ReviewWord> all = new ArrayList<>(words.values());
        return List.copyOf(all.subList(0, Math.min(ReviewSelection.MAX_REVIEWS, all.size())));
    }
}

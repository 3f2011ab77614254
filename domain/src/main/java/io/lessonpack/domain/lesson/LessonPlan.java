package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.word.Language;
import java.util.List;
import java.util.Objects;

/**
 * What the domain decided about today's lesson before any author writes it: the language, the
 * words the review topics must open with (one topic per word, 1 or 2), and how many new words the
 * new lesson introduces. An author writes around the plan; {@link DraftValidator} holds it to it.
 */
public record LessonPlan(Language language, List<ReviewWord> reviewWords, NewWordCount newWords) {

    public LessonPlan {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(newWords, "newWords");
        reviewWords = List.copyOf(reviewWords);
        if (reviewWords.isEmpty() || reviewWords.size() > 2) {
            throw new IllegalArgumentException("a lesson has 1 or 2 review words, got " + reviewWords.size());
        }
        if (reviewWords.stream().map(ReviewWord::key).distinct().count() != reviewWords.size()) {
            throw new IllegalArgumentException("review words must be distinct");
        }
    }
}

package io.lessonpack.domain.evidence;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One piece of recall evidence: the learner was asked for a word and produced it ({@link Rating#GOOD})
 * or did not ({@link Rating#AGAIN}). Never {@link Rating#EASY}: a hit says nothing about ease.
 *
 * @param key  the word's identity
 * @param text the word as the analysis wrote it (learner text)
 * @param rating the FSRS rating the outcome maps to
 * @param at   when the analysis recorded it; its UTC day is the review day
 */
public record WordOutcome(WordKey key, String text, Rating rating, Instant at) {

    public WordOutcome {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(at, "at");
    }

    /** The UTC day the outcome belongs to. */
    public LessonDay day() {
        return LessonDay.of(at);
    }

    /** Whether the learner failed to produce the word. */
    public boolean missed() {
        return rating == Rating.AGAIN;
    }
}

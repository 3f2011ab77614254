package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.word.WordKey;
import java.util.Objects;

/**
 * A word the domain chose for a review topic: the tutor must open that topic by asking the learner
 * to say it. The model writes around it; it never chooses it.
 *
 * @param key     the word's identity
 * @param text    the exact word or phrase the tutor asks for
 * @param source  why it was chosen
 * @param retrievability the predicted probability of recall today (0 for a word never recalled)
 */
public record ReviewWord(WordKey key, String text, Source source, double retrievability) {

    /** Where a review word came from. */
    public enum Source {
        /** A curriculum word, chosen by lowest predicted recall. */
        CURRICULUM,
        /** A target the learner missed, used while the curriculum has nothing due yet. */
        MISSED_TARGET,
        /** A target the learner hit, used while the curriculum has nothing due yet. */
        HIT_TARGET,
        /** A word the learner used, the last resort for a brand-new learner. */
        WORD_USED
    }

    public ReviewWord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("review word text must not be blank");
        }
        if (!(retrievability >= 0 && retrievability <= 1)) {
            throw new IllegalArgumentException("retrievability must be within 0..1, was " + retrievability);
        }
    }
}

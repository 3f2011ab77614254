package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.word.WordKey;
import java.util.Set;

/**
 * Answers "is this word already in the learner's curriculum?" for a handful of keys, against the
 * whole curriculum. Storage implements it with point look-ups, so checking a draft costs a number
 * of reads bounded by the draft's size, not by the curriculum's.
 *
 * <p>An entry answers to its {@link CurriculumEntry#key() key} and, for Japanese, to its
 * {@link CurriculumEntry#readingKey() reading key}.
 */
@FunctionalInterface
public interface CurriculumLookup {

    /** The subset of {@code keys} that some curriculum entry answers to. */
    Set<WordKey> existing(Set<WordKey> keys);

    /** A lookup over an empty curriculum. */
    static CurriculumLookup empty() {
        return keys -> Set.of();
    }
}

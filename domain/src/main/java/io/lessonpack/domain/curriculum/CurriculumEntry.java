package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One word or phrase a learner has been taught in one language, with the learner's memory of it.
 *
 * <p>An entry is created only when a lesson introduces the word (never from evidence alone) and is
 * never removed: the curriculum only grows. Its memory is empty until the first recall evidence
 * arrives; the scheduler treats such a word as not yet recalled (see {@link ReviewSelection}).
 */
public final class CurriculumEntry {

    private static final Language JAPANESE = Language.of("ja");

    private final WordKey key;
    private final String writing;
    private final String pronunciation;
    private final String meaning;
    private final LessonDay introducedOn;
    private final MemoryState memory;

    private CurriculumEntry(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay introducedOn, MemoryState memory) {
        this.key = Objects.requireNonNull(key, "key");
        this.writing = requireText(writing, "writing");
        this.pronunciation = Objects.requireNonNull(pronunciation, "pronunciation").strip();
        this.meaning = Objects.requireNonNull(meaning, "meaning").strip();
        this.introducedOn = Objects.requireNonNull(introducedOn, "introducedOn");
        this.memory = memory;
    }

    /** A word introduced by a lesson on {@code day}, with no recall evidence yet. */
    public static CurriculumEntry introduced(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay day) {
        return new CurriculumEntry(key, writing, pronunciation, meaning, day, null);
    }

    /** Restores an entry from storage. */
    public static CurriculumEntry restore(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay introducedOn, Optional<MemoryState> memory) {
        return new CurriculumEntry(key, writing, pronunciation, meaning, introducedOn, memory.orElse(null));
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    /**
     * Applies one recall outcome on {@code day}: the first outcome sets the initial memory, later
     * ones update it with FSRS-6. Only the first outcome per UTC day counts, so an outcome on the
     * day of the last review leaves the entry unchanged; so does one dated before the last review
     * (evidence that arrives out of order must not rewind memory).
     */
    public CurriculumEntry recordOutcome(Fsrs fsrs, Rating rating, LessonDay day) {
        if (memory == null) {
            return withMemory(fsrs.first(rating, day.date()));
        }
        if (!day.date().isAfter(memory.lastReview())) {
            return this;
        }
        return withMemory(fsrs.review(memory, rating, day.date()));
    }

    private CurriculumEntry withMemory(MemoryState state) {
        return new CurriculumEntry(key, writing, pronunciation, meaning, introducedOn, state);
    }

    /**
     * The key this entry also answers to when a kana-only Japanese word is checked against
     * readings: the hiragana key of its reading (the leading kana of its pronunciation, or its
     * writing when that is kana).
     */
    public Optional<WordKey> readingKey() {
        return readingKeyOf(key, writing, pronunciation);
    }

    static Optional<WordKey> readingKeyOf(WordKey key, String writing, String pronunciation) {
        if (!"ja".equals(key.language())) {
            return Optional.empty();
        }
        String reading = pronunciation.isBlank() ? "" : pronunciation.strip().split("[\\s(（/]", 2)[0];
        // readingKey normalises and is empty unless the text is kana, so 「ネコ」 reads as ねこ.
        return WordKey.readingKey(JAPANESE, reading).or(() -> WordKey.readingKey(JAPANESE, writing));
    }

    public WordKey key() {
        return key;
    }

    public String writing() {
        return writing;
    }

    /** IPA, reading or romanisation; may be empty for entries restored from older data. */
    public String pronunciation() {
        return pronunciation;
    }

    public String meaning() {
        return meaning;
    }

    public LessonDay introducedOn() {
        return introducedOn;
    }

    /** The learner's memory of the word; empty until the first recall evidence. */
    public Optional<MemoryState> memory() {
        return Optional.ofNullable(memory);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurriculumEntry other
                && key.equals(other.key) && writing.equals(other.writing)
                && pronunciation.equals(other.pronunciation) && meaning.equals(other.meaning)
                && introducedOn.equals(other.introducedOn) && Objects.equals(memory, other.memory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, writing, pronunciation, meaning, introducedOn, memory);
    }

    @Override
    public String toString() {
        return "CurriculumEntry[" + key + ", introducedOn=" + introducedOn + ", memory=" + memory + "]";
    }
}

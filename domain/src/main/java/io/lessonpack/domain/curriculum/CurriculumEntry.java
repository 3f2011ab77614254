package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One word or phrase a learner knows in one language, with the learner's memory of it.
 *
 * <p>An entry is created when a lesson introduces the word, when the learner is tested on it (a hit
 * or missed target: its memory starts from that outcome), when it opens a review, or when the learner
 * uses it; it is never removed: the curriculum only grows, and a new word is never one it holds.
 * A word the learner only used is known but not scheduled ({@link #scheduled()}): using a word
 * unprompted is not a recall test (nothing records the times they could not find it), so it does
 * not move the memory model, and function words would crowd the reviews; it is scheduled from its
 * first test. Every other entry is scheduled; one with no memory yet counts as not recalled (see
 * {@link ReviewSelection}). Each entry keeps its {@link RecallHistory} for refits of the parameters.
 */
public final class CurriculumEntry {

    /** How a word entered the curriculum. */
    public enum Origin {
        /** A lesson introduced it as a new word (lessonpack's, or the original service's, adopted). */
        LESSON,
        /** The learner was tested on it: a target of a session, hit or missed. */
        TESTED,
        /** It opened a review before anything else put it in the curriculum. */
        REVIEWED,
        /** The learner used it in a session: known, never taught as new, not scheduled. */
        USED
    }

    private static final Language JAPANESE = Language.of("ja");

    private final WordKey key;
    private final String writing;
    private final String pronunciation;
    private final String meaning;
    private final LessonDay introducedOn;
    private final Origin origin;
    private final MemoryState memory;
    private final RecallHistory history;

    private CurriculumEntry(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay introducedOn, Origin origin, MemoryState memory, RecallHistory history) {
        this.key = Objects.requireNonNull(key, "key");
        this.writing = requireText(writing, "writing");
        this.pronunciation = Objects.requireNonNull(pronunciation, "pronunciation").strip();
        this.meaning = Objects.requireNonNull(meaning, "meaning").strip();
        this.introducedOn = Objects.requireNonNull(introducedOn, "introducedOn");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.memory = memory;
        this.history = Objects.requireNonNull(history, "history");
    }

    /** A word introduced by a lesson on {@code day}, with no recall evidence yet. */
    public static CurriculumEntry introduced(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay day) {
        return new CurriculumEntry(key, writing, pronunciation, meaning, day, Origin.LESSON, null, RecallHistory.empty());
    }

    /**
     * A word the learner was tested on before any lesson taught it: it enters the curriculum on the
     * outcome's day with its memory from that outcome (a miss is Again, a hit Good).
     */
    public static CurriculumEntry tested(Fsrs fsrs, WordKey key, String writing, Rating rating, LessonDay day) {
        return new CurriculumEntry(key, writing, "", "", day, Origin.TESTED, null, RecallHistory.empty())
                .recordOutcome(fsrs, rating, day);
    }

    /** A word the learner used on {@code day}: known from then on, not scheduled. */
    public static CurriculumEntry used(WordKey key, String writing, LessonDay day) {
        return new CurriculumEntry(key, writing, "", "", day, Origin.USED, null, RecallHistory.empty());
    }

    /** A word that opens a review on {@code day} before anything else put it in the curriculum. */
    public static CurriculumEntry reviewed(WordKey key, String writing, LessonDay day) {
        return new CurriculumEntry(key, writing, "", "", day, Origin.REVIEWED, null, RecallHistory.empty());
    }

    /**
     * Restores an entry from storage.
     *
     * @param memory null when the learner has no recall outcome for it yet
     */
    public static CurriculumEntry restore(WordKey key, String writing, String pronunciation, String meaning,
            LessonDay introducedOn, Origin origin, MemoryState memory, RecallHistory history) {
        return new CurriculumEntry(key, writing, pronunciation, meaning, introducedOn, origin, memory, history);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    /**
     * Applies one recall outcome on {@code day}: the first outcome sets the initial memory, later
     * ones update it with FSRS-6, and the outcome joins the history. Only the first outcome per UTC
     * day counts, so an outcome on the day of the last review leaves the entry unchanged; so does one
     * dated before the last review (evidence that arrives out of order must not rewind memory).
     */
    public CurriculumEntry recordOutcome(Fsrs fsrs, Rating rating, LessonDay day) {
        if (memory != null && !day.date().isAfter(memory.lastReview())) {
            return this;
        }
        MemoryState next = memory == null ? fsrs.first(rating, day.date()) : fsrs.review(memory, rating, day.date());
        return new CurriculumEntry(key, writing, pronunciation, meaning, introducedOn, origin, next,
                history.with(new Recall(day.date(), rating)));
    }

    /**
     * This entry as a review opener: a word the learner only used becomes scheduled
     * ({@link Origin#REVIEWED}); any other entry is returned as it is.
     */
    public CurriculumEntry openedReview() {
        return origin == Origin.USED && memory == null
                ? new CurriculumEntry(key, writing, pronunciation, meaning, introducedOn, Origin.REVIEWED, memory, history)
                : this;
    }

    /**
     * Whether the scheduler may choose it for a review: every entry but a word the learner only
     * used and was never tested on.
     */
    public boolean scheduled() {
        return origin != Origin.USED || memory != null;
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

    /** How the word entered the curriculum. */
    public Origin origin() {
        return origin;
    }

    /** The learner's recall outcomes for it, one per day at most, capped. */
    public RecallHistory history() {
        return history;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurriculumEntry other
                && key.equals(other.key) && writing.equals(other.writing)
                && pronunciation.equals(other.pronunciation) && meaning.equals(other.meaning)
                && introducedOn.equals(other.introducedOn) && origin == other.origin
                && Objects.equals(memory, other.memory) && history.equals(other.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, writing, pronunciation, meaning, introducedOn, origin, memory, history);
    }

    @Override
    public String toString() {
        return "CurriculumEntry[" + key + ", " + origin + ", introducedOn=" + introducedOn + ", memory=" + memory
                + ", recalls=" + history.size() + "]";
    }
}

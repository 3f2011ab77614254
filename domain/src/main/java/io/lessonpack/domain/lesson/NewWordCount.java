package io.lessonpack.domain.lesson;

/**
 * How many new words a lesson should introduce. There is no research consensus; about five is a
 * sensible default (docs/domain.md, "Why lessons look like this") and ten the most a speaking lesson
 * can absorb.
 *
 * <p>An author may introduce up to two fewer than requested (a lesson built around the learner's
 * misses may honestly have fewer good candidates), never more, and always at least one.
 */
public record NewWordCount(int requested) {

    public static final int DEFAULT = 5;
    public static final int MAX = 10;

    public NewWordCount {
        if (requested < 1 || requested > MAX) {
            throw new IllegalArgumentException("new words per lesson must be within 1.." + MAX + ", was " + requested);
        }
    }

    public static NewWordCount of(int requested) {
        return new NewWordCount(requested);
    }

    public static NewWordCount defaultCount() {
        return new NewWordCount(DEFAULT);
    }

    /** The fewest new words a valid lesson may introduce. */
    public int min() {
        return Math.max(1, requested - 2);
    }

    /** The most new words a valid lesson may introduce. */
    public int max() {
        return requested;
    }
}

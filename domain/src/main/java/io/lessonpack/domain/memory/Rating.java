package io.lessonpack.domain.memory;

/**
 * How well the learner recalled a word at one review, on the four-point FSRS scale
 * (the same grades as Anki: 1 Again, 2 Hard, 3 Good, 4 Easy).
 *
 * <p>Only {@link #AGAIN} counts as a lapse; every other grade is a successful recall. Lessonpack itself
 * maps a missed target to {@code AGAIN} and a hit to {@code GOOD}; the other grades occur in imported
 * review logs.
 *
 * <pre>{@code
 * Rating r = Rating.ofGrade(3);   // GOOD
 * r.recalled();                   // true
 * }</pre>
 */
public enum Rating {
    /** Forgotten: the learner could not produce the word. */
    AGAIN(1),
    /** Recalled with serious difficulty. */
    HARD(2),
    /** Recalled after some hesitation. */
    GOOD(3),
    /** Recalled effortlessly. */
    EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /**
     * The numeric grade G used by the FSRS formulas, 1 (Again) to 4 (Easy).
     *
     * @return the grade, 1..4
     */
    public int grade() {
        return grade;
    }

    /**
     * The rating for a numeric grade, as found in review logs.
     *
     * @param grade 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)
     * @return the matching rating
     * @throws IllegalArgumentException if {@code grade} is not 1..4
     */
    public static Rating ofGrade(int grade) {
        for (Rating rating : values()) {
            if (rating.grade == grade) {
                return rating;
            }
        }
        throw new IllegalArgumentException(
                "a rating grade must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got " + grade);
    }

    /**
     * Whether this rating is a successful recall (grade 2 or more), the outcome a retrievability
     * prediction is scored against.
     *
     * @return {@code false} for {@link #AGAIN}, {@code true} otherwise
     */
    public boolean recalled() {
        return grade >= 2;
    }
}

package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the curriculum words a day's review topics open with: among the scheduled words
 * ({@link CurriculumEntry#scheduled()}) introduced before today, those with the lowest predicted
 * recall today (docs/domain.md, "Choosing the review words").
 *
 * <p>Order: lowest retrievability R(t, S) first (t = whole UTC days since the last review); ties
 * broken by smaller stability, then older last review, then the key. A word with no recall
 * evidence yet has R = 0 (it has never been produced, so testing it is the most useful review) and
 * ranks by its introduction day in place of a last review.
 *
 * <p>The first word is always chosen; a second only while it is due, i.e. its R is below the
 * desired retention, so a learner who knows everything well gets one review, not a wasted one.
 */
public final class ReviewSelection {

    /** The desired retention: a word is due once its predicted recall falls below it. */
    public static final double DESIRED_RETENTION = 0.9;

    /** At most this many review topics per lesson. */
    public static final int MAX_REVIEWS = 2;

    private final Fsrs fsrs;

    public ReviewSelection(Fsrs fsrs) {
        this.fsrs = fsrs;
    }

    /**
     * Selects 0 to {@link #MAX_REVIEWS} review words from {@code candidates} for {@code today}. Empty
     * only when no candidate was introduced before today.
     */
    public List<ReviewWord> select(List<CurriculumEntry> candidates, LessonDay today) {
        List<Ranked> ranked = candidates.stream()
                .filter(e -> e.scheduled() && e.introducedOn().compareTo(today) < 0)
                .map(e -> rank(e, today.date()))
                .sorted(ORDER)
                .toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        List<Ranked> chosen = ranked.size() > 1 && ranked.get(1).retrievability < DESIRED_RETENTION
                ? ranked.subList(0, MAX_REVIEWS)
                : ranked.subList(0, 1);
        return chosen.stream()
                .map(r -> new ReviewWord(r.entry.key(), r.entry.writing(), ReviewWord.Source.CURRICULUM,
                        r.retrievability))
                .toList();
    }

    /** The predicted probability that the learner recalls the entry today (0 when never recalled). */
    public double retrievability(CurriculumEntry entry, LessonDay today) {
        return entry.memory().map(m -> fsrs.retrievability(m, today.date())).orElse(0.0);
    }

    private Ranked rank(CurriculumEntry entry, LocalDate today) {
        MemoryState memory = entry.memory().orElse(null);
        double r = memory == null ? 0.0 : fsrs.retrievability(memory, today);
        double s = memory == null ? 0.0 : memory.stability();
        LocalDate last = memory == null ? entry.introducedOn().date() : memory.lastReview();
        return new Ranked(entry, r, s, last);
    }

    private static final Comparator<Ranked> ORDER = Comparator
            .comparingDouble((Ranked r) -> r.retrievability)
            .thenComparingDouble(r -> r.stability)
            .thenComparing(r -> r.lastReview)
            .thenComparing(r -> r.entry.key().value())
            .thenComparing(r -> r.entry.key().version());

    private record Ranked(CurriculumEntry entry, double retrievability, double stability, LocalDate lastReview) {
    }
}

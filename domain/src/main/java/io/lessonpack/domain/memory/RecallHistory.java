package io.lessonpack.domain.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A word's recall outcomes, one per UTC day at most, in day order, bounded at {@link #CAP}: what a
 * refit of the memory model's parameters replays. The memory state itself does not need it.
 *
 * <p>Why 32: in a real year-long review log (one learner, 1,205 words) 99% of words have at most 16
 * review days and the most any word has is 19, so 32 days of outcomes hold about a year of daily
 * practice and a word's item stays a few hundred bytes however long the learner keeps going. Beyond
 * the cap the first outcome (which sets the initial state in a replay) and the 31 most recent are
 * kept.
 */
public final class RecallHistory {

    /** The most outcomes kept per word. */
    public static final int CAP = 32;

    private static final RecallHistory EMPTY = new RecallHistory(List.of());

    private final List<Recall> recalls;

    private RecallHistory(List<Recall> recalls) {
        this.recalls = List.copyOf(recalls);
    }

    /** No outcome yet. */
    public static RecallHistory empty() {
        return EMPTY;
    }

    /**
     * A stored history: sorted by day, one outcome per day (the first given for a day), capped.
     */
    public static RecallHistory of(List<Recall> recalls) {
        Objects.requireNonNull(recalls, "recalls");
        List<Recall> sorted = new ArrayList<>(recalls);
        sorted.sort((a, b) -> a.day().compareTo(b.day()));
        List<Recall> kept = new ArrayList<>();
        for (Recall recall : sorted) {
            if (kept.isEmpty() || recall.day().isAfter(kept.get(kept.size() - 1).day())) {
                kept.add(recall);
            }
        }
        return new RecallHistory(capped(kept));
    }

    /**
     * This history with {@code recall} added, when it is on a later day than the last outcome;
     * otherwise this history (the first outcome of a day counts, and one out of order is dropped,
     * as the memory state drops it).
     */
    public RecallHistory with(Recall recall) {
        Objects.requireNonNull(recall, "recall");
        if (!recalls.isEmpty() && !recall.day().isAfter(recalls.get(recalls.size() - 1).day())) {
            return this;
        }
        List<Recall> next = new ArrayList<>(recalls);
        next.add(recall);
        return new RecallHistory(capped(next));
    }

    private static List<Recall> capped(List<Recall> recalls) {
        if (recalls.size() <= CAP) {
            return recalls;
        }
        List<Recall> kept = new ArrayList<>(CAP);
        kept.add(recalls.get(0));
        kept.addAll(recalls.subList(recalls.size() - (CAP - 1), recalls.size()));
        return kept;
    }

    /** The outcomes, oldest first. */
    public List<Recall> recalls() {
        return recalls;
    }

    public boolean isEmpty() {
        return recalls.isEmpty();
    }

    public int size() {
        return recalls.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecallHistory other && recalls.equals(other.recalls);
    }

    @Override
    public int hashCode() {
        return recalls.hashCode();
    }

    @Override
    public String toString() {
        return "RecallHistory" + recalls;
    }
}

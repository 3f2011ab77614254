package io.lessonpack.domain.memory;

import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The one replay of a word's history through {@link Fsrs} that every score in this package uses:
 * {@link HistoryScore} for lessonpack's own word histories, {@link ReviewLogReplay} for an imported log.
 * They differ only in which recalls they score; the memory state always runs through the whole history.
 *
 * <p>The first recall sets the state ({@link Fsrs#first}). Before each later recall on a later UTC day
 * the model predicts {@code R(t, S)}, which is scored when the caller's selection includes that recall.
 * A recall on the same day as the previous one updates the state with the same-day formula and is never
 * scored (as in srs-benchmark): a prediction made minutes after the last review says nothing about memory.
 */
final class HistoryReplay {

    private HistoryReplay() {
    }

    /**
     * Whether the recall at {@code i} is a prediction the replay can score: not the first, and on a
     * later UTC day than the recall before it.
     */
    static boolean predicts(List<Recall> history, int i) {
        return i > 0 && history.get(i).day().isAfter(history.get(i - 1).day());
    }

    /**
     * Replays one history and adds its scored predictions to {@code tally}.
     *
     * @param fsrs    the model
     * @param history one word's recalls in day order (several on one day are allowed)
     * @param scored  which positions of {@code history} may be scored
     * @param tally   where scored predictions go
     * @throws IllegalArgumentException if a recall comes on an earlier day than the one before it
     */
    static void replay(Fsrs fsrs, List<Recall> history, IntPredicate scored, PredictionTally tally) {
        Objects.requireNonNull(history, "each history is required");
        MemoryState state = null;
        for (int i = 0; i < history.size(); i++) {
            Recall recall = history.get(i);
            if (state == null) {
                state = fsrs.first(recall.rating(), recall.day());
                continue;
            }
            if (predicts(history, i) && scored.test(i)) {
                tally.add(fsrs.retrievability(state, recall.day()), recall.rating().recalled());
            }
            state = fsrs.review(state, recall.rating(), recall.day());
        }
    }
}

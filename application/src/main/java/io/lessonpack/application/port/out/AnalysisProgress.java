package io.lessonpack.application.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How far a learner's analysis results have been handled in one language.
 *
 * <p>{@link #lastProcessedAt()} is the watermark: never in the future, never moved backwards by
 * lessonpack. Results up to a look-back before it may still be read, so that one written late with
 * an older time is still used; {@link #handled()} remembers, by the table's key, every result of
 * that window already used or passed over, so that none is used twice.
 *
 * @param lastProcessedAt the watermark
 * @param handled         the keys of results used or passed over within the look-back, with the time
 *                        each counts from (its own time, or when it was passed when that is unreadable)
 */
public record AnalysisProgress(Instant lastProcessedAt, Map<String, Instant> handled) {

    public AnalysisProgress {
        Objects.requireNonNull(lastProcessedAt, "lastProcessedAt");
        handled = Map.copyOf(handled);
    }
}

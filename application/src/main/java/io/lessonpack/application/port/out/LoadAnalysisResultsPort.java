package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import java.time.Instant;

/** Reads the analysis service's results for a learner. */
public interface LoadAnalysisResultsPort {

    /**
     * The learner's results created from {@code from} to {@code to}, newest first, at most
     * {@code maxItems}: every language's, usable or not (the caller decides what applies).
     * Implementations bound what one item may cost to read (its lists and texts are capped).
     */
    AnalysisPage loadRecent(UserId userId, Instant from, Instant to, int maxItems);
}

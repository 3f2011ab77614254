package io.lessonpack.application.port.out;

import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the analysis service's results for a learner. */
public interface LoadAnalysisResultsPort {

    /**
     * The learner's results created strictly after {@code after} (all of them when empty), oldest
     * first, at most {@code limit}. Results of every language are returned; the domain filters.
     */
    List<AnalysisResult> loadResultsAfter(UserId userId, Optional<Instant> after, int limit);
}

package io.lessonpack.application.inmemory;

import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Analysis results held in memory, standing in for the analysis service's table. Thread-safe.
 * {@link #add} is what the analysis service would do.
 */
public final class InMemoryAnalysisResults implements LoadAnalysisResultsPort {

    private final List<AnalysisResult> results = new ArrayList<>();

    /** Stores a result as the analysis service would. */
    public synchronized void add(AnalysisResult result) {
        results.add(result);
    }

    @Override
    public synchronized List<AnalysisResult> loadResultsAfter(UserId userId, Optional<Instant> after, int limit) {
        return results.stream()
                .filter(r -> r.userId().equals(userId))
                .filter(r -> after.map(r.createdAt()::isAfter).orElse(true))
                .sorted(Comparator.comparing(AnalysisResult::createdAt))
                .limit(limit)
                .toList();
    }
}

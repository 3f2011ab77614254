package io.lessonpack.application.inmemory;

import io.lessonpack.application.port.out.AnalysisPage;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.StoredAnalysis;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Analysis results held in memory, standing in for the analysis service's table. Thread-safe.
 * {@link #add} is what the analysis service would do; {@link #addUnusable} stands for an item the
 * service could not read (an unknown language tag, an unreadable time). Each item gets a key of its
 * own (its time and its place in the order of adding), so two results at one instant are both kept.
 */
public final class InMemoryAnalysisResults implements LoadAnalysisResultsPort {

    private record Held(UserId userId, Instant at, StoredAnalysis item) {
    }

    private final List<Held> items = new ArrayList<>();

    /** Stores a result as the analysis service would. */
    public synchronized void add(AnalysisResult result) {
        items.add(new Held(result.userId(), result.createdAt(),
                new StoredAnalysis.Usable(nextKey(result.createdAt()), result)));
    }

    /** Stores an item the service cannot use, at {@code at} (the table's order), for the reason given. */
    public synchronized void addUnusable(UserId userId, Instant at, String analysisId, String reason) {
        items.add(new Held(userId, at, new StoredAnalysis.Unusable(nextKey(at), analysisId, reason, at)));
    }

    private String nextKey(Instant at) {
        return at + "#" + items.size();
    }

    @Override
    public synchronized AnalysisPage loadRecent(UserId userId, Instant from, Instant to, int maxItems) {
        List<StoredAnalysis> window = items.stream()
                .filter(h -> h.userId().equals(userId))
                .filter(h -> !h.at().isBefore(from) && !h.at().isAfter(to))
                .sorted(Comparator.comparing(Held::at).reversed())
                .map(Held::item)
                .toList();
        return new AnalysisPage(window.subList(0, Math.min(maxItems, window.size())), window.size() <= maxItems);
    }
}

package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link LoadCurriculumPort} and counts what a generation reads from the curriculum: the
 * entries and keys returned and the largest limit or key set asked for. With it a test shows that
 * a generation's reads are bounded by the settings, not by the size of the curriculum.
 */
public final class CountingCurriculum implements LoadCurriculumPort {

    private final LoadCurriculumPort delegate;
    private final AtomicInteger itemsReturned = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();
    private volatile RuntimeException historiesFailure;
    private final AtomicInteger largestRequest = new AtomicInteger();

    public CountingCurriculum(LoadCurriculumPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public List<CurriculumEntry> reviewCandidates(UserId userId, Language language, LessonDay today, int limit) {
        return counted(limit, delegate.reviewCandidates(userId, language, today, limit));
    }

    @Override
    public List<CurriculumEntry> entries(UserId userId, Language language, Set<WordKey> keys) {
        return counted(keys.size(), delegate.entries(userId, language, keys));
    }

    @Override
    public Set<WordKey> existingKeys(UserId userId, Language language, Set<WordKey> keys) {
        Set<WordKey> found = delegate.existingKeys(userId, language, keys);
        record(keys.size(), found.size());
        return found;
    }

    @Override
    public List<RecallHistory> histories(UserId userId, Language language, int maxWords) {
        historyReads.incrementAndGet();
        if (historiesFailure != null) {
            throw historiesFailure;
        }
        return counted(maxWords, delegate.histories(userId, language, maxWords));
    }

    private <T> List<T> counted(int requested, List<T> returned) {
        record(requested, returned.size());
        return returned;
    }

    private void record(int requested, int returned) {
        itemsReturned.addAndGet(returned);
        largestRequest.accumulateAndGet(requested, Math::max);
    }

    @Override
    public List<CurriculumEntry> words(UserId userId, Language language, int maxWords) {
        return counted(maxWords, delegate.words(userId, language, maxWords));
    }

    /** Calls to {@link #histories} since the last {@link #reset()}. */
    public int historyReads() {
        return historyReads.get();
    }

    /** Makes {@link #histories} throw {@code failure} (null: answer again). */
    public void failHistories(RuntimeException failure) {
        this.historiesFailure = failure;
    }

    /** Entries and keys returned since the last {@link #reset()}. */
    public int itemsReturned() {
        return itemsReturned.get();
    }

    /** The largest limit or key-set size asked for since the last {@link #reset()}. */
    public int largestRequest() {
        return largestRequest.get();
    }

    /** Starts counting afresh. */
    public void reset() {
        historyReads.set(0);
        itemsReturned.set(0);
        largestRequest.set(0);
    }
}

package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.word.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link SaveGenerationPort} and injects the two ways a commit can go wrong for the caller:
 * <ul>
 *   <li>{@link #failNextCommits}: the commit throws before anything is written (a crash or a
 *       timeout after the author answered, before the write);</li>
 *   <li>{@link #loseNextCommitAnswers}: the commit is written, then throws (its answer was lost,
 *       as with a timeout after DynamoDB applied the transaction).</li>
 * </ul>
 * Inert until one of them is called; {@link #skipResultsUpTo} always delegates.
 */
public final class FailingSaver implements SaveGenerationPort {

    private final SaveGenerationPort delegate;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger lostAnswersLeft = new AtomicInteger();
    private final AtomicInteger commitCalls = new AtomicInteger();

    public FailingSaver(SaveGenerationPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Makes the next {@code count} commits throw {@link InjectedFailureException} without writing. */
    public FailingSaver failNextCommits(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Makes the next {@code count} commits write everything and then throw {@link InjectedFailureException}. */
    public FailingSaver loseNextCommitAnswers(int count) {
        lostAnswersLeft.set(count);
        return this;
    }

    @Override
    public CommitResult commit(UserId userId, GenerationCommit commit) {
        commitCalls.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InjectedFailureException("injected: the commit crashed before writing");
        }
        CommitResult result = delegate.commit(userId, commit);
        if (lostAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InjectedFailureException("injected: the commit was written but its answer was lost");
        }
        return result;
    }

    @Override
    public boolean recordAnalysisProgress(UserId userId, Language language, long expectedAnalysisVersion,
            AnalysisProgress progress) {
        return delegate.recordAnalysisProgress(userId, language, expectedAnalysisVersion, progress);
    }

    @Override
    public boolean recordFit(UserId userId, Language language, long expectedFitVersion, FsrsParameters parameters,
            LocalDate fittedOn, long scoredReviews) {
        return delegate.recordFit(userId, language, expectedFitVersion, parameters, fittedOn, scoredReviews);
    }

    @Override
    public int addAbsentWords(UserId userId, Language language, List<CurriculumEntry> entries) {
        return delegate.addAbsentWords(userId, language, entries);
    }

    /** Every commit call, failed ones included. */
    public int commitCalls() {
        return commitCalls.get();
    }
}

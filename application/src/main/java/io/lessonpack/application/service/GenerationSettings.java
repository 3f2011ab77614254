package io.lessonpack.application.service;

import io.lessonpack.domain.lesson.NewWordCount;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of a generation, with defaults that fit a 60-second Lambda on the voice-session queue.
 *
 * @param newWords           new words per lesson
 * @param claimLeaseMargin   how long a claim on the day outlives its attempt's deadline: a claim whose
 *                           attempt died may be taken over this long after that attempt had to be done
 * @param analysisWait       how long after a session ends its own analysis is waited for
 * @param analysisReading    how analysis results are read, bounded and consumed
 * @param reviewCandidates   curriculum entries ranked per generation
 * @param knownWordSample    known words given to the author
 * @param maxMemoryUpdates   curriculum words whose memory one generation may move; keeps a commit
 *                           within DynamoDB's 100-item transaction limit
 * @param maxEvidenceWords   distinct words one generation's evidence may touch (move, or bring into
 *                           the curriculum); keeps the writes before a lesson bounded
 * @param memoryFitting      when the learner's memory-model parameters are refitted
 * @param timeBudget         how the time up to the deadline is shared between the author and the rest
 * @param prices             the price table a generation's cost is estimated with
 */
public record GenerationSettings(NewWordCount newWords, Duration claimLeaseMargin, Duration analysisWait,
        AnalysisReading analysisReading, int reviewCandidates, int knownWordSample, int maxMemoryUpdates,
        int maxEvidenceWords, MemoryFitting memoryFitting, TimeBudget timeBudget, AuthorPrices prices) {

    public GenerationSettings {
        Objects.requireNonNull(newWords, "newWords");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(analysisReading, "analysisReading");
        Objects.requireNonNull(memoryFitting, "memoryFitting");
        if (maxEvidenceWords < maxMemoryUpdates) {
            throw new IllegalArgumentException("maxEvidenceWords must be at least maxMemoryUpdates");
        }
        requirePositive(claimLeaseMargin, "claimLeaseMargin");
        Objects.requireNonNull(analysisWait, "analysisWait");
        if (analysisWait.isNegative()) {
            throw new IllegalArgumentException("analysisWait must not be negative");
        }
        if (reviewCandidates < 1 || knownWordSample < 0 || maxMemoryUpdates < 0) {
            throw new IllegalArgumentException(
                    "reviewCandidates must be positive, knownWordSample and maxMemoryUpdates not negative");
        }
        if (maxMemoryUpdates > MAX_MEMORY_UPDATES) {
            throw new IllegalArgumentException("maxMemoryUpdates is at most " + MAX_MEMORY_UPDATES
                    + ": a commit also holds up to 2 x " + NewWordCount.MAX + " new-word items, 2 review openers and 6 others");
        }
    }

    /** A claim outlives its attempt's deadline by this much: the invocation's closing work fits in it. */
    public static final Duration DEFAULT_CLAIM_LEASE_MARGIN = Duration.ofSeconds(15);

    /**
     * How long after a session ends its own analysis is waited for. Chosen together with the
     * queue's redelivery backoff and its maxReceiveCount, so that waiting never sends a message to
     * the dead-letter queue ({@code docs/time-budget.md}).
     */
    public static final Duration DEFAULT_ANALYSIS_WAIT = Duration.ofMinutes(10);

    /** The most memory updates a commit can hold beside everything else within 100 items. */
    public static final int MAX_MEMORY_UPDATES = 70;

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The defaults: 5 new words, a claim that outlives its deadline by 15 s, a 10-minute analysis
     * wait, {@link AnalysisReading#defaults()}, 100 review candidates, 40 known words in a brief, 60
     * memory updates and 300 words touched by the evidence per generation,
     * {@link MemoryFitting#defaults()}, {@link TimeBudget#defaults()}, GPT-4o's list price.
     */
    public static GenerationSettings defaults() {
        return new GenerationSettings(NewWordCount.defaultCount(), DEFAULT_CLAIM_LEASE_MARGIN, DEFAULT_ANALYSIS_WAIT,
                AnalysisReading.defaults(), 100, 40, 60, 300, MemoryFitting.defaults(), TimeBudget.defaults(),
                AuthorPrices.gpt4oListPrice());
    }

    /** The same settings with another new-word count. */
    public GenerationSettings withNewWords(NewWordCount count) {
        return new GenerationSettings(count, claimLeaseMargin, analysisWait, analysisReading, reviewCandidates,
                knownWordSample, maxMemoryUpdates, maxEvidenceWords, memoryFitting, timeBudget, prices);
    }

    /** The same settings with another price table. */
    public GenerationSettings withPrices(AuthorPrices table) {
        return new GenerationSettings(newWords, claimLeaseMargin, analysisWait, analysisReading, reviewCandidates,
                knownWordSample, maxMemoryUpdates, maxEvidenceWords, memoryFitting, timeBudget, table);
    }

    /** The same settings with another refit policy. */
    public GenerationSettings withMemoryFitting(MemoryFitting fitting) {
        return new GenerationSettings(newWords, claimLeaseMargin, analysisWait, analysisReading, reviewCandidates,
                knownWordSample, maxMemoryUpdates, maxEvidenceWords, fitting, timeBudget, prices);
    }

    /** The same settings with another time budget. */
    public GenerationSettings withTimeBudget(TimeBudget budget) {
        return new GenerationSettings(newWords, claimLeaseMargin, analysisWait, analysisReading, reviewCandidates,
                knownWordSample, maxMemoryUpdates, maxEvidenceWords, memoryFitting, budget, prices);
    }
}

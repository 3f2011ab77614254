package io.lessonpack.application.service;

import io.lessonpack.domain.lesson.NewWordCount;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of a generation, with defaults that fit a 60-second Lambda on a queue whose visibility
 * timeout is six times that.
 *
 * @param newWords           new words per lesson
 * @param claimLease         how long a claim on the day holds if its attempt dies: longer than an
 *                           invocation (60 s), shorter than the visibility timeout (360 s)
 * @param analysisWait       how long after a session ends its own analysis is waited for
 * @param maxResults         analysis results read per generation (oldest first; the rest next time)
 * @param reviewCandidates   curriculum entries ranked per generation
 * @param knownWordSample    known words given to the author
 * @param maxMemoryUpdates   curriculum words whose memory one generation may move; keeps a commit
 *                           within DynamoDB's 100-item transaction limit
 * @param prices             the price table a generation's cost is estimated with
 */
public record GenerationSettings(NewWordCount newWords, Duration claimLease, Duration analysisWait, int maxResults,
        int reviewCandidates, int knownWordSample, int maxMemoryUpdates, AuthorPrices prices) {

    public GenerationSettings {
        Objects.requireNonNull(newWords, "newWords");
        Objects.requireNonNull(prices, "prices");
        requirePositive(claimLease, "claimLease");
        Objects.requireNonNull(analysisWait, "analysisWait");
        if (analysisWait.isNegative()) {
            throw new IllegalArgumentException("analysisWait must not be negative");
        }
        if (maxResults < 1 || reviewCandidates < 1 || knownWordSample < 0 || maxMemoryUpdates < 0) {
            throw new IllegalArgumentException(
                    "maxResults and reviewCandidates must be positive, knownWordSample and maxMemoryUpdates not negative");
        }
        if (maxMemoryUpdates > MAX_MEMORY_UPDATES) {
            throw new IllegalArgumentException("maxMemoryUpdates is at most " + MAX_MEMORY_UPDATES
                    + ": a commit also holds up to 2 x " + NewWordCount.MAX + " new-word items and 6 others");
        }
    }

    /** The most memory updates a commit can hold beside everything else within 100 items. */
    public static final int MAX_MEMORY_UPDATES = 70;

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The defaults described above: 5 new words, 3-minute lease, 15-minute analysis wait, 20 results,
     * 100 review candidates, 40 known words in a brief, 60 memory updates per generation, GPT-4o's
     * list price.
     */
    public static GenerationSettings defaults() {
        return new GenerationSettings(NewWordCount.defaultCount(), Duration.ofMinutes(3), Duration.ofMinutes(15), 20,
                100, 40, 60, AuthorPrices.gpt4oListPrice());
    }

    /** The same settings with another new-word count. */
    public GenerationSettings withNewWords(NewWordCount count) {
        return new GenerationSettings(count, claimLease, analysisWait, maxResults, reviewCandidates, knownWordSample,
                maxMemoryUpdates, prices);
    }

    /** The same settings with another price table. */
    public GenerationSettings withPrices(AuthorPrices table) {
        return new GenerationSettings(newWords, claimLease, analysisWait, maxResults, reviewCandidates, knownWordSample,
                maxMemoryUpdates, table);
    }
}

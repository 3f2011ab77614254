package io.lessonpack.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How a generation reads the analysis service's results, whose data it does not trust for time and
 * whose volume it does not control. Every bound here keeps one message's reads and one lesson's
 * evidence bounded, whatever the table holds.
 *
 * @param lookBack      how far before the watermark results are still read: one written late, with an
 *                      older time than results already used, is used by the language's next message
 *                      when it was written no later than this after its own time (the watermark
 *                      never passes the time of the read that moved it)
 * @param futureSkew    how far after now a result's time may lie and still be used now (clocks
 *                      differ); a result further ahead waits until its time
 * @param readBound     items read per message at most, newest first
 * @param lessonResults the most recent results of the language the lesson is written from
 * @param memoryResults results of the language one lesson consumes at most: the memory model gets the
 *                      outcomes of all of them; older ones beyond are passed over with a log line
 * @param handledBound  result keys remembered per learner and language at most
 */
public record AnalysisReading(Duration lookBack, Duration futureSkew, int readBound, int lessonResults,
        int memoryResults, int handledBound) {

    public AnalysisReading {
        Objects.requireNonNull(lookBack, "lookBack");
        Objects.requireNonNull(futureSkew, "futureSkew");
        if (lookBack.isNegative() || futureSkew.isNegative()) {
            throw new IllegalArgumentException("lookBack and futureSkew must not be negative");
        }
        if (lessonResults < 1 || memoryResults < lessonResults || readBound < memoryResults
                || handledBound < readBound) {
            throw new IllegalArgumentException("need 1 <= lessonResults <= memoryResults <= readBound <= handledBound");
        }
    }

    /**
     * Two days of look-back (a result written up to two days after its own time is still used, so an
     * analysis service that is down for a day loses nothing), 5 minutes of clock skew, 500 items read, lessons written from the 20 most
     * recent results, 100 consumed at most, 2,000 keys remembered.
     */
    public static AnalysisReading defaults() {
        return new AnalysisReading(Duration.ofDays(2), Duration.ofMinutes(5), 500, 20, 100, 2_000);
    }
}

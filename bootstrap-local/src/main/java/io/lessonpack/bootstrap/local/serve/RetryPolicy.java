package io.lessonpack.bootstrap.local.serve;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code serve} tries a session again when the handler reports it failed (its
 * {@code batchItemFailures}), as the queue would redeliver the message: at most {@code maxAttempts}
 * attempts in all, the n-th retry after the n-th delay (the last delay repeats). Meanwhile the
 * learner's lane waits, as a FIFO message group waits for its failed message.
 *
 * @param maxAttempts attempts in all, the first included; 1 means never retry
 * @param delays      the waits before the second, third, ... attempt
 */
public record RetryPolicy(int maxAttempts, List<Duration> delays) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        delays = List.copyOf(delays);
        if (delays.isEmpty() && maxAttempts > 1) {
            throw new IllegalArgumentException("retries need at least one delay");
        }
        delays.forEach(d -> {
            if (Objects.requireNonNull(d, "delay").isNegative()) {
                throw new IllegalArgumentException("a delay must not be negative, was " + d);
            }
        });
    }

    /** Three attempts, 2 s before the second and 10 s before the third. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, List.of(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    /** The wait before attempt {@code attempt} (2 or more). */
    public Duration delayBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        return delays.get(Math.min(attempt - 2, delays.size() - 1));
    }
}

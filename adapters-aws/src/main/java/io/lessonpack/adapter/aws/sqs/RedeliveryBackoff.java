package io.lessonpack.adapter.aws.sqs;

import java.time.Duration;
import java.util.Objects;

/**
 * How soon a message that failed only for time comes back: {@link #first()} after its first
 * receive, doubling with every receive up to {@link #longest()} ({@code ApproximateReceiveCount}
 * counts the receives).
 *
 * <p>The schedule is designed together with the wait for a session's own analysis and the queue's
 * {@code maxReceiveCount}: a message waiting for its analysis fails at most
 * {@link #receivesWhileWaiting} times before the wait is over, and {@link #requiredMaxReceiveCount}
 * adds the receive that then succeeds and room for {@link #OTHER_FAILURES_ALLOWED} failures of
 * other kinds, so waiting alone never sends a message to the dead-letter queue. The infra tests
 * hold the Terraform's {@code max_receive_count} to it. The numbers are explained in
 * {@code docs/time-budget.md}.
 *
 * @param first   the delay after the first receive
 * @param longest the cap of the doubling delay
 */
public record RedeliveryBackoff(Duration first, Duration longest) {

    /** Failures other than waiting (throttling, an author outage) one message may meet without reaching the DLQ. */
    public static final int OTHER_FAILURES_ALLOWED = 3;

    public RedeliveryBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0
                || longest.compareTo(VisibilityChange.MAX_VISIBLE_AFTER) > 0) {
            throw new IllegalArgumentException("need 0 < first <= longest <= 12 h, got " + first + " and " + longest);
        }
    }

    /** 10 s, doubling up to 5 minutes: 10, 20, 40, 80, 160, 300, 300, ... */
    public static RedeliveryBackoff defaults() {
        return new RedeliveryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** The delay before a message received {@code receiveCount} times comes back. */
    public Duration after(int receiveCount) {
        int doublings = Math.min(Math.max(0, receiveCount - 1), 30);
        Duration delay = first.multipliedBy(1L << Math.min(doublings, 20));
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /**
     * The most receives a message can fail while waiting {@code wait} (counted from the session's
     * end, which is no later than its first receive): the smallest {@code k} whose delays add up to
     * at least {@code wait}.
     */
    public int receivesWhileWaiting(Duration wait) {
        Duration waited = Duration.ZERO;
        int receives = 0;
        while (waited.compareTo(wait) < 0) {
            receives++;
            waited = waited.plus(after(receives));
        }
        return receives;
    }

    /** The queue's {@code maxReceiveCount} that waiting {@code wait} can never exhaust. */
    public int requiredMaxReceiveCount(Duration wait) {
        return receivesWhileWaiting(wait) + 1 + OTHER_FAILURES_ALLOWED;
    }

    /** The longest a message can wait before its last time-only retry, for a wait of {@code wait}. */
    public Duration longestDelayWhileWaiting(Duration wait) {
        Duration waited = Duration.ZERO;
        for (int receive = 1; receive <= receivesWhileWaiting(wait); receive++) {
            waited = waited.plus(after(receive));
        }
        return waited;
    }
}

package io.lessonpack.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time a lesson author may spend on one write or repair: its answer must be in by
 * {@link #deadline()}, and no model request may start unless at least {@link #minimumAttempt()}
 * is left for it. The minimum applies to every attempt, retries of a rate limit or a server error
 * included: a request that cannot get it would most likely be cut off and paid for in vain, so it
 * is not started and the message is retried soon in a fresh invocation instead.
 *
 * <pre>{@code
 * if (!budget.allowsAttemptAt(clock.instant())) {
 *     throw new LessonAuthorException(Kind.NO_TIME, "...");
 * }
 * Duration timeout = budget.leftAt(clock.instant());
 * }</pre>
 *
 * @param deadline       when the author's answer must be in; the work after it (validation, the
 *                       commit, the publish) has its own reserve after this instant
 * @param minimumAttempt the least time a model request must be able to run to be started
 */
public record AuthorBudget(Instant deadline, Duration minimumAttempt) {

    public AuthorBudget {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(minimumAttempt, "minimumAttempt");
        if (minimumAttempt.isNegative()) {
            throw new IllegalArgumentException("minimumAttempt must not be negative, was " + minimumAttempt);
        }
    }

    /** The time left at {@code now}; zero once the deadline has passed. */
    public Duration leftAt(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether a model request may start at {@code now}: at least the minimum is left, and some time at all. */
    public boolean allowsAttemptAt(Instant now) {
        Duration left = leftAt(now);
        return !left.isZero() && left.compareTo(minimumAttempt) >= 0;
    }
}

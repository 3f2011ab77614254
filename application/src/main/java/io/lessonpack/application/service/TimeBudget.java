package io.lessonpack.application.service;

import io.lessonpack.application.port.out.AuthorBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a generation spends the time it is given: the lesson author may use everything up to the
 * deadline except a reserve for the work that follows its answer (storing the draft, validating it
 * against the curriculum, the commit, the publish), and a model request is only started when at
 * least a minimum is left for it. There is no other cap: a model that answers in 45 s gets its
 * 45 s when the invocation has them.
 *
 * <p>The numbers and how they were chosen are in {@code docs/time-budget.md}.
 *
 * @param authorReserve     kept back from the deadline for the work after the author's answer
 * @param minimumAuthorTime the least time a model request must be able to run to be started
 */
public record TimeBudget(Duration authorReserve, Duration minimumAuthorTime) {

    /** Measured post-answer path (bench, DynamoDB Local) is well under a second; 3 s leaves room for SDK retries. */
    public static final Duration DEFAULT_AUTHOR_RESERVE = Duration.ofSeconds(3);

    /** GPT-4o writes a ~1,500-token package in 10-30 s: a request with less than 10 s is more likely cut than answered. */
    public static final Duration DEFAULT_MINIMUM_AUTHOR_TIME = Duration.ofSeconds(10);

    public TimeBudget {
        Objects.requireNonNull(authorReserve, "authorReserve");
        Objects.requireNonNull(minimumAuthorTime, "minimumAuthorTime");
        if (authorReserve.isNegative() || minimumAuthorTime.isNegative()) {
            throw new IllegalArgumentException("authorReserve and minimumAuthorTime must not be negative");
        }
    }

    /** The defaults above: a 3 s reserve, a 10 s minimum. */
    public static TimeBudget defaults() {
        return new TimeBudget(DEFAULT_AUTHOR_RESERVE, DEFAULT_MINIMUM_AUTHOR_TIME);
    }

    /**
     * The author's budget for work that must be done by {@code deadline}, or empty when, at
     * {@code now}, not even the minimum is left for a model request.
     */
    public Optional<AuthorBudget> forAuthor(Instant now, Instant deadline) {
        AuthorBudget budget = new AuthorBudget(deadline.minus(authorReserve), minimumAuthorTime);
        return budget.allowsAttemptAt(now) ? Optional.of(budget) : Optional.empty();
    }
}

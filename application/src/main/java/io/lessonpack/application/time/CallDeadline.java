package io.lessonpack.application.time;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deadline of the work running on the current thread, for driven adapters whose network calls
 * must end before it: every DynamoDB, SNS and Secrets Manager call on the path of a generation gets
 * its timeout from the time left, so an invocation never runs past its end.
 *
 * <p>Why a thread-bound value rather than a parameter of every port method: the calls to bound
 * include retries and pages inside adapters (a BatchGetItem re-reading unprocessed keys, a paged
 * Query) and a key fetched on the author's behalf. One SDK interceptor per client applies the
 * deadline to all of them; threading it through seventeen port methods would not bound those any
 * better. The generation use case binds it for exactly the span of one
 * {@link io.lessonpack.application.port.in.GenerateDailyPackageUseCase#generate generate} call; a
 * nested binding can only shorten it.
 *
 * <pre>{@code
 * GenerationOutcome outcome = CallDeadline.within(deadline, () -> story(command));
 * // in an adapter:
 * CallDeadline.current().ifPresent(end -> request.timeout(Duration.between(clock.instant(), end)));
 * }</pre>
 */
public final class CallDeadline {

    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private CallDeadline() {
    }

    /**
     * Runs {@code work} with {@code deadline} bound to this thread (or the deadline already bound, if
     * that is earlier), and restores the previous binding afterwards, whatever happens.
     */
    public static <T> T within(Instant deadline, Supplier<T> work) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(work, "work");
        Instant previous = CURRENT.get();
        CURRENT.set(previous != null && previous.isBefore(deadline) ? previous : deadline);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The deadline bound to this thread; empty outside {@link #within}. */
    public static Optional<Instant> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}

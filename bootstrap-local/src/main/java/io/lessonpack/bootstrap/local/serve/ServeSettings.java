package io.lessonpack.bootstrap.local.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link LessonServer} runs: its port on loopback (0 for any free one), its clock (the same the
 * local runtime has, so a test can move both to the next UTC day), the retry policy, how often an
 * idle event stream gets a keep-alive comment, how many steps are kept for a reconnecting stream,
 * the largest request body, how many learners' sessions run at once, and each invocation's budget
 * (the Lambda's 60 s timeout).
 */
public record ServeSettings(int port, Clock clock, RetryPolicy retry, Duration keepAlive, int historySize,
        int maxBodyBytes, int parallelLearners, Duration invocationBudget) {

    /** The port {@code serve} listens on when none is given. */
    public static final int DEFAULT_PORT = 8080;

    public ServeSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retry, "retry");
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive");
        }
        if (historySize < 1 || maxBodyBytes < 1 || parallelLearners < 1) {
            throw new IllegalArgumentException("historySize, maxBodyBytes and parallelLearners must be positive");
        }
        if (invocationBudget.isNegative() || invocationBudget.isZero()) {
            throw new IllegalArgumentException("invocationBudget must be positive");
        }
    }

    /**
     * Port 8080, the default retries, a keep-alive every 15 s, the last 1000 steps kept, bodies up to
     * 256 KiB, four learners at once, 60 s invocations.
     */
    public static ServeSettings defaults(Clock clock) {
        return new ServeSettings(DEFAULT_PORT, clock, RetryPolicy.defaults(), Duration.ofSeconds(15), 1000, 256 * 1024,
                4, Duration.ofSeconds(60));
    }

    public ServeSettings withPort(int newPort) {
        return new ServeSettings(newPort, clock, retry, keepAlive, historySize, maxBodyBytes, parallelLearners,
                invocationBudget);
    }

    public ServeSettings withRetry(RetryPolicy newRetry) {
        return new ServeSettings(port, clock, newRetry, keepAlive, historySize, maxBodyBytes, parallelLearners,
                invocationBudget);
    }

    public ServeSettings withKeepAlive(Duration newKeepAlive) {
        return new ServeSettings(port, clock, retry, newKeepAlive, historySize, maxBodyBytes, parallelLearners,
                invocationBudget);
    }
}

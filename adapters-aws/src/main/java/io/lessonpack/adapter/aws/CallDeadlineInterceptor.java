package io.lessonpack.adapter.aws;

import io.lessonpack.application.time.CallDeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Bounds every call of an SDK client by the deadline of the work it serves ({@link CallDeadline}):
 * the call's total timeout (retries included) and each attempt's timeout become at most the time
 * left, and a call with less than {@link #MINIMUM_CALL_TIME} left is refused before it is sent, as
 * an {@link SdkClientException} the adapters already treat as "not now" (a retryable failure).
 * Outside a deadline the client's own timeouts apply unchanged.
 *
 * <p>Installed on every client the function builds (DynamoDB, SNS, Secrets Manager, SQS), so a call
 * inside an adapter's loop (a BatchGetItem re-reading unprocessed keys, a paged Query, a key fetched
 * for the author) is bounded as much as the first.
 *
 * <p>A request-level timeout replaces the client's, so the interceptor is given the client's own
 * timeouts and never sets a longer one.
 *
 * <pre>{@code
 * ClientOverrideConfiguration.builder()
 *         .apiCallTimeout(callTimeout).apiCallAttemptTimeout(attemptTimeout)
 *         .addExecutionInterceptor(new CallDeadlineInterceptor(clock, callTimeout, attemptTimeout))
 * }</pre>
 */
public final class CallDeadlineInterceptor implements ExecutionInterceptor {

    /** A call with less time than this left is not sent: it could not finish. */
    public static final Duration MINIMUM_CALL_TIME = Duration.ofMillis(50);

    private final Clock clock;
    private final Duration callTimeout;
    private final Duration attemptTimeout;

    /**
     * @param callTimeout    the client's own total timeout of a call, retries included
     * @param attemptTimeout the client's own timeout of one attempt
     */
    public CallDeadlineInterceptor(Clock clock, Duration callTimeout, Duration attemptTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        Optional<Instant> deadline = CallDeadline.current();
        if (deadline.isEmpty() || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration left = Duration.between(clock.instant(), deadline.get());
        if (left.compareTo(MINIMUM_CALL_TIME) < 0) {
            throw SdkClientException.create("not sent: " + Math.max(0, left.toMillis())
                    + " ms left before the deadline of the work it serves");
        }
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        override.apiCallTimeout(shortest(override.apiCallTimeout(), callTimeout, left));
        override.apiCallAttemptTimeout(shortest(override.apiCallAttemptTimeout(), attemptTimeout, left));
        return request.toBuilder().overrideConfiguration(override.build()).build();
    }

    private static Duration shortest(Duration onRequest, Duration onClient, Duration left) {
        Duration configured = onRequest != null ? onRequest : onClient;
        return left.compareTo(configured) < 0 ? left : configured;
    }
}

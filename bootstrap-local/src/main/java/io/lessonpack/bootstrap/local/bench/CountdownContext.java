package io.lessonpack.bootstrap.local.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A Lambda {@link Context} whose remaining time counts down in real time from a budget, as the
 * Lambda runtime's does from the function's timeout, so a handler run locally meets the same
 * deadline it meets in AWS. The other values are plausible fixed ones for a function named
 * {@value #FUNCTION_NAME}.
 */
public final class CountdownContext implements Context {

    /** The function name this context reports. */
    public static final String FUNCTION_NAME = "lessonpack-bench";
    /** The memory size this context reports, in MB. */
    public static final int MEMORY_MB = 1024;

    private static final LambdaLogger NO_LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };

    private final long budgetNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final String requestId = UUID.randomUUID().toString();

    /** A context whose countdown starts now from {@code budget}. */
    public CountdownContext(Duration budget) {
        this(budget, System::nanoTime);
    }

    /**
     * A context whose countdown runs on another monotonic time source, in nanoseconds: a test's, or
     * a simulated clock's (the chaos soak's invocations count down in simulated time).
     */
    public CountdownContext(Duration budget, LongSupplier nanoTime) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("the budget must not be negative, was " + budget);
        }
        this.budgetNanos = budget.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = budgetNanos - (nanoTime.getAsLong() - startNanos);
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left / 1_000_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + FUNCTION_NAME;
    }

    @Override
    public String getLogStreamName() {
        return "bench/[$LATEST]local";
    }

    @Override
    public String getFunctionName() {
        return FUNCTION_NAME;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION_NAME + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return NO_LOGGER;
    }
}

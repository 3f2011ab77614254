package io.lessonpack.adapter.aws.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the API calls a client makes, by operation name ({@code GetItem}, {@code BatchGetItem},
 * {@code TransactWriteItems}, ...): once per call, whatever the SDK's retries. Thread-safe.
 *
 * <pre>{@code
 * CallCounter calls = new CallCounter();
 * DynamoDbClient dynamoDb = LocalDynamoDb.client(calls);
 * // ... handle one message ...
 * assertThat(calls.count("BatchGetItem")).isEqualTo(1);
 * assertThat(calls.total()).isLessThanOrEqualTo(8);
 * }</pre>
 */
public final class CallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null) {
            operation = context.request().getClass().getSimpleName().replaceFirst("Request$", "");
        }
        counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Calls of one operation, e.g. {@code count("GetItem")}, since the last {@link #reset()}. */
    public int count(String operation) {
        AtomicInteger n = counts.get(operation);
        return n == null ? 0 : n.get();
    }

    /** Calls of every operation since the last {@link #reset()}. */
    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Starts counting afresh. */
    public void reset() {
        counts.clear();
    }

    /** The counts so far, by operation name, sorted by name; a copy. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((operation, n) -> copy.put(operation, n.get()));
        return copy;
    }
}

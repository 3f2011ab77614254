package io.lessonpack.bootstrap.local.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK call made in the local runtime's JVM, by service and operation, so the bench
 * can say what a lesson and a skip cost in DynamoDB calls. The SDK loads it for every client it
 * builds from {@code software/amazon/awssdk/global/handlers/execution.interceptors} in this
 * module's resources; the Lambda artifact does not contain it.
 */
public final class SdkCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + ":" + operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Calls per {@code Service:Operation} since the last {@link #reset()}, sorted. */
    static Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Calls to one service (e.g. {@code DynamoDb}) since the last reset. */
    static int calls(String service) {
        return snapshot().entrySet().stream().filter(e -> e.getKey().startsWith(service + ":"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    static void reset() {
        CALLS.clear();
    }
}

package io.lessonpack.bootstrap.lambda;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK call of every client in a JVM, by service and operation, without a hook in
 * the function's wiring: the SDK loads it for every client it builds when a
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} resource names it. The
 * Lambda artifact does not name it; the tests and the local runtime's bench do, to count what a
 * lesson and a skip cost in DynamoDB calls.
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
    public static Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Calls to one service (e.g. {@code DynamoDb}) since the last reset. */
    public static int calls(String service) {
        return snapshot().entrySet().stream().filter(e -> e.getKey().startsWith(service + ":"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Forgets every call counted so far. */
    public static void reset() {
        CALLS.clear();
    }
}

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
 * Counts every SDK call of every client in the test JVM, by service and operation. The SDK loads it
 * from {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath,
 * so the function's own Dagger-built clients are counted without any hook in production code.
 */
public final class GlobalCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + ":" + operation, k -> new AtomicInteger()).incrementAndGet();

    }

    /** Calls per {@code Service:Operation} since the last reset, sorted. */
    static Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Calls to one service since the last reset. */
    static int calls(String service) {
        return snapshot().entrySet().stream().filter(e -> e.getKey().startsWith(service + ":"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    static void reset() {
        CALLS.clear();
    }
}

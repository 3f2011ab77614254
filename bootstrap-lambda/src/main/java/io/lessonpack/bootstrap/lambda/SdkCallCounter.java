package io.lessonpack.bootstrap.lambda;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts every AWS SDK call of every client in a JVM, by service and operation, without a hook in
 * the function's wiring: the SDK loads it for every client it builds when a
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} resource names it. The
 * Lambda artifact does not name it; the tests and the local runtime's bench do, to count what a
 * lesson and a skip cost in DynamoDB calls and in the DynamoDB items those calls returned.
 */
public final class SdkCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final AtomicInteger DYNAMODB_ITEMS = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + ":" + operation, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        int items = switch (context.response()) {
            case GetItemResponse r -> r.hasItem() && !r.item().isEmpty() ? 1 : 0;
            case BatchGetItemResponse r -> r.responses().values().stream().mapToInt(List::size).sum();
            case QueryResponse r -> r.count() == null ? 0 : r.count();
            case ScanResponse r -> r.count() == null ? 0 : r.count();
            default -> 0;
        };
        DYNAMODB_ITEMS.addAndGet(items);
    }

    /** DynamoDB items returned by GetItem, BatchGetItem, Query and Scan since the last reset. */
    public static int dynamoDbItemsRead() {
        return DYNAMODB_ITEMS.get();
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
        DYNAMODB_ITEMS.set(0);
    }
}

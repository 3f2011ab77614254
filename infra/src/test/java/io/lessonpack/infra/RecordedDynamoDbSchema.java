package io.lessonpack.infra;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbSchema;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The tables as the code declares them: what {@link DynamoDbSchema#createTables} asks DynamoDB for
 * (the local runtime's schema, which mirrors the Terraform), captured by a client that records the
 * requests instead of sending them.
 *
 * @param created    the CreateTable requests by table name
 * @param timeToLive the UpdateTimeToLive requests by table name
 */
record RecordedDynamoDbSchema(Map<String, CreateTableRequest> created, Map<String, UpdateTimeToLiveRequest> timeToLive) {

    static final String STATE = "state-table";
    static final String PACKAGES = "packages-table";
    static final String ANALYSIS_RESULTS = "analysis-results-table";

    /** Runs DynamoDbSchema against the recording client, with the three tables under the names above. */
    static RecordedDynamoDbSchema record() {
        Map<String, CreateTableRequest> created = new LinkedHashMap<>();
        Map<String, UpdateTimeToLiveRequest> timeToLive = new LinkedHashMap<>();
        DynamoDbWaiter waiter = proxy(DynamoDbWaiter.class, (proxy, method, args) -> switch (method.getName()) {
            case "waitUntilTableExists" -> null;
            case "close" -> null;
            default -> objectMethod(proxy, method.getName(), args);
        });
        DynamoDbClient client = proxy(DynamoDbClient.class, (proxy, method, args) -> switch (method.getName()) {
            case "createTable" -> {
                CreateTableRequest request = args[0] instanceof CreateTableRequest r ? r
                        : built(CreateTableRequest.builder(), args[0]).build();
                created.put(request.tableName(), request);
                yield CreateTableResponse.builder().build();
            }
            case "updateTimeToLive" -> {
                UpdateTimeToLiveRequest request = args[0] instanceof UpdateTimeToLiveRequest r ? r
                        : built(UpdateTimeToLiveRequest.builder(), args[0]).build();
                timeToLive.put(request.tableName(), request);
                yield UpdateTimeToLiveResponse.builder().build();
            }
            case "waiter" -> waiter;
            case "serviceName" -> DynamoDbClient.SERVICE_NAME;
            case "close" -> null;
            default -> objectMethod(proxy, method.getName(), args);
        });
        DynamoDbSchema.createTables(client, new DynamoDbTables(STATE, PACKAGES, ANALYSIS_RESULTS));
        return new RecordedDynamoDbSchema(Map.copyOf(created), Map.copyOf(timeToLive));
    }

    /** The CreateTable request of one table; fails when the code did not create it. */
    CreateTableRequest table(String name) {
        CreateTableRequest request = created.get(name);
        if (request == null) {
            throw new AssertionError("DynamoDbSchema did not create " + name + " (it created " + created.keySet() + ")");
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static <B> B built(B builder, Object consumer) {
        ((Consumer<B>) consumer).accept(builder);
        return builder;
    }

    private static Object objectMethod(Object proxy, String method, Object[] args) {
        return switch (method) {
            case "toString" -> "recording " + proxy.getClass().getInterfaces()[0].getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("the recording DynamoDB client does not answer " + method
                    + "; teach RecordedDynamoDbSchema what DynamoDbSchema now calls");
        };
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(RecordedDynamoDbSchema.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}

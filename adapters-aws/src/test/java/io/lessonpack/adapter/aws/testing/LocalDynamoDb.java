package io.lessonpack.adapter.aws.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbSchema;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local HTTP server per test JVM, in process (no Docker), on a free loopback port:
 * started by the first call, stopped by a shutdown hook. Tests get clients that speak real HTTP to
 * it (so interceptors and the SDK's HTTP path run as in production) and fresh tables with unique
 * names, so tests never share state and need no cleanup.
 *
 * <pre>{@code
 * DynamoDbTables tables = LocalDynamoDb.createTables("commit");
 * DynamoDbClient dynamoDb = LocalDynamoDb.client();
 * CallCounter calls = new CallCounter();
 * DynamoDbClient counted = LocalDynamoDb.client(calls);
 * }</pre>
 *
 * <p>Needs, in the test JVM on JDK 24+, {@code --enable-native-access=ALL-UNNAMED} (sqlite4java)
 * and the environment variable {@code DDB_LOCAL_TELEMETRY=0}; the parent POM sets both.
 */
public final class LocalDynamoDb {

    /** Region of every client; DynamoDB Local ignores it but the SDK requires one. */
    public static final Region REGION = Region.US_EAST_1;

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    private static final int START_ATTEMPTS = 5;

    private static URI endpoint;
    private static DynamoDbClient sharedClient;

    private LocalDynamoDb() {
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:54321}; starts the server if needed. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** A client shared by the JVM's tests (never close it). */
    public static synchronized DynamoDbClient client() {
        if (sharedClient == null) {
            sharedClient = client(new ExecutionInterceptor[0]);
        }
        return sharedClient;
    }

    /**
     * A new client with these interceptors (e.g. a {@link CallCounter}, or one that injects a
     * failure), URLConnection HTTP client, region us-east-1 and static dummy credentials.
     */
    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /**
     * Creates the three tables with names unique in this JVM ({@code <prefix>-<n>-state}, ...) and
     * returns them.
     *
     * @param prefix names the test, e.g. {@code "claim"}; characters DynamoDB refuses are replaced
     */
    public static DynamoDbTables createTables(String prefix) {
        String base = prefix.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + TABLE_SETS.incrementAndGet();
        DynamoDbTables tables = new DynamoDbTables(base + "-state", base + "-packages", base + "-analysis");
        DynamoDbSchema.createTables(client(), tables);
        return tables;
    }

    private static URI start() {
        Exception last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "dynamodb-local-stop"));
                return URI.create("http://127.0.0.1:" + port);
            } catch (Exception e) {
                // Another process may have taken the port between the probe and the start.
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start after " + START_ATTEMPTS + " attempts", last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for DynamoDB Local", e);
        }
    }

    private static void stop(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; nothing else to do.
        }
    }
}

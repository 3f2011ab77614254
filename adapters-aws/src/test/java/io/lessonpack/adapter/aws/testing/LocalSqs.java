package io.lessonpack.adapter.aws.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An embedded ElasticMQ, a real SQS wire-protocol server in the test JVM (no Docker), on a free
 * loopback port, with SDK clients that speak real HTTP to it through the URLConnection client the
 * project ships. Register it once per test class; it starts before the class's first test and
 * stops after its last:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalSqs SQS = new LocalSqs();
 *
 * LocalSqs.Queue queue = SQS.createFifoQueue("sessions", Duration.ofSeconds(30));
 * SQS.client().sendMessage(b -> b.queueUrl(queue.url()).messageBody("{}").messageGroupId("g1"));
 * }</pre>
 *
 * <p>It can also be used without JUnit: {@link #start()}, then {@link #close()}.
 *
 * <p>The server is told region {@value #REGION_ID} and account {@value #ACCOUNT_ID}, so the
 * {@code QueueArn} it reports has the shape of a real one, as Lambda's {@code eventSourceARN} does.
 */
public final class LocalSqs implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** Region of the clients and of the ARNs the server reports. */
    public static final String REGION_ID = "us-east-1";

    /** Account of the queue URLs and ARNs the server reports (ElasticMQ's own default). */
    public static final String ACCOUNT_ID = "000000000000";

    private static final AtomicInteger QUEUES = new AtomicInteger();

    private SQSRestServer server;
    private URI endpoint;
    private SqsClient client;
    private final List<SqsClient> clients = new ArrayList<>();

    /**
     * One queue made for a test.
     *
     * @param name the queue's name, unique in this JVM
     * @param url  the URL ElasticMQ answers for it ({@code http://127.0.0.1:<port>/<account>/<name>})
     * @param arn  its {@code QueueArn} as the server reports it, {@code arn:aws:sqs:us-east-1:<account>:<name>}
     */
    public record Queue(String name, String url, String arn) {
    }

    /** Starts the server if it is not running; returns this. */
    public synchronized LocalSqs start() {
        if (server == null) {
            SQSRestServer started = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withAWSRegion(REGION_ID)
                    .withAWSAccountId(ACCOUNT_ID)
                    .start();
            Http.ServerBinding binding = started.waitUntilStarted();
            server = started;
            endpoint = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
        }
        return this;
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:54321}. */
    public synchronized URI endpoint() {
        requireStarted();
        return endpoint;
    }

    /** A client shared by the class's tests; closed with the server. */
    public synchronized SqsClient client() {
        if (client == null) {
            client = client(new ExecutionInterceptor[0]);
        }
        return client;
    }

    /** A new client of this server with these interceptors (e.g. a {@link CallCounter}); closed with the server. */
    public synchronized SqsClient client(ExecutionInterceptor... interceptors) {
        SqsClient built = clientFor(endpoint(), interceptors);
        clients.add(built);
        return built;
    }

    /**
     * A client like the others but for any endpoint, e.g. a closed port to simulate an outage:
     * region us-east-1, static dummy credentials, URLConnection HTTP client. The caller closes it.
     */
    public static SqsClient clientFor(URI endpoint, ExecutionInterceptor... interceptors) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION_ID))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /**
     * Creates a FIFO queue whose name is {@code <prefix>-<n>.fifo}, unique in this JVM, with this
     * visibility timeout and no content-based deduplication (send with explicit deduplication ids).
     *
     * @param prefix names the test; characters SQS refuses are replaced
     */
    public Queue createFifoQueue(String prefix, Duration visibilityTimeout) {
        String name = prefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + QUEUES.incrementAndGet() + ".fifo";
        String url = client().createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds())))).queueUrl();
        String arn = client().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(name, url, arn);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Closes the clients and stops the server; {@link #start()} may start it again. */
    @Override
    public synchronized void close() {
        clients.forEach(SqsClient::close);
        clients.clear();
        client = null;
        if (server != null) {
            server.stopAndWait();
            server = null;
            endpoint = null;
        }
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("LocalSqs is not started: register it with @RegisterExtension or call start()");
        }
    }
}

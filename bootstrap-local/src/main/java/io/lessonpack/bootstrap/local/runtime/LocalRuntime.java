package io.lessonpack.bootstrap.local.runtime;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbSchema;
import io.lessonpack.adapter.aws.sqs.RedeliveryBackoff;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.GenerationModule;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * lessonpack on a laptop: DynamoDB Local in this JVM, the three tables created, and the real
 * {@link VoiceSessionHandler} wired with the Lambda's own modules, talking to DynamoDB Local over
 * HTTP through the SDK's standard endpoint variable. Close it to stop the server.
 *
 * <pre>{@code
 * try (LocalRuntime local = LocalRuntime.start(null, Clock.systemUTC(), IdGenerator.randomUuids(),
 *         GenerationSettings.defaults())) {
 *     SQSBatchResponse response = local.handler().handleRequest(event, null);
 * }
 * }</pre>
 */
public final class LocalRuntime implements AutoCloseable {

    /** Table names of the local stack. */
    public static final String STATE_TABLE = "lessonpack-local-generation-state";
    public static final String PACKAGES_TABLE = "lessonpack-local-conversation-packages";
    public static final String ANALYSIS_RESULTS_TABLE = "lessonpack-local-analysis-results";

    private final DynamoDbLocalServer server;
    private final LocalComponent component;
    private final VoiceSessionHandler handler;
    private final boolean modelAuthor;

    private LocalRuntime(DynamoDbLocalServer server, LocalComponent component, VoiceSessionHandler handler,
            boolean modelAuthor) {
        this.server = server;
        this.component = component;
        this.handler = handler;
        this.modelAuthor = modelAuthor;
    }

    /**
     * Starts DynamoDB Local (persisting to {@code dataFolder}, in memory when it is null), creates the tables when
     * missing, and wires the handler. OpenAI variables of the process environment are honoured.
     */
    public static LocalRuntime start(Path dataFolder, Clock clock, IdGenerator ids,
            GenerationSettings settings) {
        return start(Environment.system(), dataFolder, clock, ids, settings);
    }

    /**
     * Starts the local stack over {@code base} (whose {@code OPENAI_*} variables choose the author);
     * the table, region, credential and endpoint variables are the local stack's own.
     */
    public static LocalRuntime start(Environment base, Path dataFolder, Clock clock, IdGenerator ids,
            GenerationSettings settings) {
        return start(base, dataFolder, clock, ids, settings, LocalHooks.none());
    }

    /**
     * Starts the local stack as {@link #start(Environment, Path, Clock, IdGenerator, GenerationSettings)}
     * does, with {@code hooks} around the wiring (the chaos soak's fault injection and simulated queue).
     */
    public static LocalRuntime start(Environment base, Path dataFolder, Clock clock, IdGenerator ids,
            GenerationSettings settings, LocalHooks hooks) {
        DynamoDbLocalServer server = DynamoDbLocalServer.start(dataFolder);
        try {
            Environment env = base.with(Map.of(
                    LambdaConfiguration.STATE_TABLE, STATE_TABLE,
                    LambdaConfiguration.PACKAGES_TABLE, PACKAGES_TABLE,
                    LambdaConfiguration.ANALYSIS_RESULTS_TABLE, ANALYSIS_RESULTS_TABLE,
                    LambdaConfiguration.PROJECT_NAME, "lessonpack",
                    LambdaConfiguration.ENVIRONMENT, "local",
                    LambdaConfiguration.REGION, "us-east-1",
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL_DYNAMODB", server.endpoint().toString()));
            LocalComponent component = DaggerLocalComponent.factory().create(env, clock, ids, settings, hooks);
            DynamoDbSchema.createTables(component.dynamoDb(), component.tables());
            // The use case as the Lambda's GenerationModule builds it, over the same ports with the hooks'
            // progress listener added, and the queue side in front of it with the use case passed through
            // the hooks.
            GenerateDailyPackageUseCase generator = GenerationModule.generator(
                    component.ports().withProgress(hooks.progress()), settings, clock, ids);
            SqsVoiceSessionBatchProcessor processor = new SqsVoiceSessionBatchProcessor(
                    hooks.useCase().apply(generator), component.parser(), component.visibility(),
                    RedeliveryBackoff.defaults(), clock);
            VoiceSessionHandler handler = new VoiceSessionHandler(processor, clock);
            return new LocalRuntime(server, component, handler, LocalAuthorModule.modelConfigured(env));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The real Lambda handler over the local stack. */
    public VoiceSessionHandler handler() {
        return handler;
    }

    /** The wired graph, for reading what the handler wrote. */
    public LocalComponent component() {
        return component;
    }

    /** Whether lessons are written by a model (OpenAI-compatible endpoint) rather than offline. */
    public boolean modelAuthor() {
        return modelAuthor;
    }

    /** DynamoDB Local's endpoint. */
    public String endpoint() {
        return server.endpoint().toString();
    }

    @Override
    public void close() {
        server.close();
    }
}

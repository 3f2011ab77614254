package io.lessonpack.bootstrap.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.bootstrap.lambda.SdkCallCounter;
import io.lessonpack.bootstrap.local.demo.AnalysisResultsWriter;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack the bench runs on: DynamoDB Local and the Lambda's own wiring through
 * {@link LocalRuntime}, the OpenAI adapter on the real SDK pointed at a {@link ModelStandIn}. Each
 * latency row seeds the analysis results of fresh learners (every one is due their first lesson of
 * the day), sends one FIFO batch as SQS delivers it through the real handler with a
 * {@link CountdownContext}, and reports what came of it.
 */
final class LatencyBench implements AutoCloseable {

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";
    private static final Language LANGUAGE = Language.of("es");
    /** Analysis findings in words the Spanish offline lexicon knows, so the stand-in's author can write. */
    private static final List<String> MISSED = List.of("la cuenta", "gracias");
    private static final List<String> HIT = List.of("hola");
    private static final List<String> USED = List.of("agua", "pan", "café con leche");
    private static final String FEEDBACK = "Clear greetings; hesitated when asking for the bill.";
    /** Extra wait, beyond the model delay, for requests still in the stand-in after an invocation. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);

    private static final Logger LOG = System.getLogger(LatencyBench.class.getName());

    private final PrintStream err;
    private final BenchScale scale;
    private final ModelStandIn model;
    private final LocalRuntime local;
    private final AnalysisResultsWriter analyses;
    /** Distinguishes this run's learners and sessions from any other run's. */
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);

    LatencyBench(BenchScale scale, PrintStream err) {
        this.scale = scale;
        this.err = err;
        err.println("[bench] starting the model stand-in and DynamoDB Local ...");
        this.model = ModelStandIn.start(Duration.ZERO);
        try {
            Environment env = Environment.system().with(Map.of(
                    LambdaConfiguration.OPENAI_BASE_URL, model.baseUrl(),
                    "OPENAI_API_KEY", "bench-key-for-the-loopback-stand-in"));
            this.local = LocalRuntime.start(env, null, Clock.systemUTC(), IdGenerator.randomUuids(),
                    GenerationSettings.defaults().withTimeBudget(scale.budget()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        if (!local.modelAuthor()) {
            close();
            throw new IllegalStateException("the local runtime did not pick the model author");
        }
        this.analyses = new AnalysisResultsWriter(local.component().dynamoDb(),
                local.component().tables().analysisResultsTable());
        err.println("[bench] model stand-in at " + model.baseUrl() + ", DynamoDB Local at " + local.endpoint());
    }

    /** The model stand-in the local stack's author calls. */
    ModelStandIn model() {
        return model;
    }

    /** A learner id of this run, distinct from any other run's. */
    String learner(String name) {
        return "bench-" + runTag + "-" + name;
    }

    /** The local stack, for the cold-start bench to point the artifact's JVMs at. */
    LocalRuntime runtime() {
        return local;
    }

    /** Seeds the analysis of a session, as the analysis service does before the message is sent. */
    void seedAnalysis(String user, String sessionId, Instant endedAt) {
        analyses.put(AnalysisResult.builder(UserId.of(user), endedAt.plusSeconds(30))
                .analysisId("analysis-" + sessionId)
                .sessionId(sessionId)
                .targetLanguage(LANGUAGE)
                .targetsMissed(MISSED)
                .targetsHit(HIT)
                .wordsUsed(USED)
                .feedback(FEEDBACK)
                .build());
    }

    List<BenchResults.RowResult> runRows(List<BenchScale.Row> rows) throws InterruptedException {
        // One unreported message first, so the first row does not pay for class loading and JIT.
        err.println("[bench] warming up (one message, no model delay) ...");
        measure(new BenchScale.Row("warm-up", Duration.ZERO, scale.countdown(), List.of(0)));
        List<BenchResults.RowResult> results = new ArrayList<>();
        for (BenchScale.Row row : rows) {
            err.printf(Locale.ROOT, "[bench] running %s (%d message(s), model delay %.1f s, countdown %d s) ...%n",
                    row.name(), row.learners().size(), row.modelDelay().toMillis() / 1000.0, row.countdown().toSeconds());
            BenchResults.RowResult result = measure(row);
            err.printf(Locale.ROOT, "[bench] %s: %d lesson(s), %d failed, %.1f s%n", row.name(), result.lessons(),
                    result.failed(), result.wallSeconds());
            LogEvent.of("bench.row").with("row", row.name()).with("modelDelayMs", row.modelDelay().toMillis())
                    .with("messages", result.messages()).with("lessons", result.lessons())
                    .with("skipped", result.skipped()).with("failed", result.failed())
                    .with("wallMs", result.wall().toMillis()).with("modelStarted", result.model().started())
                    .with("modelAnswered", result.model().answered()).with("modelCut", result.model().cut())
                    .info(LOG);
            results.add(result);
        }
        return results;
    }

    private BenchResults.RowResult measure(BenchScale.Row row) throws InterruptedException {
        model.setDelay(row.modelDelay());
        model.reset();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < row.learnerCount(); i++) {
            users.add("bench-" + runTag + "-" + row.name() + "-learner-" + (char) ('a' + i));
        }
        SQSEvent event = seed(row, users);

        long started = System.nanoTime();
        BatchResult result = local.handler().handle(event, new CountdownContext(row.countdown()));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        // A request the client gave up on is still waiting out its delay in the stand-in: it is
        // this row's, and is counted as cut once its answer cannot be written.
        if (!model.awaitIdle(row.modelDelay().plus(DRAIN_MARGIN))) {
            err.printf(Locale.ROOT, "[bench] %s: %d model request(s) still in the stand-in after the wait%n",
                    row.name(), model.counts().inFlight());
        }
        return new BenchResults.RowResult(row, event.getRecords().size(), (int) result.generated(),
                (int) result.skipped(), result.failedMessageIds().size(), wall, model.counts());
    }

    /**
     * What a lesson and a skip cost once warm: for each sample a fresh learner's session (a lesson,
     * the model answering at once), then a second session of the same learner the same day (a skip);
     * wall time of the handler and DynamoDB calls, medians.
     */
    BenchResults.WarmCost warmCosts(int samples) {
        model.setDelay(Duration.ZERO);
        List<Long> lessonMs = new ArrayList<>();
        List<Long> skipMs = new ArrayList<>();
        List<Integer> lessonCalls = new ArrayList<>();
        List<Integer> skipCalls = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String user = "bench-" + runTag + "-warm-" + i;
            Instant endedAt = Instant.now().minusSeconds(60);
            seedAnalysis(user, user + "-session-1", endedAt);
            for (int session = 1; session <= 2; session++) {
                SQSEvent event = event(List.of(record(user + "-session-" + session, user, endedAt, Instant.now())));
                SdkCallCounter.reset();
                long started = System.nanoTime();
                BatchResult result = local.handler().handle(event, new CountdownContext(scale.countdown()));
                long ms = (System.nanoTime() - started) / 1_000_000;
                int calls = SdkCallCounter.calls("DynamoDb");
                GenerationOutcome outcome = result.items().get(0).outcome();
                boolean expected = session == 1 ? outcome instanceof GenerationOutcome.Generated
                        : outcome instanceof GenerationOutcome.Skipped;
                if (!expected) {
                    throw new IllegalStateException("warm-cost sample " + i + " session " + session + " ended as "
                            + outcome.getClass().getSimpleName());
                }
                (session == 1 ? lessonMs : skipMs).add(ms);
                (session == 1 ? lessonCalls : skipCalls).add(calls);
            }
        }
        return new BenchResults.WarmCost(samples, median(lessonMs), (int) median(lessonCalls.stream().map(Long::valueOf)
                .toList()), median(skipMs), (int) median(skipCalls.stream().map(Long::valueOf).toList()));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /** Seeds each session's analysis and builds the SQS event that carries the sessions in order. */
    private SQSEvent seed(BenchScale.Row row, List<String> users) {
        Instant now = Instant.now();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int k = 0; k < row.learners().size(); k++) {
            String user = users.get(row.learners().get(k));
            String sessionId = "bench-" + runTag + "-" + row.name() + "-session-" + (k + 1);
            Instant endedAt = now.minusSeconds(120 - k);
            seedAnalysis(user, sessionId, endedAt);
            records.add(record(sessionId, user, endedAt, now));
        }
        return event(records);
    }

    static SQSEvent event(List<SQSEvent.SQSMessage> records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** One message as SQS delivers it from a FIFO queue with one message group per learner. */
    static SQSEvent.SQSMessage record(String sessionId, String user, Instant endedAt, Instant now) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setReceiptHandle("bench-receipt-" + UUID.randomUUID());
        m.setBody("{\"sessionId\":\"" + sessionId + "\",\"userId\":\"" + user + "\",\"targetLanguage\":\""
                + LANGUAGE.tag() + "\",\"createdAt\":\"" + endedAt + "\"}");
        m.setAttributes(Map.of(
                "SentTimestamp", String.valueOf(endedAt.plusSeconds(1).toEpochMilli()),
                "ApproximateReceiveCount", "1",
                "ApproximateFirstReceiveTimestamp", String.valueOf(now.toEpochMilli()),
                "MessageGroupId", user,
                "MessageDeduplicationId", sessionId));
        m.setEventSource("aws:sqs");
        m.setEventSourceArn(QUEUE_ARN);
        m.setAwsRegion("us-east-1");
        return m;
    }

    @Override
    public void close() {
        try {
            if (local != null) {
                local.close();
            }
        } finally {
            model.close();
        }
    }
}

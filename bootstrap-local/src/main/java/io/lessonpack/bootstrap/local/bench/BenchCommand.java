package io.lessonpack.bootstrap.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.application.logging.JsonLineLoggerFinder;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import io.lessonpack.bootstrap.local.demo.AnalysisResultsWriter;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code bench}: measures how many lessons one Lambda invocation makes when the model is slow.
 *
 * <p>It runs the real {@link VoiceSessionHandler} through {@link LocalRuntime} (DynamoDB Local in
 * this JVM, the Lambda's own wiring, the OpenAI adapter on the real SDK) against a
 * {@link ModelStandIn} on loopback that answers each request after a set delay, with a
 * {@link CountdownContext} that gives each invocation Lambda's 60 seconds. Each row seeds the
 * analysis results of fresh learners (so every learner is due their first lesson of the day), sends
 * one FIFO batch as SQS delivers it, once, on this thread, and reports what came of it: lessons made,
 * skips, the messages returned for a retry, the wall time, and what the model saw (requests started,
 * answered, and cut because the client gave up before the answer).
 *
 * <p>Rows sleep for real, so a full run takes several minutes; {@code --rows} picks some.
 */
public final class BenchCommand {

    public static final String NAME = "bench";

    private static final String USAGE = """
            usage: bench [--json] [--rows NAME,NAME,...]
              Runs the real VoiceSessionHandler on DynamoDB Local against a loopback OpenAI-compatible
              stand-in that answers after a set delay, with a Lambda-like 60 s countdown, one invocation
              per row, and prints a table (progress on stderr). A full run takes several minutes.
              --json          print the results as a JSON document instead of the table
              --rows NAMES    run only these rows (comma-separated), e.g. --rows batch5@5s,single@38s
              rows: %s
              Structured JSON logs go to the file named by -Dlessonpack.log.file (default: the system
              temp folder).""";

    /** The function timeout the countdown starts from, as in the Terraform module. */
    static final Duration LAMBDA_BUDGET = Duration.ofSeconds(60);
    /** Extra wait, beyond the model delay, for requests still in the stand-in after an invocation. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";
    private static final Language LANGUAGE = Language.of("es");
    /** Analysis findings in words the Spanish offline lexicon knows, so the stand-in's author can write. */
    private static final List<String> MISSED = List.of("la cuenta", "gracias");
    private static final List<String> HIT = List.of("hola");
    private static final List<String> USED = List.of("agua", "pan", "café con leche");
    private static final String FEEDBACK = "Clear greetings; hesitated when asking for the bill.";

    private static final Logger LOG = System.getLogger(BenchCommand.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One benchmark row: one invocation with one message per entry of {@code learners} (the index of
     * the row's learner who sent that session), the stand-in answering after {@code modelDelay}.
     */
    record Row(String name, Duration modelDelay, List<Integer> learners) {
        Row {
            learners = List.copyOf(learners);
        }

        int learnerCount() {
            return new HashSet<>(learners).size();
        }
    }

    /** The rows, in the order they run. */
    static final List<Row> ROWS = List.of(
            batch5(5), batch5(12), batch5(20), batch5(30), batch5(45),
            // Learner A's session, three other learners, then A's second session the same day.
            new Row("mixed@20s", Duration.ofSeconds(20), List.of(0, 1, 2, 3, 0)),
            new Row("single@38s", Duration.ofSeconds(38), List.of(0)),
            new Row("single@50s", Duration.ofSeconds(50), List.of(0)));

    private static Row batch5(int delaySeconds) {
        return new Row("batch5@" + delaySeconds + "s", Duration.ofSeconds(delaySeconds), List.of(0, 1, 2, 3, 4));
    }

    /**
     * What one row measured.
     *
     * @param lessons lessons the invocation made (events published for the row's learners)
     * @param skipped messages neither made a lesson nor returned for a retry
     * @param failed  messages returned in {@code batchItemFailures}
     */
    record Result(Row row, int messages, int lessons, int skipped, int failed, Duration wall,
            ModelStandIn.Counts model) {

        double wallSeconds() {
            return Math.round(wall.toMillis() / 100.0) / 10.0;
        }
    }

    /** Runs the bench; returns the process exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        List<Row> rows = ROWS;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "--json" -> json = true;
                    case "--rows" -> {
                        if (++i >= args.size()) {
                            throw new IllegalArgumentException("--rows needs a value");
                        }
                        rows = rows(args.get(i));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (IllegalArgumentException e) {
                err.println("bench: " + e.getMessage());
                err.println(usage());
                return 2;
            }
        }
        Path log = logFile();
        List<Result> results;
        long started = System.nanoTime();
        try (Bench bench = new Bench(err)) {
            results = bench.runAll(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 130;
        }
        if (json) {
            out.println(json(results));
        } else {
            out.print(table(results));
        }
        err.printf(Locale.ROOT, "[bench] done in %.1f s; structured JSON logs of this run: %s%n",
                (System.nanoTime() - started) / 1e9, log);
        return 0;
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", ROWS.stream().map(Row::name).toList()));
    }

    /** The rows named in a comma-separated list, in the order given. */
    static List<Row> rows(String names) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.strip());
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--rows names no row");
        }
        List<Row> picked = new ArrayList<>();
        for (String name : wanted) {
            picked.add(ROWS.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown row " + name)));
        }
        return picked;
    }

    private static Path logFile() {
        String configured = System.getProperty(JsonLineLoggerFinder.FILE_PROPERTY);
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "lessonpack-bench.log.jsonl")
                : Path.of(configured);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the bench log file " + path, e);
        }
        System.setProperty(JsonLineLoggerFinder.FILE_PROPERTY, path.toString());
        return path.toAbsolutePath();
    }

    /** The results as the table the command prints. */
    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder();
        table.append("lessonpack bench: the real handler on DynamoDB Local, a loopback model stand-in, a ")
                .append(LAMBDA_BUDGET.toSeconds()).append(" s Lambda countdown\n");
        String format = "%-12s%9s%9s%9s%8s%8s%15s%10s%5s%n";
        table.append(String.format(Locale.ROOT, format, "row", "messages", "lessons", "skipped", "failed", "wall s",
                "model started", "answered", "cut"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, format, r.row().name(), r.messages(), r.lessons(), r.skipped(),
                    r.failed(), String.format(Locale.ROOT, "%.1f", r.wallSeconds()), r.model().started(),
                    r.model().answered(), r.model().cut()));
        }
        return table.toString();
    }

    /** The results as a JSON document {@code {"rows": [...]}}. */
    static String json(List<Result> results) {
        ObjectNode root = JSON.createObjectNode().put("lambdaBudgetS", LAMBDA_BUDGET.toSeconds());
        ArrayNode rows = root.putArray("rows");
        for (Result r : results) {
            rows.addObject()
                    .put("row", r.row().name())
                    .put("modelDelayS", r.row().modelDelay().toMillis() / 1000.0)
                    .put("messages", r.messages())
                    .put("lessons", r.lessons())
                    .put("skipped", r.skipped())
                    .put("failed", r.failed())
                    .put("wallS", r.wallSeconds())
                    .put("modelStarted", r.model().started())
                    .put("modelAnswered", r.model().answered())
                    .put("modelCut", r.model().cut());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the bench results could not be written as JSON", e);
        }
    }

    /** The local stack and the model stand-in, for one run of rows. */
    private static final class Bench implements AutoCloseable {
        private final PrintStream err;
        private final ModelStandIn model;
        private final LocalRuntime local;
        private final AnalysisResultsWriter analyses;
        /** Distinguishes this run's learners and sessions from any other run's. */
        private final String runTag = UUID.randomUUID().toString().substring(0, 8);

        Bench(PrintStream err) {
            this.err = err;
            err.println("[bench] starting the model stand-in and DynamoDB Local ...");
            this.model = ModelStandIn.start(Duration.ZERO);
            try {
                Environment env = Environment.system().with(Map.of(
                        LambdaConfiguration.OPENAI_BASE_URL, model.baseUrl(),
                        "OPENAI_API_KEY", "bench-key-for-the-loopback-stand-in"));
                this.local = LocalRuntime.start(env, Optional.empty(), Clock.systemUTC(), IdGenerator.randomUuids(),
                        GenerationSettings.defaults());
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

        List<Result> runAll(List<Row> rows) throws InterruptedException {
            // One unreported message first, so the first row does not pay for class loading and JIT.
            err.println("[bench] warming up (one message, no model delay) ...");
            measure(new Row("warm-up", Duration.ZERO, List.of(0)));
            List<Result> results = new ArrayList<>();
            for (Row row : rows) {
                err.printf(Locale.ROOT, "[bench] running %s (%d message(s), model delay %d s) ...%n", row.name(),
                        row.learners().size(), row.modelDelay().toSeconds());
                Result result = measure(row);
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

        private Result measure(Row row) throws InterruptedException {
            model.setDelay(row.modelDelay());
            model.reset();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < row.learnerCount(); i++) {
                users.add("bench-" + runTag + "-" + row.name() + "-learner-" + (char) ('a' + i));
            }
            SQSEvent event = seed(row, users);
            int publishedBefore = local.component().events().events().size();

            long started = System.nanoTime();
            SQSBatchResponse response = local.handler().handleRequest(event, new CountdownContext(LAMBDA_BUDGET));
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            // A request the client gave up on is still waiting out its delay in the stand-in: it is
            // this row's, and is counted as cut once its answer cannot be written.
            if (model.counts().inFlight() > 0) {
                err.printf(Locale.ROOT, "[bench] %s: waiting for %d model request(s) still in the stand-in ...%n",
                        row.name(), model.counts().inFlight());
            }
            if (!model.awaitIdle(row.modelDelay().plus(DRAIN_MARGIN))) {
                err.printf(Locale.ROOT, "[bench] %s: %d model request(s) still in the stand-in after the wait%n",
                        row.name(), model.counts().inFlight());
            }
            Set<UserId> learners = new HashSet<>(users.stream().map(UserId::of).toList());
            List<PackageGeneratedEvent> published = local.component().events().events();
            int lessons = (int) published.subList(publishedBefore, published.size()).stream()
                    .filter(e -> learners.contains(e.userId())).count();
            int messages = event.getRecords().size();
            int failed = response.getBatchItemFailures().size();
            return new Result(row, messages, lessons, messages - lessons - failed, failed, wall, model.counts());
        }

        /**
         * Stores each session's analysis, as the analysis service does before the message is sent,
         * and builds the SQS event that carries the sessions in order.
         */
        private SQSEvent seed(Row row, List<String> users) {
            Instant now = Instant.now();
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (int k = 0; k < row.learners().size(); k++) {
                String user = users.get(row.learners().get(k));
                String sessionId = "bench-" + runTag + "-" + row.name() + "-session-" + (k + 1);
                Instant endedAt = now.minusSeconds(120 - k);
                analyses.put(AnalysisResult.builder(UserId.of(user), endedAt.plusSeconds(30))
                        .analysisId("analysis-" + sessionId)
                        .sessionId(sessionId)
                        .targetLanguage(LANGUAGE)
                        .targetsMissed(MISSED)
                        .targetsHit(HIT)
                        .wordsUsed(USED)
                        .feedback(FEEDBACK)
                        .build());
                records.add(record(sessionId, user, endedAt, now));
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            return event;
        }

        private static SQSEvent.SQSMessage record(String sessionId, String user, Instant endedAt, Instant now) {
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
}

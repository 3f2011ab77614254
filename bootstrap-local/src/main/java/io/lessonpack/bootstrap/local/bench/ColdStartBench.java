package io.lessonpack.bootstrap.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.bootstrap.lambda.LoopbackServices;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The deployable artifact's cold start, each run in a JVM of its own started from the jar alone
 * ({@code ColdStartProbe} in the Lambda module) with the same flags, against DynamoDB Local and
 * {@link LoopbackServices} for Secrets Manager, SNS and the model:
 * <ul>
 *   <li>the function (graph built, first batch handled: one first-of-day lesson) next to the floor
 *       (the same clients making the same kinds of calls once, none of the service's code), plain,
 *       with an AppCDS archive, and with a JDK 25 AOT cache, each archive trained on the same jar;</li>
 *   <li>the first request after SnapStart's priming hook ran, next to a warm request;</li>
 *   <li>peak resident memory and heap of the function's run, and the artifact's size.</li>
 * </ul>
 * Times are medians of {@link #RUNS} runs and count from the JVM's start.
 */
final class ColdStartBench {

    /** Runs per configuration; the median is reported. */
    static final int RUNS = 3;

    /** Flags of every run: Lambda's Java runtimes stop at C1 by default, and a small heap uses the serial GC. */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "io.lessonpack.bootstrap.lambda.ColdStartProbe";

    private final Path artifact;
    private final LatencyBench stack;
    private final PrintStream err;
    private final Path work;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private int sessions;

    ColdStartBench(Path artifact, LatencyBench stack, PrintStream err) {
        this.artifact = artifact;
        this.stack = stack;
        this.err = err;
        try {
            this.work = Files.createTempDirectory("lessonpack-coldstart");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the cold-start runs", e);
        }
    }

    /** One configuration's medians: JVM start to main, graph built, first batch done (ms). */
    record Timings(long mainMs, long builtMs, long firstBatchMs) {
    }

    /** A configuration: the function and the floor under the same archive flags. */
    record Config(String name, Timings function, Timings floor) {
    }

    /**
     * Everything measured.
     *
     * @param firstAfterPrimingMs the first request after priming ran, ms
     * @param warmMs              a second request in the same JVM, ms
     */
    record Results(long artifactBytes, List<Config> configs, long firstAfterPrimingMs, long warmMs, long peakRssKb,
            long peakHeapKb, boolean primed) {

        String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "%ncold start of lessonpack-lambda.jar (%.1f MB) in a fresh JVM, flags %s,"
                    + " median of %d, ms from the JVM's start%n", artifactBytes / 1048576.0, String.join(" ", JVM_FLAGS), RUNS));
            String format = "  %-16s%10s%14s%14s%18s%n";
            t.append(String.format(Locale.ROOT, format, "", "main", "graph built", "first batch", "floor first call"));
            for (Config c : configs) {
                t.append(String.format(Locale.ROOT, format, c.name(), c.function().mainMs(), c.function().builtMs(),
                        c.function().firstBatchMs(), c.floor().firstBatchMs()));
            }
            t.append(String.format(Locale.ROOT, "  (floor: the same clients making the same kinds of calls once, none of"
                    + " the service's code)%n"));
            t.append(String.format(Locale.ROOT, "  after SnapStart priming%s: first request %d ms, warm request %d ms%n",
                    primed ? "" : " (priming FAILED)", firstAfterPrimingMs, warmMs));
            t.append(String.format(Locale.ROOT, "  peak memory of the function's run: resident %d MB, heap %d MB%n",
                    peakRssKb / 1024, peakHeapKb / 1024));
            return t.toString();
        }

        JsonNode json(ObjectMapper mapper) {
            ObjectNode node = mapper.createObjectNode().put("artifactBytes", artifactBytes)
                    .put("jvmFlags", String.join(" ", JVM_FLAGS)).put("runs", RUNS);
            ArrayNode array = node.putArray("configs");
            for (Config c : configs) {
                array.addObject().put("config", c.name()).put("mainMs", c.function().mainMs())
                        .put("builtMs", c.function().builtMs()).put("firstBatchMs", c.function().firstBatchMs())
                        .put("floorFirstCallMs", c.floor().firstBatchMs());
            }
            node.put("firstAfterPrimingMs", firstAfterPrimingMs).put("warmMs", warmMs).put("primed", primed)
                    .put("peakRssKb", peakRssKb).put("peakHeapKb", peakHeapKb);
            return node;
        }
    }

    Results run() throws IOException, InterruptedException {
        try (LoopbackServices services = LoopbackServices.start()) {
            Map<String, String> env = environment(services);
            List<Config> configs = new ArrayList<>();
            configs.add(config("plain", List.of(), env));
            Path cds = work.resolve("lessonpack.jsa");
            train(List.of("-XX:ArchiveClassesAtExit=" + cds), env);
            configs.add(config("AppCDS", List.of("-XX:SharedArchiveFile=" + cds), env));
            if (Runtime.version().feature() >= 25) {
                Path aot = work.resolve("lessonpack.aot");
                train(List.of("-XX:AOTCacheOutput=" + aot), env);
                configs.add(config("AOT cache (25)", List.of("-XX:AOTCache=" + aot), env));
            }
            err.println("[bench] cold start: SnapStart priming, then a first and a warm request ...");
            List<JsonNode> primed = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                primed.add(probe(List.of(), env, "primed", eventFile(), eventFile()));
            }
            JsonNode memory = probe(List.of(), env, "handler", eventFile());
            return new Results(Files.size(artifact), configs, median(primed, "firstAfterPrimingMs"),
                    median(primed, "warmMs"), memory.path("peakRssKb").asLong(), memory.path("peakHeapKb").asLong(),
                    primed.stream().allMatch(p -> p.path("primed").asBoolean()));
        }
    }

    private Config config(String name, List<String> archiveFlags, Map<String, String> env)
            throws IOException, InterruptedException {
        err.println("[bench] cold start: " + name + " (" + RUNS + " runs of the function and of the floor) ...");
        List<JsonNode> function = new ArrayList<>();
        List<JsonNode> floor = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            function.add(probe(archiveFlags, env, "handler", eventFile()));
            floor.add(probe(archiveFlags, env, "floor"));
        }
        return new Config(name, timings(function), timings(floor));
    }

    /** A training run that writes an archive; it handles one lesson like the measured runs. */
    private void train(List<String> archiveFlags, Map<String, String> env) throws IOException, InterruptedException {
        err.println("[bench] cold start: training " + archiveFlags.get(0).replaceAll("=.*", "") + " ...");
        probe(archiveFlags, env, "handler", eventFile());
    }

    private static Timings timings(List<JsonNode> runs) {
        return new Timings(median(runs, "mainMs"), median(runs, "builtMs"), median(runs, "firstBatchMs"));
    }

    private static long median(List<JsonNode> runs, String field) {
        return LatencyBench.median(runs.stream().map(r -> r.path(field).asLong()).toList());
    }

    /** The function's variables for a stack on DynamoDB Local and the loopback services. */
    private Map<String, String> environment(LoopbackServices services) {
        Map<String, String> env = new HashMap<>(services.endpoints());
        env.put(LambdaConfiguration.STATE_TABLE, LocalRuntime.STATE_TABLE);
        env.put(LambdaConfiguration.PACKAGES_TABLE, LocalRuntime.PACKAGES_TABLE);
        env.put(LambdaConfiguration.ANALYSIS_RESULTS_TABLE, LocalRuntime.ANALYSIS_RESULTS_TABLE);
        env.put(LambdaConfiguration.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:lessonpack-bench-package-generated");
        env.put(LambdaConfiguration.PROJECT_NAME, "lessonpack");
        env.put(LambdaConfiguration.ENVIRONMENT, "bench");
        env.put(LambdaConfiguration.REGION, "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", stack.runtime().endpoint());
        return env;
    }

    /** A one-message SQS event file for a fresh first-of-day learner whose analysis is seeded. */
    private Path eventFile() throws IOException {
        int n = ++sessions;
        String user = "coldstart-" + runTag + "-learner-" + n;
        String session = "coldstart-" + runTag + "-session-" + n;
        Instant endedAt = Instant.now().minusSeconds(60);
        stack.seedAnalysis(user, session, endedAt);
        SQSEvent.SQSMessage m = LatencyBench.record(session, user, endedAt, Instant.now());
        ObjectNode record = JSON.createObjectNode().put("messageId", m.getMessageId())
                .put("receiptHandle", m.getReceiptHandle()).put("body", m.getBody()).put("eventSource", "aws:sqs")
                .put("eventSourceARN", m.getEventSourceArn());
        ObjectNode attributes = record.putObject("attributes");
        m.getAttributes().forEach(attributes::put);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        Path file = work.resolve("event-" + n + ".json");
        Files.writeString(file, event.toString());
        return file;
    }

    /** Runs the probe in a fresh JVM from the artifact alone and reads its JSON line. */
    private JsonNode probe(List<String> archiveFlags, Map<String, String> env, String mode, Path... events)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(archiveFlags);
        command.addAll(List.of("-cp", artifact.toAbsolutePath().toString(), PROBE, mode));
        for (Path event : events) {
            command.add(event.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("OPENAI_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        builder.redirectError(work.resolve("probe-" + mode + ".log").toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the cold-start probe (" + mode + ") failed; its output is in "
                    + work.resolve("probe-" + mode + ".log"));
        }
        String line = out.lines().filter(l -> l.startsWith("{\"mode\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the cold-start probe (" + mode + ") printed no result"));
        JsonNode result = JSON.readTree(line);
        if (result.path("generated").asInt(1) < 1) {
            throw new IllegalStateException("the cold-start probe (" + mode + ") made no lesson: " + line);
        }
        return result;
    }
}

package io.lessonpack.bootstrap.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the bench measured, and how it is printed: a table for people, JSON for tools.
 *
 * @param scale     the time scale the latency rows ran at
 * @param rows      one per latency row
 * @param warm      the warm cost of a lesson and of a skip
 * @param memory    the memory model and the lesson's bounds as the curriculum grows; empty when not measured
 * @param coldStart the artifact's cold start, or null when it was not measured
 */
record BenchResults(BenchScale scale, List<RowResult> rows, WarmCost warm, List<MemoryGrowthBench.Size> memory,
        ColdStartBench.Results coldStart) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One latency row.
     *
     * @param lessons lessons the invocation made (events published for the row's learners)
     * @param skipped messages that ended in a skip
     * @param failed  messages returned in {@code batchItemFailures}
     */
    record RowResult(BenchScale.Row row, int messages, int lessons, int skipped, int failed, Duration wall,
            ModelStandIn.Counts model) {

        double wallSeconds() {
            return Math.round(wall.toMillis() / 100.0) / 10.0;
        }
    }

    /**
     * The warm cost of one message on DynamoDB Local with the model answering at once, medians over
     * {@code samples}.
     */
    record WarmCost(int samples, long lessonMs, int lessonDynamoDbCalls, long skipMs, int skipDynamoDbCalls) {
    }

    /** The results as the table the command prints. */
    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT,
                "lessonpack bench (%s scale): the real handler on DynamoDB Local, a loopback model stand-in, "
                        + "a Lambda-like countdown%n", scale.name()));
        t.append(String.format(Locale.ROOT, "time budget: author reserve %.1f s, minimum model time %.1f s, closing "
                        + "time %.1f s%n%n", seconds(scale.budget().authorReserve()),
                seconds(scale.budget().minimumAuthorTime()), seconds(SqsVoiceSessionBatchProcessor.CLOSING_TIME)));
        String format = "%-12s%10s%10s%9s%9s%8s%8s%9s%10s%5s%n";
        t.append(String.format(Locale.ROOT, format, "row", "countdown", "messages", "lessons", "skipped", "failed",
                "wall s", "started", "answered", "cut"));
        for (RowResult r : rows) {
            t.append(String.format(Locale.ROOT, format, r.row().name(), r.row().countdown().toSeconds() + " s",
                    r.messages(), r.lessons(), r.skipped(), r.failed(), String.format(Locale.ROOT, "%.1f", r.wallSeconds()),
                    r.model().started(), r.model().answered(), r.model().cut()));
        }
        t.append("(started / answered / cut: model requests the stand-in received, answered, and lost because the\n"
                + " client gave up; a model delay is the row's name at full scale, a tenth of it at quick scale)\n");
        if (warm != null) {
            t.append(String.format(Locale.ROOT, "%nwarm cost per message (model answering at once, median of %d)%n",
                    warm.samples()));
            t.append(String.format(Locale.ROOT, "  lesson  %6d ms  %3d DynamoDB calls%n", warm.lessonMs(),
                    warm.lessonDynamoDbCalls()));
            t.append(String.format(Locale.ROOT, "  skip    %6d ms  %3d DynamoDB calls%n", warm.skipMs(),
                    warm.skipDynamoDbCalls()));
        }
        if (!memory.isEmpty()) {
            t.append(MemoryGrowthBench.table(memory));
        }
        if (coldStart != null) {
            t.append(coldStart.table());
        }
        return t.toString();
    }

    /** The results as a JSON document. */
    String json() {
        ObjectNode root = JSON.createObjectNode().put("scale", scale.name())
                .put("authorReserveS", seconds(scale.budget().authorReserve()))
                .put("minimumModelTimeS", seconds(scale.budget().minimumAuthorTime()))
                .put("closingTimeS", seconds(SqsVoiceSessionBatchProcessor.CLOSING_TIME));
        ArrayNode array = root.putArray("rows");
        for (RowResult r : rows) {
            array.addObject()
                    .put("row", r.row().name())
                    .put("modelDelayS", seconds(r.row().modelDelay()))
                    .put("countdownS", seconds(r.row().countdown()))
                    .put("messages", r.messages())
                    .put("lessons", r.lessons())
                    .put("skipped", r.skipped())
                    .put("failed", r.failed())
                    .put("wallS", r.wallSeconds())
                    .put("modelStarted", r.model().started())
                    .put("modelAnswered", r.model().answered())
                    .put("modelCut", r.model().cut());
        }
        if (warm != null) {
            root.putObject("warm").put("samples", warm.samples()).put("lessonMs", warm.lessonMs())
                    .put("lessonDynamoDbCalls", warm.lessonDynamoDbCalls()).put("skipMs", warm.skipMs())
                    .put("skipDynamoDbCalls", warm.skipDynamoDbCalls());
        }
        MemoryGrowthBench.json(root.putArray("memory"), memory);
        if (coldStart != null) {
            root.set("coldStart", coldStart.json(JSON));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the bench results could not be written as JSON", e);
        }
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

package io.lessonpack.bootstrap.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.lessonpack.adapter.aws.secretsmanager.SecretsManagerApiKeyAdapter;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Measures what a cold start of the deployable artifact costs, in a JVM of its own, for
 * {@code ./lessonpack bench}. It is configured like the function (the same variables) and prints one
 * JSON line of timings, each counted from the JVM's start:
 * <ul>
 *   <li>{@code handler EVENT.json}: the function as Lambda starts it without SnapStart — the public
 *       constructor builds the graph, then the first batch is handled;</li>
 *   <li>{@code primed EVENT1.json EVENT2.json}: the graph is built and SnapStart's priming runs (as
 *       before a snapshot), then the first batch is handled, then a second one, warm;</li>
 *   <li>{@code floor}: the same SDK clients, built the same way, make the same kinds of external
 *       calls once each (DynamoDB GetItem, BatchGetItem, Query, UpdateItem and TransactWriteItems,
 *       Secrets Manager, one chat completion, an SNS publish) with none of the service's code: what a
 *       cold start cannot go below with these clients.</li>
 * </ul>
 * Peak resident memory ({@code VmHWM}) and peak heap are reported too.
 *
 * <pre>
 * java -cp bootstrap-lambda/target/lessonpack-lambda.jar io.lessonpack.bootstrap.lambda.ColdStartProbe handler event.json
 * </pre>
 */
public final class ColdStartProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws IOException {
        long atMain = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        ObjectNode out = JSON.createObjectNode().put("mode", args.length == 0 ? "" : args[0])
                .put("mainMs", atMain - jvmStart);
        switch (args.length == 0 ? "" : args[0]) {
            case "handler" -> {
                VoiceSessionHandler handler = new VoiceSessionHandler();
                out.put("builtMs", System.currentTimeMillis() - jvmStart);
                BatchResult first = handler.handle(LocalInvoke.read(Path.of(args[1])), null);
                out.put("firstBatchMs", System.currentTimeMillis() - jvmStart).put("generated", first.generated());
            }
            case "primed" -> {
                LambdaComponent component = LambdaComponent.fromSystemEnvironment();
                boolean primed = new SnapStartPriming(component.environment()).prime();
                VoiceSessionHandler handler = new VoiceSessionHandler(component);
                long ready = System.currentTimeMillis();
                out.put("builtMs", ready - jvmStart).put("primed", primed);
                BatchResult first = handler.handle(LocalInvoke.read(Path.of(args[1])), null);
                long afterFirst = System.currentTimeMillis();
                BatchResult second = handler.handle(LocalInvoke.read(Path.of(args[2])), null);
                out.put("firstAfterPrimingMs", afterFirst - ready)
                        .put("warmMs", System.currentTimeMillis() - afterFirst)
                        .put("generated", first.generated() + second.generated());
            }
            case "floor" -> {
                LambdaComponent component = LambdaComponent.fromSystemEnvironment();
                out.put("builtMs", System.currentTimeMillis() - jvmStart);
                floorCalls(component);
                out.put("firstBatchMs", System.currentTimeMillis() - jvmStart);
            }
            default -> {
                System.err.println("usage: ColdStartProbe handler EVENT.json | primed EVENT1.json EVENT2.json | floor");
                System.exit(2);
            }
        }
        out.put("peakRssKb", peakRssKb()).put("peakHeapKb", peakHeapKb());
        System.out.println(JSON.writeValueAsString(out));
        System.exit(0);
    }

    /** One call of each kind the function's first lesson makes, through the function's own clients. */
    private static void floorCalls(LambdaComponent c) {
        String table = c.tables().stateTable();
        String probe = "FLOOR#" + UUID.randomUUID();
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS(probe), "SK", AttributeValue.fromS("PROBE"));
        c.dynamoDb().getItem(b -> b.tableName(table).key(key));
        c.dynamoDb().batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key).build())));
        c.dynamoDb().query(b -> b.tableName(c.tables().analysisResultsTable()).keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(probe))));
        c.dynamoDb().updateItem(b -> b.tableName(table).key(key).updateExpression("SET probe = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("1"))));
        c.dynamoDb().transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(table).item(key))));
        c.secretsManager().getSecretValue(b -> b.secretId(SecretsManagerApiKeyAdapter.secretIdFor(
                c.configuration().projectName(), c.configuration().environment())));
        c.openAiClient().withOptions(o -> o.apiKey("floor")).chat().completions().create(ChatCompletionCreateParams.builder()
                .model(c.openAiConfig().model()).addUserMessage("<learner_data>{\"reviewWords\":[\"hola\"],"
                        + "\"newWordCount\":1,\"targetLanguage\":{\"tag\":\"es\"}}</learner_data>").build());
        c.configuration().topicArn().ifPresent(arn -> c.sns().publish(b -> b.topicArn(arn).message("{}")));
    }

    /** The process's peak resident set, from Linux's {@code /proc/self/status}; -1 elsewhere. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long peakHeapKb() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        return pools.stream().filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum()
                / 1024;
    }
}

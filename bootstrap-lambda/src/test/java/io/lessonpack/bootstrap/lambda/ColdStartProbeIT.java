package io.lessonpack.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ColdStartProbe} run from the built artifact alone, in fresh JVMs, as the bench runs it:
 * against DynamoDB Local and {@link LoopbackServices}. The primed run also proves that SnapStart
 * priming finds every class it needs in the trimmed artifact and drives a whole lesson through it.
 */
class ColdStartProbeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void probe_handlerPrimedAndFloor_eachRunFromTheArtifactAndReportTheirTimings(@TempDir Path temp) throws Exception {
        Path artifact = Path.of(System.getProperty("lessonpack.lambdaArtifact", "target/lessonpack-lambda.jar"));
        DynamoDbTables tables = LocalDynamoDb.createTables("probe");
        try (LoopbackServices services = LoopbackServices.start()) {
            Map<String, String> env = new HashMap<>(services.endpoints());
            env.put(LambdaConfiguration.STATE_TABLE, tables.stateTable());
            env.put(LambdaConfiguration.PACKAGES_TABLE, tables.packagesTable());
            env.put(LambdaConfiguration.ANALYSIS_RESULTS_TABLE, tables.analysisResultsTable());
            env.put(LambdaConfiguration.TOPIC_ARN, FakeServices.TOPIC_ARN);
            env.put(LambdaConfiguration.PROJECT_NAME, "lessonpack");
            env.put(LambdaConfiguration.ENVIRONMENT, "test");
            env.put(LambdaConfiguration.REGION, "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.endpoint().toString());

            JsonNode handler = probe(artifact, env, "handler", event(temp, tables, "learner-1"));
            JsonNode primed = probe(artifact, env, "primed", event(temp, tables, "learner-2"), event(temp, tables, "learner-3"));
            JsonNode floor = probe(artifact, env, "floor");

            assertThat(handler.path("generated").asInt()).isEqualTo(1);
            assertThat(handler.path("firstBatchMs").asLong()).isGreaterThan(handler.path("builtMs").asLong());
            assertThat(primed.path("primed").asBoolean()).as(primed.toString()).isTrue();
            assertThat(primed.path("generated").asInt()).isEqualTo(2);
            assertThat(floor.path("firstBatchMs").asLong()).isPositive();
            assertThat(handler.path("peakRssKb").asLong()).isPositive();
        }
    }

    private static Path event(Path temp, DynamoDbTables tables, String user) throws Exception {
        String session = "s-" + user;
        LocalDynamoDb.client().putItem(b -> b.tableName(tables.analysisResultsTable()).item(Map.of(
                "userId", AttributeValue.fromS(user),
                "createdAt", AttributeValue.fromS("2026-03-02T09:01:00Z"),
                "sessionId", AttributeValue.fromS(session),
                "targetLanguage", AttributeValue.fromS("es"),
                "targetsMissed", AttributeValue.fromL(List.of(AttributeValue.fromS("gracias"))))));
        String body = "{\"sessionId\":\"" + session + "\",\"userId\":\"" + user
                + "\",\"targetLanguage\":\"es\",\"createdAt\":\"2026-03-02T09:00:00Z\"}";
        Path file = temp.resolve(user + ".json");
        Files.writeString(file, "{\"Records\":[{\"messageId\":\"m-" + user + "\",\"receiptHandle\":\"r\",\"body\":"
                + JSON.writeValueAsString(body) + ",\"attributes\":{\"MessageGroupId\":\"" + user
                + "\",\"ApproximateReceiveCount\":\"1\"},\"eventSource\":\"aws:sqs\",\"eventSourceARN\":"
                + "\"arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo\"}]}");
        return file;
    }

    private static JsonNode probe(Path artifact, Map<String, String> env, String mode, Path... events) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", artifact.toAbsolutePath().toString(), ColdStartProbe.class.getName(), mode));
        for (Path e : events) {
            command.add(e.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("OPENAI_"));
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        String line = out.lines().filter(l -> l.startsWith("{\"mode\"")).reduce((a, b) -> b).orElseThrow();
        return JSON.readTree(line);
    }
}

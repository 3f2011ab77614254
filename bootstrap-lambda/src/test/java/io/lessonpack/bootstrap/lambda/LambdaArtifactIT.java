package io.lessonpack.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Checks the deployable artifact itself, after {@code package}: its size, that it carries no Apache
 * or Netty HTTP client, and that it really runs: a separate JVM with only the artifact on its class
 * path handles an SQS event through the no-argument handler, calling DynamoDB Local (over HTTP, in
 * this JVM) and a stub speaking Secrets Manager's, SNS's and OpenAI's wire formats, with the real
 * structured-output call. A trimming rule that drops a class the function needs fails here.
 */
class LambdaArtifactIT {

    /** The deployable artifact must stay well under Lambda's 50 MB direct-upload limit. */
    static final long MAX_ARTIFACT_BYTES = 45L * 1024 * 1024;

    private static Path artifact;

    @BeforeAll
    static void locate() {
        artifact = Path.of(System.getProperty("lessonpack.lambdaArtifact", "target/lessonpack-lambda.jar"));
        assertThat(artifact).as("run 'mvn verify': the artifact is built in the package phase").exists();
    }

    @Test
    void artifact_isSmallEnoughAndCarriesNoApacheOrNettyHttpClient() throws IOException {
        assertThat(Files.size(artifact)).isLessThan(MAX_ARTIFACT_BYTES);
        System.out.printf("deployable artifact %s: %.1f MB%n", artifact.getFileName(), Files.size(artifact) / 1048576.0);
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("io/lessonpack/bootstrap/lambda/VoiceSessionHandler.class",
                    "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/http/") || n.startsWith("io/netty/")
                    || n.startsWith("software/amazon/awssdk/http/apache/")
                    || n.startsWith("software/amazon/awssdk/http/nio/netty/"));
        }
    }

    @Test
    void artifact_handlesSqsEventsEndToEndInItsOwnJvm(@TempDir Path temp) throws Exception {
        DynamoDbTables tables = LocalDynamoDb.createTables("artifact");
        analysis(tables, "learner-1", "s-1", "gracias");
        analysis(tables, "learner-2", "s-6", "gracias");
        analysis(tables, "learner-3", "s-7", FakeServices.REFUSE_MARKER);
        analysis(tables, "learner-4", "s-8", "agua");
        try (FakeServices services = new FakeServices()) {
            Run first = invoke(temp, "first-lesson.json", tables, services);

            assertThat(first.exit()).as(first.output()).isZero();
            assertThat(first.output()).contains("{\"batchItemFailures\":[]}").doesNotContain(FakeServices.API_KEY);
            assertThat(services.modelCalls()).isEqualTo(1);
            assertThat(services.secretFetches()).isEqualTo(1);
            assertThat(services.publishedEvents()).singleElement()
                    .satisfies(e -> assertThat(e.get("event").asText()).isEqualTo("package.generated"));
            assertThat(LocalDynamoDb.client().scan(ScanRequest.builder().tableName(tables.packagesTable()).build()).items())
                    .singleElement().satisfies(p -> assertThat(p.get("author").s()).startsWith("openai:gpt-4o"));

            Run batch = invoke(temp, "partial-failure.json", tables, services);

            assertThat(batch.exit()).as(batch.output()).isEqualTo(1);
            assertThat(batch.output()).contains("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-7\"},"
                    + "{\"itemIdentifier\":\"m-8\"}]}");
            // m-8 shares m-7's message group: reported failed with it, though its lesson was made meanwhile.
            assertThat(services.modelCalls()).isEqualTo(4);
            assertThat(services.publishedEvents()).hasSize(3);
        }
    }

    private record Run(int exit, String output) {
    }

    private static void analysis(DynamoDbTables tables, String user, String session, String missed) {
        LocalDynamoDb.client().putItem(PutItemRequest.builder().tableName(tables.analysisResultsTable()).item(Map.of(
                "userId", AttributeValue.fromS(user),
                "createdAt", AttributeValue.fromS("2026-03-02T09:01:00Z"),
                "sessionId", AttributeValue.fromS(session),
                "targetLanguage", AttributeValue.fromS("es"),
                "targetsMissed", AttributeValue.fromL(List.of(AttributeValue.fromS(missed))),
                "targetsHit", AttributeValue.fromSs(List.of("agua")),
                "feedback", AttributeValue.fromS("Good start."))).build());
    }

    /** Runs {@link LocalInvoke} from the artifact alone, in a new JVM, on one event file. */
    private Run invoke(Path temp, String eventFile, DynamoDbTables tables, FakeServices services) throws Exception {
        Path event = temp.resolve(eventFile);
        try (InputStream in = getClass().getResourceAsStream("/events/" + eventFile)) {
            Files.write(event, in.readAllBytes());
        }
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", artifact.toAbsolutePath().toString(), LocalInvoke.class.getName(), event.toString())
                .redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("OPENAI_"));
        env.putAll(services.functionEnvironment(tables));
        Process run = process.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the artifact's JVM finished").isTrue();
        return new Run(run.exitValue(), output);
    }
}

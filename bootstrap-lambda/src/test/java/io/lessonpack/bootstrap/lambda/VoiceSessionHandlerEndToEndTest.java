package io.lessonpack.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.lessonpack.adapter.aws.AwsPermissions;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.application.testing.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The function end to end: SQS events loaded from JSON as Lambda delivers them, through the real
 * {@link VoiceSessionHandler} and its Dagger graph, against DynamoDB Local over HTTP and a loopback
 * stub speaking SNS's, Secrets Manager's and OpenAI's wire formats. Every outbound SDK call is
 * counted by {@link SdkCallCounter}.
 */
class VoiceSessionHandlerEndToEndTest {

    private static final AtomicInteger STACKS = new AtomicInteger();

    /**
     * DynamoDB calls for a lesson that updates a package (see the README for what each is for):
     * status, claim, state, package, results, evidence entries, review candidates, stored draft,
     * duplicate check, the transaction, the published mark.
     */
    static final int MAX_CALLS_FOR_AN_UPDATE = 11;

    private FakeServices services;
    private DynamoDbTables tables;
    private DynamoDbClient dynamoDb;
    private MutableClock clock;
    private VoiceSessionHandler handler;

    @BeforeEach
    void stack() {
        services = new FakeServices();
        tables = LocalDynamoDb.createTables("e2e" + STACKS.incrementAndGet());
        dynamoDb = LocalDynamoDb.client();
        clock = new MutableClock(Instant.parse("2026-03-02T09:05:00Z"));
        Map<String, String> env = services.functionEnvironment(tables);
        LambdaComponent component = DaggerLambdaComponent.factory().create(Environment.of(env), clock,
                IdGenerator.randomUuids(), GenerationSettings.defaults());
        handler = new VoiceSessionHandler(component);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    /** Sends the event; {@link SdkCallCounter} then holds exactly the calls the handler made. */
    private SQSBatchResponse handle(String eventFile) {
        SQSEvent event = EventLoader.loadSQSEvent("events/" + eventFile);
        SdkCallCounter.reset();
        return handler.handleRequest(event, null);
    }

    private void analysis(String user, String session, String createdAt, List<String> missed, List<String> hit) {
        analysis(user, session, createdAt, missed, hit, "Watch the rolled r.");
    }

    private void analysis(String user, String session, String createdAt, List<String> missed, List<String> hit,
            String feedback) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(user));
        item.put("createdAt", AttributeValue.fromS(createdAt));
        item.put("analysisId", AttributeValue.fromS("a-" + session));
        item.put("sessionId", AttributeValue.fromS(session));
        item.put("targetLanguage", AttributeValue.fromS("es"));
        item.put("targetsMissed", AttributeValue.fromL(missed.stream().map(AttributeValue::fromS).toList()));
        // The analysis service may write either list type; SS cannot be empty.
        item.put("targetsHit", hit.isEmpty() ? AttributeValue.fromL(List.of()) : AttributeValue.fromSs(hit));
        item.put("feedback", AttributeValue.fromS(feedback));
        dynamoDb.putItem(PutItemRequest.builder().tableName(tables.analysisResultsTable()).item(item).build());
    }

    private List<Map<String, AttributeValue>> packages() {
        return dynamoDb.scan(ScanRequest.builder().tableName(tables.packagesTable()).consistentRead(true).build()).items();
    }

    private List<String> curriculumKeys(String user) {
        return dynamoDb.query(QueryRequest.builder().tableName(tables.stateTable()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :w)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                        ":w", AttributeValue.fromS("WORD#")))
                .build()).items().stream().map(i -> i.get("SK").s()).toList();
    }

    private Map<String, AttributeValue> stateItem(String user, String sk) {
        return dynamoDb.getItem(GetItemRequest.builder().tableName(tables.stateTable()).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("USER#" + user), "SK", AttributeValue.fromS(sk))).build()).item();
    }

    @Test
    void firstLesson_createsThePackageSavesTheStateAndPublishesTheEvent() {
        analysis("learner-1", "s-1", "2026-03-02T09:01:00Z", List.of("gracias", "la cuenta"), List.of("agua"));

        SQSBatchResponse response = handle("first-lesson.json");
        Map<String, Integer> calls = SdkCallCounter.snapshot();
        System.out.println("SDK calls for a first lesson: " + calls);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(packages()).singleElement().satisfies(p -> {
            assertThat(p.get("userId").s()).isEqualTo("learner-1");
            assertThat(p.get("language").s()).isEqualTo("es");
            assertThat(p.get("version").n()).isEqualTo("1");
            assertThat(p.get("schemaVersion").s()).isEqualTo("package.v1");
            assertThat(p.get("conversations").l()).hasSize(3);
            assertThat(p.get("conversations").l().get(0).m().get("openingWord").s()).isEqualTo("gracias");
            assertThat(p.get("author").s()).startsWith("openai:");
        });
        String packageId = packages().get(0).get("id").s();
        assertThat(stateItem("learner-1", "LAST_LESSON_DAY").get("lastLessonDate").s()).isEqualTo("2026-03-02");
        assertThat(stateItem("learner-1", "LAST_LESSON_DAY").keySet()).noneMatch(name -> name.startsWith("pendingEvent"));
        assertThat(stateItem("learner-1", "LANGUAGE#es").get("lastProcessedAt").s()).startsWith("2026-03-02T09:01:00");
        assertThat(curriculumKeys("learner-1")).as("5 new words and the 3 the session tested").hasSize(8);
        JsonNode event = services.publishedEvents().get(0);
        assertThat(event.get("event").asText()).isEqualTo("package.generated");
        assertThat(event.get("userId").asText()).isEqualTo("learner-1");
        assertThat(event.get("language").asText()).isEqualTo("es");
        assertThat(event.get("packageId").asText()).isEqualTo(packageId);
        assertThat(event.get("packageVersion").asInt()).isEqualTo(1);
        assertThat(event.get("eventId").asText()).isEqualTo(packageId + ":1");
        assertThat(event.get("updated").asBoolean()).isFalse();
        assertThat(services.publishedEvents()).hasSize(1);
        assertThat(services.modelCalls()).isEqualTo(1);
        assertThat(services.modelRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + FakeServices.API_KEY);
        assertThat(services.secretFetches()).isEqualTo(1);
        assertThat(dynamoDbCalls(calls)).as("DynamoDB calls for a first lesson: %s", calls)
                .isLessThanOrEqualTo(MAX_CALLS_FOR_AN_UPDATE + 1);
        assertEveryDynamoDbCallIsPermitted(calls);
    }

    @Test
    void nextDay_updatesTheSamePackageWithoutRepeatingAWord_andASameDaySessionIsSkipped() {
        analysis("learner-1", "s-1", "2026-03-02T09:01:00Z", List.of("gracias", "la cuenta"), List.of("agua"));
        handle("first-lesson.json");
        String packageId = packages().get(0).get("id").s();
        List<String> firstWords = curriculumKeys("learner-1");

        clock.set(Instant.parse("2026-03-02T18:05:00Z"));
        SQSBatchResponse sameDay = handle("same-day.json");
        Map<String, Integer> skipCalls = SdkCallCounter.snapshot();

        assertThat(sameDay.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDbCalls(skipCalls)).as("DynamoDB calls for a skip: %s", skipCalls).isEqualTo(1);
        assertThat(services.modelCalls()).isEqualTo(1);

        clock.set(Instant.parse("2026-03-03T09:05:00Z"));
        analysis("learner-1", "s-3", "2026-03-03T09:01:00Z", List.of(), List.of());
        dynamoDb.putItem(PutItemRequest.builder().tableName(tables.analysisResultsTable()).item(Map.of(
                "userId", AttributeValue.fromS("learner-1"), "createdAt", AttributeValue.fromS("2026-03-03T09:02:00Z"),
                "sessionId", AttributeValue.fromS("s-3"), "targetLanguage", AttributeValue.fromS("es"),
                "targetsHit", AttributeValue.fromL(firstWords.stream().limit(2)
                        .map(sk -> AttributeValue.fromS(sk.substring(sk.lastIndexOf('#') + 1))).toList()))).build());
        SQSBatchResponse nextDay = handle("next-day.json");
        Map<String, Integer> generationCalls = SdkCallCounter.snapshot();

        assertThat(nextDay.getBatchItemFailures()).isEmpty();
        assertThat(packages()).singleElement().satisfies(p -> {
            assertThat(p.get("id").s()).isEqualTo(packageId);
            assertThat(p.get("version").n()).isEqualTo("2");
            assertThat(p.get("lessonDate").s()).isEqualTo("2026-03-03");
        });
        List<String> words = curriculumKeys("learner-1");
        assertThat(words).as("8 words after day one, 5 new on day two").hasSize(13).doesNotHaveDuplicates()
                .containsAll(firstWords);
        assertThat(services.publishedEvents()).extracting(e -> e.get("eventId").asText())
                .containsExactly(packageId + ":1", packageId + ":2");
        assertThat(services.publishedEvents().get(1).get("updated").asBoolean()).isTrue();
        assertThat(dynamoDbCalls(generationCalls)).as("DynamoDB calls for a generated lesson: %s", generationCalls)
                .isLessThanOrEqualTo(MAX_CALLS_FOR_AN_UPDATE);
        assertThat(generationCalls).containsEntry("DynamoDb:TransactWriteItems", 1);
        assertEveryDynamoDbCallIsPermitted(generationCalls);
        System.out.println("DynamoDB calls for a generated update: " + generationCalls);

        SQSBatchResponse redelivered = handle("redelivery.json");
        int redeliveryCalls = dynamoDbCalls(SdkCallCounter.snapshot());

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(redeliveryCalls).isEqualTo(1);
        assertThat(services.modelCalls()).isEqualTo(2);
        assertThat(services.publishedEvents()).hasSize(2);
        assertThat(packages().get(0).get("version").n()).isEqualTo("2");
    }

    @Test
    void aWordTestedOnDayOne_isNeverANewWordLater_evenWhenTheModelOffersIt() {
        analysis("learner-1", "s-1", "2026-03-02T09:01:00Z", List.of("la erre"), List.of("agua"));
        handle("first-lesson.json");
        assertThat(stateItem("learner-1", "WORD#es#1#erre")).satisfies(w -> {
            assertThat(w.get("origin").s()).isEqualTo("TESTED");
            assertThat(w.get("history").l()).extracting(AttributeValue::s).containsExactly("2026-03-02:1");
        });

        clock.set(Instant.parse("2026-03-03T09:05:00Z"));
        analysis("learner-1", "s-3", "2026-03-03T09:01:00Z", List.of(), List.of("agua"),
                FakeServices.OFFER_MARKER + "la erre");
        SQSBatchResponse nextDay = handle("next-day.json");

        assertThat(nextDay.getBatchItemFailures()).isEmpty();
        assertThat(packages()).singleElement().satisfies(p -> {
            assertThat(p.get("version").n()).isEqualTo("2");
            assertThat(p.get("conversations").l().get(p.get("conversations").l().size() - 1).m().get("words").l())
                    .extracting(AttributeValue::s).doesNotContain("la erre");
        });
        assertThat(services.modelCalls()).as("the offered word costs one repair round").isEqualTo(3);
        assertThat(curriculumKeys("learner-1")).doesNotHaveDuplicates().contains("WORD#es#1#erre");
    }

    @Test
    void messagesWithMissingFieldsOrBadJson_areSkippedNotFailed() {
        SQSBatchResponse response = handle("missing-fields.json");
        Map<String, Integer> calls = SdkCallCounter.snapshot();

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(calls).isEmpty();
        assertThat(packages()).isEmpty();
        assertThat(services.modelCalls()).isZero();
    }

    @Test
    void oneGroupForEveryone_aFailureFailsItsGroupFromThereOn_andALessonMadeMeanwhileIsNotMadeTwice() {
        analysis("learner-2", "s-6", "2026-03-02T09:01:00Z", List.of("gracias"), List.of());
        analysis("learner-3", "s-7", "2026-03-02T09:01:00Z", List.of(FakeServices.REFUSE_MARKER), List.of());
        analysis("learner-4", "s-8", "2026-03-02T09:01:00Z", List.of("agua"), List.of());

        SQSBatchResponse response = handle("partial-failure.json");

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-7", "m-8");
        assertThat(packages()).extracting(p -> p.get("userId").s()).containsExactlyInAnyOrder("learner-2", "learner-4");
        assertThat(stateItem("learner-3", "LAST_LESSON_DAY")).doesNotContainKey("lastLessonDate");
        assertThat(services.modelCalls()).isEqualTo(3);
        assertThat(services.visibilityChanges()).as("a refusal is not a matter of time").isEmpty();

        SQSBatchResponse redelivered = handler.handleRequest(event(
                message("m-7b", "learner-3", "s-7", "grp", 2), message("m-8b", "learner-4", "s-8", "grp", 2)), null);

        assertThat(redelivered.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-7b", "m-8b");
        assertThat(services.modelCalls()).as("only the refused learner asks the model again").isEqualTo(4);
        assertThat(services.publishedEvents()).hasSize(2);
    }

    @Test
    void oneGroupPerLearner_aFailingLearnerNeverFailsAnotherLearnersMessage() {
        analysis("learner-2", "s-6", "2026-03-02T09:01:00Z", List.of("gracias"), List.of());
        analysis("learner-3", "s-7", "2026-03-02T09:01:00Z", List.of(FakeServices.REFUSE_MARKER), List.of());
        analysis("learner-4", "s-8", "2026-03-02T09:01:00Z", List.of("agua"), List.of());

        SQSBatchResponse response = handler.handleRequest(event(message("m-6", "learner-2", "s-6", "learner-2", 1),
                message("m-7", "learner-3", "s-7", "learner-3", 1), message("m-8", "learner-4", "s-8", "learner-4", 1)),
                null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-7");
        assertThat(services.publishedEvents()).hasSize(2);
    }

    @Test
    void sessionWaitingForItsAnalysis_isMadeVisibleAgainInSecondsOnItsQueue() {
        SQSBatchResponse response = handler.handleRequest(event(message("m-1", "learner-9", "s-9", "learner-9", 2)), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-1");
        assertThat(services.visibilityChanges()).singleElement().satisfies(change -> {
            assertThat(change.get("ReceiptHandle").asText()).isEqualTo("AQEBm-1");
            assertThat(change.get("VisibilityTimeout").asInt()).isEqualTo(20);
            assertThat(change.get("QueueUrl").asText())
                    .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/lessonpack-test-voice-sessions.fifo");
        });
        assertThat(services.modelCalls()).isZero();
    }

    private static SQSEvent.SQSMessage message(String messageId, String user, String session, String group,
            int receiveCount) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(messageId);
        m.setReceiptHandle("AQEB" + messageId);
        m.setBody("{\"sessionId\":\"" + session + "\",\"userId\":\"" + user
                + "\",\"targetLanguage\":\"es\",\"createdAt\":\"2026-03-02T09:00:00Z\"}");
        m.setAttributes(Map.of("ApproximateReceiveCount", String.valueOf(receiveCount), "MessageGroupId", group,
                "SentTimestamp", "1772442000000"));
        m.setEventSource("aws:sqs");
        m.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:lessonpack-test-voice-sessions.fifo");
        return m;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static int dynamoDbCalls(Map<String, Integer> calls) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith("DynamoDb:")).mapToInt(Map.Entry::getValue).sum();
    }

    private static void assertEveryDynamoDbCallIsPermitted(Map<String, Integer> calls) {
        Set<String> needed = new HashSet<>();
        calls.keySet().stream().filter(k -> k.startsWith("DynamoDb:"))
                .forEach(k -> needed.addAll(AwsPermissions.dynamoDbActionsFor(k.substring("DynamoDb:".length()))));
        assertThat(AwsPermissions.DYNAMODB).containsAll(needed);
    }
}

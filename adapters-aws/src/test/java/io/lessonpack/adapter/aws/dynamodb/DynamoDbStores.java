package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.testing.MutableClock;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every DynamoDB adapter over fresh tables on DynamoDB Local, a {@link MutableClock} they share,
 * and raw item access for assertions and for writing items as other services would.
 */
final class DynamoDbStores {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final DynamoDbTables tables;
    final DynamoDbClient client;
    final MutableClock clock;
    final DynamoDbLessonDayAdapter days;
    final DynamoDbLearnerStateAdapter states;
    final DynamoDbPackageAdapter packages;
    final DynamoDbCurriculumAdapter curriculum;
    final DynamoDbGenerationCommitAdapter saver;
    final DynamoDbAnalysisResultsAdapter results;

    private DynamoDbStores(DynamoDbTables tables, DynamoDbClient client, MutableClock clock) {
        this.tables = tables;
        this.client = client;
        this.clock = clock;
        this.days = new DynamoDbLessonDayAdapter(client, tables, clock);
        this.states = new DynamoDbLearnerStateAdapter(client, tables);
        this.packages = new DynamoDbPackageAdapter(client, tables);
        this.curriculum = new DynamoDbCurriculumAdapter(client, tables);
        this.saver = new DynamoDbGenerationCommitAdapter(client, tables, clock);
        this.results = new DynamoDbAnalysisResultsAdapter(client, tables);
    }

    /** Fresh tables named after the test, the shared client, the clock at {@link #START}. */
    static DynamoDbStores create(String testName) {
        return create(testName, LocalDynamoDb.client());
    }

    /** Fresh tables, adapters on {@code client} (e.g. one with interceptors). */
    static DynamoDbStores create(String testName, DynamoDbClient client) {
        return new DynamoDbStores(LocalDynamoDb.createTables(testName), client, new MutableClock(START));
    }

    /** The same tables and clock, adapters on another client. */
    DynamoDbStores withClient(DynamoDbClient other) {
        return new DynamoDbStores(tables, other, clock);
    }

    Map<String, AttributeValue> stateItem(UserId user, String sortKey) {
        return LocalDynamoDb.client().getItem(b -> b.tableName(tables.stateTable())
                .key(StateKeys.key(user, sortKey)).consistentRead(true)).item();
    }

    Map<String, AttributeValue> packageItem(String id) {
        return LocalDynamoDb.client().getItem(b -> b.tableName(tables.packagesTable())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    List<Map<String, AttributeValue>> stateItems(UserId user, String sortKeyPrefix) {
        return LocalDynamoDb.client().query(b -> b.tableName(tables.stateTable())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(StateKeys.partition(user)),
                        ":prefix", AttributeValue.fromS(sortKeyPrefix)))
                .consistentRead(true)).items();
    }

    void putStateItem(Map<String, AttributeValue> item) {
        LocalDynamoDb.client().putItem(b -> b.tableName(tables.stateTable()).item(item));
    }

    void putPackageItem(Map<String, AttributeValue> item) {
        LocalDynamoDb.client().putItem(b -> b.tableName(tables.packagesTable()).item(item));
    }

    /** Writes a result as the analysis service does: lists as L, createdAt as ISO_INSTANT. */
    void putResult(AnalysisResult result) {
        putResult(result, Instants.iso(result.createdAt()));
    }

    /** Writes a result with {@code createdAt} spelt exactly as given. */
    void putResult(AnalysisResult result, String createdAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("userId", AttributeValue.fromS(result.userId().value()));
        item.put("createdAt", AttributeValue.fromS(createdAt));
        item.put("analysisId", AttributeValue.fromS(result.analysisId()));
        item.put("sessionId", AttributeValue.fromS(result.sessionId()));
        result.targetLanguage().ifPresent(l -> item.put("targetLanguage", AttributeValue.fromS(l.tag())));
        item.put("targetsHit", Attributes.strings(result.targetsHit()));
        item.put("targetsMissed", Attributes.strings(result.targetsMissed()));
        item.put("wordsUsed", Attributes.strings(result.wordsUsed()));
        item.put("feedback", AttributeValue.fromS(result.feedback()));
        putResultItem(item);
    }

    void putResultItem(Map<String, AttributeValue> item) {
        LocalDynamoDb.client().putItem(b -> b.tableName(tables.analysisResultsTable()).item(item));
    }
}

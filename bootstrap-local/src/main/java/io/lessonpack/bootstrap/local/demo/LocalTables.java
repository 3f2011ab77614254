package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Read-only counts over the local tables for the demo's summary (a full read is fine on a laptop). */
final class LocalTables {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTables tables;

    LocalTables(DynamoDbClient dynamoDb, DynamoDbTables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    /**
     * A learner's curriculum in one language, counted.
     *
     * @param words       the WORD items
     * @param scheduled   those the scheduler may choose (in the due index)
     * @param withHistory those with at least one recall outcome
     */
    record Curriculum(int words, int scheduled, int withHistory) {
    }

    /** Counts the learner's curriculum in a language (a full read of its WORD items: fine on a laptop). */
    Curriculum curriculum(UserId user, Language language) {
        int words = 0;
        int scheduled = 0;
        int withHistory = 0;
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamoDb.query(QueryRequest.builder().tableName(tables.stateTable())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user.value()),
                            ":prefix", AttributeValue.fromS("WORD#" + language.code() + "#")))
                    .projectionExpression("dueOn, #h").expressionAttributeNames(Map.of("#h", "history"))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
                words++;
                scheduled += item.containsKey("dueOn") ? 1 : 0;
                withHistory += item.containsKey("history") ? 1 : 0;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Curriculum(words, scheduled, withHistory);
    }

    /** How many packages the packages table holds. */
    int packageCount() {
        return dynamoDb.scan(ScanRequest.builder().tableName(tables.packagesTable()).select(Select.COUNT).build()).count();
    }
}

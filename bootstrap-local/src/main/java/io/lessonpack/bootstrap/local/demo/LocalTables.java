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

    /** How many words the learner's curriculum in a language holds (the WORD items). */
    int curriculumSize(UserId user, Language language) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamoDb.query(QueryRequest.builder().tableName(tables.stateTable())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user.value()),
                            ":prefix", AttributeValue.fromS("WORD#" + language.code() + "#")))
                    .select(Select.COUNT).exclusiveStartKey(start).build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** How many packages the packages table holds. */
    int packageCount() {
        return dynamoDb.scan(ScanRequest.builder().tableName(tables.packagesTable()).select(Select.COUNT).build()).count();
    }
}

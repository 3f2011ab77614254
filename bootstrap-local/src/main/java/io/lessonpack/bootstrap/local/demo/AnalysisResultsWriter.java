package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.domain.evidence.AnalysisResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Plays the analysis service in the local runtime: writes results into the analysis-results table
 * in that service's format ({@code userId}/{@code createdAt} keys, lists as L; docs/contracts.md,
 * "The analysis-results table"). The demo and the bench seed the table through it.
 */
public final class AnalysisResultsWriter {

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** A writer into {@code table} of {@code dynamoDb}. */
    public AnalysisResultsWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Stores {@code result} as the analysis service would. */
    public void put(AnalysisResult result) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(result.userId().value()));
        item.put("createdAt", s(result.createdAt().toString()));
        item.put("analysisId", s(result.analysisId()));
        item.put("sessionId", s(result.sessionId()));
        result.targetLanguage().ifPresent(l -> item.put("targetLanguage", s(l.tag())));
        item.put("targetsHit", list(result.targetsHit()));
        item.put("targetsMissed", list(result.targetsMissed()));
        item.put("wordsUsed", list(result.wordsUsed()));
        item.put("feedback", s(result.feedback()));
        dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}

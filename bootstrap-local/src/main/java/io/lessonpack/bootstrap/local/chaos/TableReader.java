package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The soak's own reads of DynamoDB Local, raw and never through lessonpack's adapters, so that what
 * the invariants see is what the tables hold. They run on the driver's thread, which no lane is
 * bound to, so no fault is injected into them.
 */
final class TableReader {

    /**
     * A learner's state in one language ({@code LANGUAGE#<code>}).
     *
     * @param storedWatermark the watermark as stored; null when it is not set ({@link #lastProcessedAt()}
     *                        reads it as an {@code Optional})
     * @param storedPackageId the id of the learner's package for the language; null when there is none
     *                        ({@link #packageId()} reads it as an {@code Optional})
     */
    record LanguageState(String code, String storedWatermark, String storedPackageId) {

        /** The watermark as stored; empty when it is not set. */
        Optional<String> lastProcessedAt() {
            return Optional.ofNullable(storedWatermark);
        }

        /** The id of the learner's package for the language; empty when there is none. */
        Optional<String> packageId() {
            return Optional.ofNullable(storedPackageId);
        }

        /** The watermark as an instant; empty when unset or not an instant. */
        Optional<Instant> lastProcessedInstant() {
            return lastProcessedAt().flatMap(TableReader::instant);
        }
    }

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTables tables;

    TableReader(DynamoDbClient dynamoDb, DynamoDbTables tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    DynamoDbTables tables() {
        return tables;
    }

    /** The learner's language states, by ISO 639-1 code. */
    Map<String, LanguageState> languageStates(String userId) {
        Map<String, LanguageState> states = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tables.stateTable())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId),
                            ":prefix", AttributeValue.fromS("LANGUAGE#")))
                    .consistentRead(true).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String code = string(item, "SK").orElse("LANGUAGE#").substring("LANGUAGE#".length());
                states.put(code, new LanguageState(code, string(item, "lastProcessedAt").orElse(null),
                        string(item, "packageId").orElse(null)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return states;
    }

    /** A package item by id. */
    Optional<Map<String, AttributeValue>> packageItem(String id) {
        var item = dynamoDb.getItem(b -> b.tableName(tables.packagesTable())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every item of the state table whose sort key starts with {@code prefix}. */
    List<Map<String, AttributeValue>> stateItems(String prefix) {
        return scan(ScanRequest.builder().tableName(tables.stateTable())
                .filterExpression("begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix))));
    }

    /** Every item of the packages table. */
    List<Map<String, AttributeValue>> packageItems() {
        return scan(ScanRequest.builder().tableName(tables.packagesTable()));
    }

    private List<Map<String, AttributeValue>> scan(ScanRequest.Builder request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamoDb.scan(request.consistentRead(true).exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        try {
            return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The ISO 639-1 code of a tag, or the tag itself when lessonpack cannot read it. */
    static String code(String tag) {
        return Language.parse(tag).map(Language::code).orElse(tag);
    }

    /** The opening words of a {@code package.v1} item's reviews, then its new lesson's words. */
    static List<String> lessonWords(Map<String, AttributeValue> pkg) {
        List<String> words = new ArrayList<>();
        AttributeValue conversations = pkg.get("conversations");
        if (conversations != null && conversations.hasL()) {
            conversations.l().stream().filter(AttributeValue::hasM)
                    .forEach(c -> string(c.m(), "openingWord").ifPresent(words::add));
        }
        words.addAll(newWords(pkg));
        return words;
    }

    /** The words of a {@code package.v1} item's new lesson: the words its version introduced. */
    static List<String> newWords(Map<String, AttributeValue> pkg) {
        List<String> words = new ArrayList<>();
        AttributeValue conversations = pkg.get("conversations");
        if (conversations == null || !conversations.hasL()) {
            return words;
        }
        for (AttributeValue c : conversations.l()) {
            if (c.hasM() && "new_lesson".equals(string(c.m(), "kind").orElse("")) && c.m().get("words") != null
                    && c.m().get("words").hasL()) {
                c.m().get("words").l().forEach(w -> {
                    if (w.s() != null) {
                        words.add(w.s());
                    }
                });
            }
        }
        return words;
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the analysis service's results ({@code userId}, {@code createdAt}; {@code analysisId},
 * {@code sessionId}, {@code targetLanguage}, {@code targetsHit}, {@code targetsMissed},
 * {@code wordsUsed} as L or SS, missing meaning empty, {@code feedback}).
 *
 * <p><b>Why not {@code createdAt > :after}.</b> {@code createdAt} is a string, and ISO-8601
 * spellings with different fraction lengths do not sort like instants ({@code …:00Z} sorts after
 * {@code …:00.123Z}). The Query therefore starts at the first 19 characters of {@code after}'s
 * second ({@code createdAt >= "2026-03-02T09:10:00"}), which every spelling of that second or any
 * later one passes, and the exact comparison is done on parsed instants. Within one second the
 * string order may still differ from the time order, so when the page is full the reading goes on
 * to the end of the last second before the results are sorted by instant and cut to {@code limit}.
 * Normally that is one Query of {@code limit} items.
 *
 * <p>A result whose {@code createdAt} cannot be parsed, or whose {@code targetLanguage} is not a
 * valid tag, is skipped with a warning naming only its analysisId. A blank {@code targetLanguage}
 * counts as absent.
 *
 * <pre>{@code
 * LoadAnalysisResultsPort results = new DynamoDbAnalysisResultsAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbAnalysisResultsAdapter implements LoadAnalysisResultsPort {

    private static final Logger LOG = System.getLogger(DynamoDbAnalysisResultsAdapter.class.getName());

    /** Query pages read per call at most (each of {@code limit} items): a bound on a pathological second. */
    static final int MAX_PAGES = 5;

    private final DynamoDbClient client;
    private final DynamoDbTables tables;

    public DynamoDbAnalysisResultsAdapter(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public List<AnalysisResult> loadResultsAfter(UserId userId, Optional<Instant> after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<AnalysisResult> found = new ArrayList<>();
        String lastSecond = null;
        Map<String, AttributeValue> startKey = null;
        pages:
        for (int page = 0; page < MAX_PAGES; page++) {
            QueryRequest request = query(userId, after, limit, startKey);
            QueryResponse response = DynamoDbFailures.call("loadResultsAfter Query", () -> client.query(request));
            for (Map<String, AttributeValue> item : response.items()) {
                String createdAt = Attributes.string(item, "createdAt").orElse("");
                String second = createdAt.length() >= 19 ? createdAt.substring(0, 19) : createdAt;
                if (found.size() >= limit && !second.equals(lastSecond)) {
                    break pages;
                }
                Optional<AnalysisResult> result = toResult(userId, item, createdAt);
                if (result.isPresent() && after.map(result.get().createdAt()::isAfter).orElse(true)) {
                    found.add(result.get());
                    lastSecond = second;
                }
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (startKey == null) {
                break;
            }
        }
        return found.stream().sorted(Comparator.comparing(AnalysisResult::createdAt)).limit(limit).toList();
    }

    private QueryRequest query(UserId userId, Optional<Instant> after, int limit, Map<String, AttributeValue> startKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":user", Attributes.s(userId.value()));
        String condition = "userId = :user";
        if (after.isPresent()) {
            values.put(":from", Attributes.s(Instants.secondPrefix(after.get())));
            condition += " AND createdAt >= :from";
        }
        return QueryRequest.builder()
                .tableName(tables.analysisResultsTable())
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .scanIndexForward(true)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build();
    }

    private Optional<AnalysisResult> toResult(UserId userId, Map<String, AttributeValue> item, String createdAtText) {
        String analysisId = Attributes.string(item, "analysisId").orElse("");
        Optional<Instant> createdAt = Instants.parse(createdAtText);
        if (createdAt.isEmpty()) {
            LogEvent.of("dynamodb.analysis_result_skipped").with("analysisId", analysisId)
                    .with("reason", "createdAt is not an ISO-8601 instant").warn(LOG);
            return Optional.empty();
        }
        Optional<String> tag = Attributes.string(item, "targetLanguage").filter(t -> !t.isBlank());
        Optional<Language> language = tag.flatMap(Language::parse);
        if (tag.isPresent() && language.isEmpty()) {
            LogEvent.of("dynamodb.analysis_result_skipped").with("analysisId", analysisId)
                    .with("reason", "targetLanguage is not a valid language tag").warn(LOG);
            return Optional.empty();
        }
        return Optional.of(AnalysisResult.builder(userId, createdAt.get())
                .analysisId(analysisId)
                .sessionId(Attributes.string(item, "sessionId").orElse(""))
                .targetLanguage(language.orElse(null))
                .targetsHit(Attributes.stringList(item.get("targetsHit")))
                .targetsMissed(Attributes.stringList(item.get("targetsMissed")))
                .wordsUsed(Attributes.stringList(item.get("wordsUsed")))
                .feedback(Attributes.string(item, "feedback").orElse(""))
                .build());
    }
}

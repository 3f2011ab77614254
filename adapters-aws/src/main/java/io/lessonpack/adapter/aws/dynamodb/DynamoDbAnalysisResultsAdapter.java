package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.AnalysisPage;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.StoredAnalysis;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code wordsUsed} as L or SS, missing meaning empty, {@code feedback}), newest first.
 *
 * <p><b>The window by string.</b> {@code createdAt} is a string, and ISO-8601 spellings with
 * different fraction lengths do not sort like instants. The Query asks for
 * {@code createdAt BETWEEN <from's second> AND <to's second>~}: the first 19 characters
 * ({@code 2026-03-02T09:10:00}) bound every spelling of those seconds, and {@code ~} sorts after
 * every character a spelling may continue with. A time far in the future or written in another
 * form ({@code +1000000000-…}, {@code 2099-…}) falls outside the window and is never read.
 *
 * <p><b>Bounded.</b> At most {@code maxItems} items, in pages of {@link #PAGE_ITEMS}; each item's
 * lists are cut to {@link #MAX_LIST_ITEMS} entries and its feedback to {@link #MAX_FEEDBACK_CHARS}
 * characters as they are read, with an {@code analysis.result_capped} line naming the analysis id.
 *
 * <p><b>Unusable items</b> are returned as such, for the caller to pass over with a log line: a
 * {@code createdAt} that is not an ISO-8601 instant, or a {@code targetLanguage} that is not a
 * language tag lessonpack knows (a blank one counts as absent: the result applies to any language).
 *
 * <pre>{@code
 * LoadAnalysisResultsPort results = new DynamoDbAnalysisResultsAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbAnalysisResultsAdapter implements LoadAnalysisResultsPort {

    private static final Logger LOG = System.getLogger(DynamoDbAnalysisResultsAdapter.class.getName());

    /** Items asked for per Query page. */
    static final int PAGE_ITEMS = 100;
    /** Entries read from each list of an item; the rest of a longer list is not read. */
    static final int MAX_LIST_ITEMS = 100;
    /** Characters of feedback read from an item. */
    static final int MAX_FEEDBACK_CHARS = 2_000;

    private final DynamoDbClient client;
    private final DynamoDbTables tables;

    public DynamoDbAnalysisResultsAdapter(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public AnalysisPage loadRecent(UserId userId, Instant from, Instant to, int maxItems) {
        List<StoredAnalysis> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        boolean complete = false;
        while (items.size() < maxItems) {
            QueryRequest request = query(userId, from, to, Math.min(PAGE_ITEMS, maxItems - items.size()), startKey);
            QueryResponse response = DynamoDbFailures.call("loadRecent Query", () -> client.query(request));
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(stored(userId, item));
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                complete = true;
                break;
            }
            startKey = response.lastEvaluatedKey();
        }
        return new AnalysisPage(items, complete);
    }

    private QueryRequest query(UserId userId, Instant from, Instant to, int limit, Map<String, AttributeValue> startKey) {
        return QueryRequest.builder()
                .tableName(tables.analysisResultsTable())
                .keyConditionExpression("userId = :user AND createdAt BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":user", Attributes.s(userId.value()),
                        ":from", Attributes.s(Instants.secondPrefix(from)),
                        ":to", Attributes.s(Instants.secondPrefix(to) + "~")))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build();
    }

    private StoredAnalysis stored(UserId userId, Map<String, AttributeValue> item) {
        String key = Attributes.string(item, "createdAt").orElse("");
        String analysisId = Attributes.string(item, "analysisId").orElse("");
        Optional<Instant> createdAt = Instants.parse(key);
        if (createdAt.isEmpty()) {
            return new StoredAnalysis.Unusable(key, analysisId, "createdAt is not an ISO-8601 instant", null);
        }
        Optional<String> tag = Attributes.string(item, "targetLanguage").filter(t -> !t.isBlank());
        Optional<Language> language = tag.flatMap(Language::parse);
        if (tag.isPresent() && language.isEmpty()) {
            return new StoredAnalysis.Unusable(key, analysisId, "targetLanguage is not a language tag lessonpack knows",
                    createdAt.get());
        }
        return new StoredAnalysis.Usable(key, AnalysisResult.builder(userId, createdAt.get())
                .analysisId(analysisId)
                .sessionId(Attributes.string(item, "sessionId").orElse(""))
                .targetLanguage(language.orElse(null))
                .targetsHit(capped(item, "targetsHit", analysisId))
                .targetsMissed(capped(item, "targetsMissed", analysisId))
                .wordsUsed(capped(item, "wordsUsed", analysisId))
                .feedback(feedback(item, analysisId))
                .build());
    }

    private static List<String> capped(Map<String, AttributeValue> item, String field, String analysisId) {
        AttributeValue value = item.get(field);
        int size = value == null ? 0 : value.hasSs() ? value.ss().size() : value.hasL() ? value.l().size() : 0;
        if (size > MAX_LIST_ITEMS) {
            logCapped(analysisId, field, size);
        }
        return Attributes.stringList(value, MAX_LIST_ITEMS);
    }

    private static String feedback(Map<String, AttributeValue> item, String analysisId) {
        String feedback = Attributes.string(item, "feedback").orElse("");
        if (feedback.length() <= MAX_FEEDBACK_CHARS) {
            return feedback;
        }
        logCapped(analysisId, "feedback", feedback.length());
        int end = Character.isHighSurrogate(feedback.charAt(MAX_FEEDBACK_CHARS - 1)) ? MAX_FEEDBACK_CHARS - 1
                : MAX_FEEDBACK_CHARS;
        return feedback.substring(0, end);
    }

    private static void logCapped(String analysisId, String field, int size) {
        LogEvent.of("analysis.result_capped").with("analysisId", analysisId).with("field", field).with("size", size)
                .with("kept", "feedback".equals(field) ? MAX_FEEDBACK_CHARS : MAX_LIST_ITEMS).warn(LOG);
    }
}

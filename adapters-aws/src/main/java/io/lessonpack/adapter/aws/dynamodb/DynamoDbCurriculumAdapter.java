package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a learner's curriculum word by word from the state table's {@code WORD#...} and
 * {@code READING#...} items (see {@link CurriculumItems}); no method reads more than its arguments
 * ask for, whatever the size of the curriculum.
 * <ul>
 *   <li>{@link #reviewCandidates}: a Query of the {@code DueIndex} (the learner's words in the
 *       language, ascending by {@code dueOn}), {@code limit} items per page, filtered to words
 *       introduced before today. The filter applies after the limit, so when today's new words
 *       left a page short it reads on, at most {@value #MAX_CANDIDATE_PAGES} pages.</li>
 *   <li>{@link #entries}: strongly consistent BatchGetItem of the WORD items (100 keys a request).</li>
 *   <li>{@link #existingKeys}: the same for the WORD and the READING item of every key.</li>
 *   <li>{@link #histories}: a Query of the learner's WORD items of the language projecting only
 *       {@code history}, in pages of up to {@value #HISTORY_PAGE_ITEMS}, until {@code maxWords}
 *       items were read; {@link #words} the same Query of whole items.</li>
 * </ul>
 * Keys of another language than the one asked for are never found, as in the in-memory store.
 *
 * <pre>{@code
 * LoadCurriculumPort curriculum = new DynamoDbCurriculumAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbCurriculumAdapter implements LoadCurriculumPort {

    /** Pages of the due index read per call at most; more only happens with many words introduced today. */
    static final int MAX_CANDIDATE_PAGES = 3;

    /** WORD items asked for per page of a history read. */
    static final int HISTORY_PAGE_ITEMS = 500;

    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final BatchReader batch;

    public DynamoDbCurriculumAdapter(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.batch = new BatchReader(client);
    }

    /**
     * The words due soonest. Ranking by due date (the day recall falls to 90%) approximates "lowest
     * predicted recall today": two words due the same day can differ in recall today when their
     * stabilities differ. The domain ranks exactly within the candidates, so the approximation only
     * matters at the edge of {@code limit}. The index is eventually consistent; a word committed a
     * moment ago may be missing, which costs nothing but its review this once.
     */
    @Override
    public List<CurriculumEntry> reviewCandidates(UserId userId, Language language, LessonDay today, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<CurriculumEntry> candidates = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_CANDIDATE_PAGES && candidates.size() < limit; page++) {
            Map<String, AttributeValue> exclusiveStart = startKey;
            QueryResponse response = DynamoDbFailures.call("reviewCandidates Query", () -> client.query(b -> b
                    .tableName(tables.stateTable())
                    .indexName(StateKeys.DUE_INDEX)
                    .keyConditionExpression(StateKeys.DUE_USER + " = :dueUser")
                    .filterExpression("introducedOn < :today")
                    .expressionAttributeValues(Map.of(
                            ":dueUser", Attributes.s(StateKeys.dueUser(userId, language.code())),
                            ":today", Attributes.s(today.toString())))
                    .scanIndexForward(true)
                    .limit(limit)
                    .exclusiveStartKey(exclusiveStart)));
            for (Map<String, AttributeValue> item : response.items()) {
                if (candidates.size() < limit) {
                    candidates.add(CurriculumItems.fromItem(tables.stateTable(), userId, item));
                }
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (startKey == null) {
                break;
            }
        }
        return List.copyOf(candidates);
    }

    @Override
    public List<CurriculumEntry> entries(UserId userId, Language language, Set<WordKey> keys) {
        Map<String, WordKey> bySortKey = new LinkedHashMap<>();
        for (WordKey key : readable(language, keys)) {
            bySortKey.put(StateKeys.word(key), key);
        }
        Map<String, CurriculumEntry> found = new HashMap<>();
        for (Map<String, AttributeValue> item : batch.read("entries BatchGetItem", tables.stateTable(),
                bySortKey.keySet().stream().map(sk -> StateKeys.key(userId, sk)).toList(), true)) {
            CurriculumEntry entry = CurriculumItems.fromItem(tables.stateTable(), userId, item);
            found.put(StateKeys.word(entry.key()), entry);
        }
        return bySortKey.keySet().stream().filter(found::containsKey).map(found::get).toList();
    }

    @Override
    public List<RecallHistory> histories(UserId userId, Language language, int maxWords) {
        return wordItems("histories Query", userId, language, maxWords, "history").stream()
                .map(CurriculumItems::history).filter(history -> !history.isEmpty()).toList();
    }

    @Override
    public List<CurriculumEntry> words(UserId userId, Language language, int maxWords) {
        return wordItems("words Query", userId, language, maxWords, null).stream()
                .map(item -> CurriculumItems.fromItem(tables.stateTable(), userId, item)).toList();
    }

    /** Up to {@code maxWords} of the learner's WORD items of the language, with only {@code projection} when given. */
    private List<Map<String, AttributeValue>> wordItems(String operation, UserId userId, Language language,
            int maxWords, String projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        while (items.size() < maxWords) {
            Map<String, AttributeValue> exclusiveStart = startKey;
            int limit = Math.min(HISTORY_PAGE_ITEMS, maxWords - items.size());
            Map<String, String> names = new HashMap<>(Map.of("#pk", StateKeys.PK, "#sk", StateKeys.SK));
            if (projection != null) {
                names.put("#projected", projection);
            }
            QueryResponse response = DynamoDbFailures.call(operation, () -> client.query(b -> b
                    .tableName(tables.stateTable())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :words)")
                    .projectionExpression(projection == null ? null : "#projected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(
                            ":pk", Attributes.s(StateKeys.partition(userId)),
                            ":words", Attributes.s(StateKeys.wordsOf(language))))
                    .limit(limit)
                    .exclusiveStartKey(exclusiveStart)));
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (startKey == null || response.items().isEmpty()) {
                break;
            }
        }
        return items;
    }

    @Override
    public Set<WordKey> existingKeys(UserId userId, Language language, Set<WordKey> keys) {
        List<WordKey> readable = readable(language, keys);
        List<Map<String, AttributeValue>> itemKeys = new ArrayList<>();
        for (WordKey key : readable) {
            itemKeys.add(StateKeys.key(userId, StateKeys.word(key)));
            itemKeys.add(StateKeys.key(userId, StateKeys.reading(key)));
        }
        Set<String> present = new HashSet<>();
        for (Map<String, AttributeValue> item : batch.read("existingKeys BatchGetItem", tables.stateTable(), itemKeys, true)) {
            Attributes.string(item, StateKeys.SK).ifPresent(present::add);
        }
        Set<WordKey> existing = new LinkedHashSet<>();
        for (WordKey key : readable) {
            if (present.contains(StateKeys.word(key)) || present.contains(StateKeys.reading(key))) {
                existing.add(key);
            }
        }
        return existing;
    }

    /**
     * The keys that could be stored for this language: of its code, and short enough for a sort key
     * (longer ones, e.g. from a rambling analysis target, cannot exist and would fail the request).
     */
    private static List<WordKey> readable(Language language, Set<WordKey> keys) {
        return keys.stream()
                .filter(k -> k.language().equals(language.code()))
                .filter(k -> StateKeys.fits(StateKeys.reading(k)) && StateKeys.fits(StateKeys.word(k)))
                .toList();
    }
}

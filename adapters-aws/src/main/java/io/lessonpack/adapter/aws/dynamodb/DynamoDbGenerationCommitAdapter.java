package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.Attributes.bool;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.n;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.s;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DAY;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DRAFT;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DRAFT_SESSION_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_LANGUAGE;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_LEASE_EXPIRES_AT;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_SESSION_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_TOKEN;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.LAST_LESSON_DATE;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.LAST_LESSON_SESSION_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.UPDATED_AT;

import io.lessonpack.adapter.aws.event.PackageGeneratedEventJson;
import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.word.Language;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Saves a generation with ONE TransactWriteItems, so the package, the learner's state, the lesson
 * day, the curriculum, the session marker, the run record and the event to publish are written all
 * together or not at all. The items, in this order (a cancellation's reasons are read by index):
 * <ol start="0">
 *   <li>{@code LAST_LESSON_DAY}: set the lesson date and the pending event in an attribute of its
 *       own (events saved before and still unpublished stay); remove the claim and its draft.
 *       Condition: the claim token is ours and no lesson is saved for the day or later.
 *       Failed: {@link CommitResult#CLAIM_LOST}.</li>
 *   <li>The package (packages table), an UpdateItem that SETs only our attributes. Condition: the
 *       item has no {@code version} (expected version 0: it does not exist, or it is a package of
 *       the original service being adopted in place) or has the expected version.
 *       Failed: {@link CommitResult#STALE_PACKAGE}.</li>
 *   <li>{@code LANGUAGE#<code>}: the analysis progress (lastProcessedAt, the keys handled within
 *       the look-back, its version + 1), the package id and version. Condition: the analysis
 *       version is still the one read (an item from before versions counts as 0).
 *       Failed: {@link CommitResult#STALE_STATE}.</li>
 *   <li>each added {@code WORD#...} item, only if absent. Failed: {@link CommitResult#STALE_STATE}.</li>
 *   <li>each updated {@code WORD#...} item, whole.</li>
 *   <li>{@code READING#...} items of the added Japanese words, once per reading, none for a reading
 *       that an added word's own key already answers to.</li>
 *   <li>{@code SESSION#<sessionId>} (TTL 30 days) and {@code RUN#<lessonDate>#<sessionId>} (TTL 180 days).</li>
 * </ol>
 * The transaction's {@code ClientRequestToken} is derived from the claim token (see
 * {@link #requestToken}), so the SDK's own retry of a commit whose answer was lost is applied once
 * (DynamoDB remembers tokens for 10 minutes).
 *
 * <p>{@link #recordAnalysisProgress} is one UpdateItem of {@code LANGUAGE#<code>} with the same
 * progress attributes and version condition; {@link #addAbsentWords} is {@link AbsentWordWrites}. Instants are written in the fixed-width form of
 * {@link Instants#sortable}, so that they compare as strings like the instants they denote.
 *
 * <pre>{@code
 * SaveGenerationPort saver = new DynamoDbGenerationCommitAdapter(dynamoDb, tables, Clock.systemUTC());
 * }</pre>
 */
public final class DynamoDbGenerationCommitAdapter implements SaveGenerationPort {

    /** DynamoDB's limit on actions per transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    /** How long a processed-session marker is kept: far beyond SQS redelivery and DLQ redrive windows. */
    static final Duration SESSION_MARKER_TTL = Duration.ofDays(30);
    /** How long a run record is kept for operators. */
    static final Duration RUN_RECORD_TTL = Duration.ofDays(180);

    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final Clock clock;
    private final AbsentWordWrites absentWords;

    /** @param clock for {@code updatedAt}, the run record's {@code createdAt} and the TTLs */
    public DynamoDbGenerationCommitAdapter(DynamoDbClient client, DynamoDbTables tables, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.absentWords = new AbsentWordWrites(client, tables);
    }

    @Override
    public CommitResult commit(UserId userId, GenerationCommit commit) {
        Instant now = clock.instant();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(lessonDay(userId, commit, now));
        items.add(packageItem(commit));
        items.add(languageState(userId, commit, now));
        int firstAdded = items.size();
        for (CurriculumEntry added : commit.curriculumChange().added()) {
            items.add(TransactItems.put(tables.stateTable(), CurriculumItems.wordItem(userId, added), "attribute_not_exists(" + StateKeys.PK + ")"));
        }
        int afterAdded = items.size();
        for (CurriculumEntry updated : commit.curriculumChange().updated()) {
            items.add(TransactItems.put(tables.stateTable(), CurriculumItems.wordItem(userId, updated), null));
        }
        CurriculumItems.readingItems(userId, commit.curriculumChange().added()).forEach(item -> items.add(TransactItems.put(tables.stateTable(), item, null)));
        items.add(TransactItems.put(tables.stateTable(), sessionMarker(userId, commit, now), null));
        items.add(TransactItems.put(tables.stateTable(), runRecord(userId, commit, now), null));
        requireWithinOneTransaction(items);
        try {
            client.transactWriteItems(b -> b.transactItems(items).clientRequestToken(
                    requestToken(tables.stateTable(), userId, commit.claimToken())));
            return CommitResult.COMMITTED;
        } catch (TransactionCanceledException cancelled) {
            int failed = TransactItems.firstFailedCondition(cancelled);
            if (failed < 0) {
                throw DynamoDbFailures.translate("commit TransactWriteItems", cancelled);
            }
            if (failed == 0) {
                return CommitResult.CLAIM_LOST;
            }
            if (failed == 1) {
                return CommitResult.STALE_PACKAGE;
            }
            if (failed == 2 || (failed >= firstAdded && failed < afterAdded)) {
                return CommitResult.STALE_STATE;
            }
            throw new IllegalStateException("commit TransactWriteItems: condition failed on item " + failed
                    + ", which has no condition");
        } catch (SdkException e) {
            throw DynamoDbFailures.translate("commit TransactWriteItems", e);
        }
    }

    private TransactWriteItem lessonDay(UserId userId, GenerationCommit commit, Instant now) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.lastLessonDay(userId))
                .updateExpression("SET " + LAST_LESSON_DATE + " = :day, " + LAST_LESSON_SESSION_ID + " = :session, "
                        + "#event = :event, " + UPDATED_AT + " = :updatedAt"
                        + " REMOVE " + String.join(", ", CLAIM_DAY, CLAIM_SESSION_ID, CLAIM_TOKEN, CLAIM_LANGUAGE,
                                CLAIM_LEASE_EXPIRES_AT, CLAIM_DRAFT, CLAIM_DRAFT_SESSION_ID))
                .conditionExpression(CLAIM_TOKEN + " = :token AND (attribute_not_exists(" + LAST_LESSON_DATE + ") OR "
                        + LAST_LESSON_DATE + " < :day)")
                .expressionAttributeNames(Map.of("#event", LessonDayItem.pendingEvent(commit.event().eventId())))
                .expressionAttributeValues(Map.of(
                        ":day", s(commit.day().toString()),
                        ":session", s(commit.record().sessionId().value()),
                        ":event", s(PackageGeneratedEventJson.toJson(commit.event())),
                        ":updatedAt", s(Instants.iso(now)),
                        ":token", s(commit.claimToken())))
                .build()).build();
    }

    private TransactWriteItem packageItem(GenerationCommit commit) {
        LessonPackage pkg = commit.lessonPackage();
        Attributes.SetClause set = Attributes.set(PackageItems.attributes(pkg));
        Update.Builder update = Update.builder()
                .tableName(tables.packagesTable())
                .key(PackageItems.key(pkg.id()))
                .updateExpression(set.expression());
        if (commit.expectedVersion() == 0) {
            update.conditionExpression("attribute_not_exists(#version)")
                    .expressionAttributeNames(set.namesWith(Map.of("#version", PackageItems.VERSION)))
                    .expressionAttributeValues(set.values());
        } else {
            update.conditionExpression("#version = :expectedVersion")
                    .expressionAttributeNames(set.namesWith(Map.of("#version", PackageItems.VERSION)))
                    .expressionAttributeValues(set.valuesWith(Map.of(":expectedVersion", n(commit.expectedVersion()))));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private TransactWriteItem languageState(UserId userId, GenerationCommit commit, Instant now) {
        LessonPackage pkg = commit.lessonPackage();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(LanguageItem.LANGUAGE, s(pkg.language().tag()));
        values.put(LanguageItem.PACKAGE_ID, s(pkg.id().value()));
        values.put(LanguageItem.PACKAGE_VERSION, n(pkg.version()));
        values.put(LanguageItem.UPDATED_AT, s(Instants.iso(now)));
        values.putAll(LanguageItem.progressValues(commit.analysis(), commit.expectedAnalysisVersion()));
        Attributes.SetClause set = Attributes.set(values);
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.key(userId, StateKeys.language(pkg.language())))
                .updateExpression(set.expression() + ", #outcomes = if_not_exists(#outcomes, :zero) + :recorded")
                .conditionExpression(LanguageItem.progressCondition(commit.expectedAnalysisVersion()))
                .expressionAttributeNames(set.namesWith(Map.of("#analysisVersion", LanguageItem.ANALYSIS_VERSION,
                        "#outcomes", LanguageItem.OUTCOMES_SINCE_FIT)))
                .expressionAttributeValues(set.valuesWith(Map.of(":expectedAnalysisVersion",
                        n(commit.expectedAnalysisVersion()), ":zero", n(0), ":recorded", n(commit.outcomesRecorded()))))
                .build()).build();
    }

    private Map<String, AttributeValue> sessionMarker(UserId userId, GenerationCommit commit, Instant now) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(StateKeys.key(userId, StateKeys.session(commit.record().sessionId())));
        item.put("packageId", s(commit.lessonPackage().id().value()));
        item.put("packageVersion", n(commit.lessonPackage().version()));
        item.put("lessonDate", s(commit.day().toString()));
        item.put(StateKeys.EXPIRES_AT, n(now.plus(SESSION_MARKER_TTL).getEpochSecond()));
        return item;
    }

    private Map<String, AttributeValue> runRecord(UserId userId, GenerationCommit commit, Instant now) {
        GenerationRecord record = commit.record();
        Map<String, AttributeValue> item = new LinkedHashMap<>(
                StateKeys.key(userId, StateKeys.run(commit.day(), record.sessionId())));
        item.put("sessionId", s(record.sessionId().value()));
        item.put("language", s(commit.lessonPackage().language().tag()));
        item.put("author", s(record.author()));
        item.put("authorCalls", n(record.usage().calls()));
        item.put("promptTokens", n(record.usage().promptTokens()));
        item.put("cachedTokens", n(record.usage().cachedTokens()));
        item.put("completionTokens", n(record.usage().completionTokens()));
        item.put("estimatedCostUsd", n(BigDecimal.valueOf(record.estimatedCostUsd()).setScale(6, RoundingMode.HALF_UP)
                .doubleValue()));
        item.put("repairRounds", n(record.repairRounds()));
        item.put("resumed", bool(record.resumed()));
        item.put("reviewWords", n(record.reviewWords()));
        item.put("newWords", n(record.newWords()));
        item.put("resultsConsumed", n(record.resultsConsumed()));
        item.put("wordsWithEvidence", n(record.wordsWithEvidence()));
        item.put("wordsAdded", n(record.wordsAdded()));
        item.put("packageId", s(commit.lessonPackage().id().value()));
        item.put("packageVersion", n(commit.lessonPackage().version()));
        item.put("createdAt", s(Instants.iso(now)));
        item.put(StateKeys.EXPIRES_AT, n(now.plus(RUN_RECORD_TTL).getEpochSecond()));
        return item;
    }

    /** Refuses, before sending, a transaction DynamoDB would refuse: too many actions, or two on one item. */
    private static void requireWithinOneTransaction(List<TransactWriteItem> items) {
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalStateException("a generation commit needs " + items.size() + " writes, more than the "
                    + MAX_TRANSACTION_ITEMS + " one DynamoDB transaction holds; lower GenerationSettings.maxMemoryUpdates");
        }
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        for (TransactWriteItem item : items) {
            Map<String, AttributeValue> key = new HashMap<>();
            if (item.put() != null) {
                key.put(StateKeys.PK, item.put().item().get(StateKeys.PK));
                key.put(StateKeys.SK, item.put().item().get(StateKeys.SK));
                key.put("table", s(item.put().tableName()));
            } else {
                key.putAll(item.update().key());
                key.put("table", s(item.update().tableName()));
            }
            if (!keys.add(key)) {
                throw new IllegalStateException("a generation commit would write one item twice (an added word also"
                        + " updated?); DynamoDB refuses two actions on one item in a transaction");
            }
        }
    }

    /**
     * The transaction's idempotency token (36 characters): a name-based UUID of the state table, the
     * learner and the claim token. DynamoDB keeps tokens per account and region for 10 minutes and
     * refuses a token reused with other parameters, so the token is scoped to what makes the
     * transaction unique; it stays the same for every retry of one commit, and every attempt has its
     * own claim token.
     */
    static String requestToken(String stateTable, UserId userId, String claimToken) {
        String scope = stateTable + "\n" + userId.value() + "\n" + claimToken;
        return UUID.nameUUIDFromBytes(scope.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Delegates to {@link AbsentWordWrites}: chunks of conditional Puts, existing words left as they are. */
    @Override
    public int addAbsentWords(UserId userId, Language language, List<CurriculumEntry> entries) {
        return absentWords.addAbsent(userId, entries.stream()
                .filter(e -> e.key().language().equals(language.code())).toList());
    }

    /** One UpdateItem of {@code LANGUAGE#<code>}, on condition that no other fit was recorded since the one read. */
    @Override
    public boolean recordFit(UserId userId, Language language, long expectedFitVersion, FsrsParameters parameters,
            LocalDate fittedOn, long scoredReviews) {
        Map<String, AttributeValue> values = new LinkedHashMap<>(LanguageItem.fitValues(parameters, fittedOn,
                scoredReviews, expectedFitVersion));
        values.put(LanguageItem.UPDATED_AT, s(Instants.iso(clock.instant())));
        Attributes.SetClause set = Attributes.set(values);
        String remove = parameters == null ? " REMOVE #weights" : "";
        Map<String, String> names = new LinkedHashMap<>(Map.of("#fitVersion", LanguageItem.FIT_VERSION));
        if (parameters == null) {
            names.put("#weights", LanguageItem.FSRS_WEIGHTS);
        }
        try {
            client.updateItem(b -> b
                    .tableName(tables.stateTable())
                    .key(StateKeys.key(userId, StateKeys.language(language)))
                    .updateExpression(set.expression() + remove)
                    .conditionExpression(expectedFitVersion == 0
                            ? "attribute_not_exists(#fitVersion) OR #fitVersion = :expectedFitVersion"
                            : "#fitVersion = :expectedFitVersion")
                    .expressionAttributeNames(set.namesWith(names))
                    .expressionAttributeValues(set.valuesWith(Map.of(":expectedFitVersion", n(expectedFitVersion)))));
            return true;
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate("recordFit UpdateItem", e);
        }
    }

    @Override
    public boolean recordAnalysisProgress(UserId userId, Language language, long expectedAnalysisVersion,
            AnalysisProgress progress) {
        Map<String, AttributeValue> values = new LinkedHashMap<>(LanguageItem.progressValues(progress, expectedAnalysisVersion));
        values.put(LanguageItem.UPDATED_AT, s(Instants.iso(clock.instant())));
        Attributes.SetClause set = Attributes.set(values);
        try {
            client.updateItem(b -> b
                    .tableName(tables.stateTable())
                    .key(StateKeys.key(userId, StateKeys.language(language)))
                    .updateExpression(set.expression() + ", #language = if_not_exists(#language, :language)")
                    .conditionExpression(LanguageItem.progressCondition(expectedAnalysisVersion))
                    .expressionAttributeNames(set.namesWith(Map.of("#analysisVersion", LanguageItem.ANALYSIS_VERSION,
                            "#language", LanguageItem.LANGUAGE)))
                    .expressionAttributeValues(set.valuesWith(Map.of(":expectedAnalysisVersion",
                            n(expectedAnalysisVersion), ":language", s(language.tag())))));
            return true;
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate("recordAnalysisProgress UpdateItem", e);
        }
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.LearnerMemoryModel;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.lang.System.Logger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads what the service remembers per (learner, language) from the state table's
 * {@code LANGUAGE#<code>} item (see {@link LanguageItem}) with one strongly consistent GetItem.
 * Regional variants share it ({@code es-MX} and {@code es-ES} both read {@code LANGUAGE#es}).
 * A {@code lastProcessedAt} that is not an ISO-8601 instant fails the read rather than being taken
 * as absent, which would feed every old analysis result again. An item written before the analysis
 * progress had a version reads as version 0 with nothing handled.
 *
 * <pre>{@code
 * LoadLearnerStatePort states = new DynamoDbLearnerStateAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbLearnerStateAdapter implements LoadLearnerStatePort {

    private static final Logger LOG = System.getLogger(DynamoDbLearnerStateAdapter.class.getName());

    private final DynamoDbClient client;
    private final DynamoDbTables tables;

    public DynamoDbLearnerStateAdapter(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public LearnerState loadLearnerState(UserId userId, Language language) {
        Map<String, AttributeValue> item = DynamoDbFailures.call("loadLearnerState GetItem", () -> client.getItem(b -> b
                .tableName(tables.stateTable())
                .key(StateKeys.key(userId, StateKeys.language(language)))
                .consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return LearnerState.none();
        }
        Optional<Instant> lastProcessedAt = Attributes.string(item, LanguageItem.LAST_PROCESSED_AT).map(text -> Instants
                .parse(text).orElseThrow(() -> unreadable(userId, language, "lastProcessedAt is not an ISO-8601 instant")));
        Optional<PackageId> packageId;
        try {
            packageId = Attributes.string(item, LanguageItem.PACKAGE_ID).map(PackageId::of);
        } catch (RuntimeException e) {
            throw unreadable(userId, language, "packageId is not a valid id: " + e.getMessage());
        }
        return new LearnerState(lastProcessedAt.orElse(null), packageId.orElse(null), handled(userId, language, item),
                Attributes.longNumber(item, LanguageItem.ANALYSIS_VERSION).orElse(0L), memoryModel(userId, language, item));
    }

    /** One Query of the learner's {@code LANGUAGE#} items, reading only their language tag. */
    @Override
    public List<Language> languages(UserId userId) {
        List<Language> languages = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> exclusiveStart = startKey;
            QueryResponse response = DynamoDbFailures.call("languages Query", () -> client.query(b -> b
                    .tableName(tables.stateTable())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :language)")
                    .projectionExpression("#sk, #tag")
                    .expressionAttributeNames(Map.of("#pk", StateKeys.PK, "#sk", StateKeys.SK,
                            "#tag", LanguageItem.LANGUAGE))
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(StateKeys.partition(userId)),
                            ":language", Attributes.s("LANGUAGE#")))
                    .exclusiveStartKey(exclusiveStart)));
            for (Map<String, AttributeValue> item : response.items()) {
                String code = Attributes.string(item, StateKeys.SK).orElse("LANGUAGE#").substring("LANGUAGE#".length());
                Attributes.string(item, LanguageItem.LANGUAGE).flatMap(Language::parse).or(() -> Language.parse(code))
                        .ifPresent(languages::add);
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return languages;
    }

    /**
     * The learner's memory model. Weights that cannot be read are not worth a stuck learner: they
     * are logged and the defaults are used until the next fit writes new ones.
     */
    private LearnerMemoryModel memoryModel(UserId userId, Language language, Map<String, AttributeValue> item) {
        FsrsParameters parameters = null;
        AttributeValue weights = item.get(LanguageItem.FSRS_WEIGHTS);
        if (weights != null) {
            try {
                parameters = new FsrsParameters(weights.l().stream().mapToDouble(w -> Double.parseDouble(w.n())).toArray());
            } catch (RuntimeException e) {
                LogEvent.of("learner.fsrs_weights_unreadable").with("userId", userId).with("language", language)
                        .with("errorType", e.getClass().getName()).warn(LOG);
            }
        }
        LocalDate fittedOn = Attributes.string(item, LanguageItem.FITTED_ON).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw unreadable(userId, language, "fittedOn is not a YYYY-MM-DD date");
            }
        }).orElse(null);
        return new LearnerMemoryModel(parameters, fittedOn,
                Math.max(0, Attributes.longNumber(item, LanguageItem.SCORED_AT_FIT).orElse(0L)),
                Math.max(0, Attributes.longNumber(item, LanguageItem.OUTCOMES_SINCE_FIT).orElse(0L)),
                Attributes.longNumber(item, LanguageItem.FIT_VERSION).orElse(0L));
    }

    private Map<String, Instant> handled(UserId userId, Language language, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(LanguageItem.HANDLED_ANALYSES);
        if (value == null) {
            return Map.of();
        }
        if (!value.hasM()) {
            throw unreadable(userId, language, "handledAnalyses is not a map");
        }
        Map<String, Instant> handled = new HashMap<>();
        value.m().forEach((key, at) -> handled.put(key, Optional.ofNullable(at.s()).flatMap(Instants::parse)
                .orElseThrow(() -> unreadable(userId, language, "handledAnalyses holds a time that is not an ISO-8601 instant"))));
        return handled;
    }

    private UnreadableItemException unreadable(UserId userId, Language language, String what) {
        return new UnreadableItemException("the " + StateKeys.language(language) + " item of user " + userId.value()
                + " in table " + tables.stateTable() + " cannot be read: " + what);
    }
}

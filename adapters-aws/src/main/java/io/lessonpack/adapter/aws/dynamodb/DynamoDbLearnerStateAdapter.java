package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads what the service remembers per (learner, language) from the state table's
 * {@code LANGUAGE#<code>} item (see {@link LanguageItem}) with one strongly consistent GetItem.
 * Regional variants share it ({@code es-MX} and {@code es-ES} both read {@code LANGUAGE#es}).
 * A {@code lastProcessedAt} that is not an ISO-8601 instant fails the read rather than being taken
 * as absent, which would feed every old analysis result again.
 *
 * <pre>{@code
 * LoadLearnerStatePort states = new DynamoDbLearnerStateAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbLearnerStateAdapter implements LoadLearnerStatePort {

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
        return new LearnerState(lastProcessedAt, packageId);
    }

    private UnreadableItemException unreadable(UserId userId, Language language, String what) {
        return new UnreadableItemException("the " + StateKeys.language(language) + " item of user " + userId.value()
                + " in table " + tables.stateTable() + " cannot be read: " + what);
    }
}

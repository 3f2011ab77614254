package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.port.out.UnreadablePackageException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.lang.System.Logger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads packages from the packages table (see {@link PackageItems} for the item).
 * <ul>
 *   <li>{@link #loadPackage}: one strongly consistent GetItem.</li>
 *   <li>{@link #findPackage}: one Query of {@code UserLanguageIndex} ({@code userId} = the learner,
 *       {@code language} beginning with the language code), then the GetItem above. A package whose
 *       tag equals the requested one wins; otherwise one of the same language code (an {@code es}
 *       package serves an {@code es-MX} request and the other way round, as regional variants share
 *       their words). Only keys are read from the index, so any projection works, and the package
 *       itself is read consistently.</li>
 * </ul>
 * An item without {@code schemaVersion} is a package of the original service, read to be adopted
 * ({@link ForeignPackageItems}); one that is neither that nor a valid {@code package.v1} package
 * fails with an {@link UnreadablePackageException} naming the package id and the fault.
 *
 * <pre>{@code
 * LoadPackagePort packages = new DynamoDbPackageAdapter(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbPackageAdapter implements LoadPackagePort {

    private static final Logger LOG = System.getLogger(DynamoDbPackageAdapter.class.getName());

    private final DynamoDbClient client;
    private final DynamoDbTables tables;

    public DynamoDbPackageAdapter(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public Optional<StoredPackage> loadPackage(PackageId id) {
        Map<String, AttributeValue> item = DynamoDbFailures.call("loadPackage GetItem", () -> client.getItem(b -> b
                .tableName(tables.packagesTable())
                .key(PackageItems.key(id))
                .consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PackageItems.fromItem(tables.packagesTable(), item));
    }

    @Override
    public Optional<StoredPackage> findPackage(UserId userId, Language language) {
        List<Map<String, AttributeValue>> found = DynamoDbFailures.call("findPackage Query", () -> client.query(b -> b
                .tableName(tables.packagesTable())
                .indexName(PackageItems.USER_LANGUAGE_INDEX)
                .keyConditionExpression("#user = :user AND begins_with(#language, :code)")
                .expressionAttributeNames(Map.of("#user", PackageItems.USER_ID, "#language", PackageItems.LANGUAGE,
                        "#id", PackageItems.ID))
                .expressionAttributeValues(Map.of(":user", Attributes.s(userId.value()),
                        ":code", Attributes.s(language.code())))
                .projectionExpression("#id, #language"))).items();
        List<Map<String, AttributeValue>> sameCode = found.stream()
                .filter(item -> Attributes.string(item, PackageItems.LANGUAGE).flatMap(Language::parse)
                        .filter(l -> l.code().equals(language.code())).isPresent())
                .filter(item -> Attributes.string(item, PackageItems.ID).isPresent())
                .sorted(Comparator.comparing((Map<String, AttributeValue> item) ->
                                !Attributes.string(item, PackageItems.LANGUAGE).orElseThrow().equals(language.tag()))
                        .thenComparing(item -> Attributes.string(item, PackageItems.ID).orElseThrow()))
                .toList();
        if (sameCode.isEmpty()) {
            return Optional.empty();
        }
        if (sameCode.size() > 1) {
            LogEvent.of("dynamodb.several_packages_for_language").with("userId", userId)
                    .with("language", language.tag()).with("packages", sameCode.size()).warn(LOG);
        }
        return loadPackage(PackageId.of(Attributes.string(sameCode.get(0), PackageItems.ID).orElseThrow()));
    }
}

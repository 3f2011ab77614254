package io.lessonpack.adapter.aws.dynamodb;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the three tables with their keys and indexes, on demand, and waits until they are
 * active: for DynamoDB Local, the local runtime and tests. In AWS, Terraform
 * ({@code infra/services/package-generation-service}) is the source of truth; this class mirrors it.
 * Idempotent: a table that already exists is left as it is.
 * <ul>
 *   <li>state: {@code PK} S, {@code SK} S; GSI {@code DueIndex} ({@code dueUser} S, {@code dueOn} S,
 *       projection ALL); TTL on {@code expiresAt};</li>
 *   <li>packages: {@code id} S; GSI {@code UserLanguageIndex} ({@code userId} S, {@code language} S,
 *       projection ALL);</li>
 *   <li>analysis results: {@code userId} S, {@code createdAt} S.</li>
 * </ul>
 *
 * <pre>{@code
 * DynamoDbSchema.createTables(dynamoDb, tables);
 * }</pre>
 */
public final class DynamoDbSchema {

    private DynamoDbSchema() {
    }

    /** Creates whichever of the three tables is missing and waits until all are active. */
    public static void createTables(DynamoDbClient client, DynamoDbTables tables) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tables, "tables");
        boolean stateCreated = create(client, CreateTableRequest.builder()
                .tableName(tables.stateTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(StateKeys.PK), string(StateKeys.SK), string(StateKeys.DUE_USER),
                        string(StateKeys.DUE_ON))
                .keySchema(hash(StateKeys.PK), range(StateKeys.SK))
                .globalSecondaryIndexes(index(StateKeys.DUE_INDEX, StateKeys.DUE_USER, StateKeys.DUE_ON))
                .build());
        create(client, CreateTableRequest.builder()
                .tableName(tables.packagesTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PackageItems.ID), string(PackageItems.USER_ID), string(PackageItems.LANGUAGE))
                .keySchema(hash(PackageItems.ID))
                .globalSecondaryIndexes(index(PackageItems.USER_LANGUAGE_INDEX, PackageItems.USER_ID, PackageItems.LANGUAGE))
                .build());
        create(client, CreateTableRequest.builder()
                .tableName(tables.analysisResultsTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("userId"), string("createdAt"))
                .keySchema(hash("userId"), range("createdAt"))
                .build());
        DynamoDbWaiter waiter = client.waiter();
        for (String table : List.of(tables.stateTable(), tables.packagesTable(), tables.analysisResultsTable())) {
            DynamoDbFailures.call("waitUntilTableExists " + table,
                    () -> waiter.waitUntilTableExists(b -> b.tableName(table)));
        }
        if (stateCreated) {
            DynamoDbFailures.call("UpdateTimeToLive " + tables.stateTable(), () -> client.updateTimeToLive(b -> b
                    .tableName(tables.stateTable())
                    .timeToLiveSpecification(t -> t.attributeName(StateKeys.EXPIRES_AT).enabled(true))));
        }
    }

    /** Creates a table; false when it already existed. */
    private static boolean create(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(request);
            return true;
        } catch (ResourceInUseException exists) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate("CreateTable " + request.tableName(), e);
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(partition), range(sort))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}

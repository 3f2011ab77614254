package io.lessonpack.adapter.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoDbSchemaTest {

    private static TableDescription describe(String table) {
        return LocalDynamoDb.client().describeTable(b -> b.tableName(table)).table();
    }

    @Test
    void createTables_createsTheKeysIndexesAndTtlOfTheContract() {
        DynamoDbTables tables = LocalDynamoDb.createTables("schema");

        TableDescription state = describe(tables.stateTable());
        assertThat(state.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("PK", "SK");
        GlobalSecondaryIndexDescription due = state.globalSecondaryIndexes().get(0);
        assertThat(due.indexName()).isEqualTo("DueIndex");
        assertThat(due.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("dueUser", "dueOn");
        assertThat(state.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(LocalDynamoDb.client().describeTimeToLive(b -> b.tableName(tables.stateTable()))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        TableDescription packages = describe(tables.packagesTable());
        assertThat(packages.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("id");
        assertThat(packages.globalSecondaryIndexes().get(0).indexName()).isEqualTo("UserLanguageIndex");
        assertThat(packages.globalSecondaryIndexes().get(0).keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("userId", "language");
        assertThat(describe(tables.analysisResultsTable()).keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("userId", "createdAt");
    }

    @Test
    void createTables_again_leavesTheTablesAsTheyAre() {
        DynamoDbTables tables = LocalDynamoDb.createTables("schema-again");
        CallCounter calls = new CallCounter();
        DynamoDbClient counted = LocalDynamoDb.client(calls);

        DynamoDbSchema.createTables(counted, tables);

        assertThat(calls.count("CreateTable")).isEqualTo(3);
        assertThat(calls.count("UpdateTimeToLive")).isZero();
        assertThat(calls.snapshot()).containsKeys("CreateTable", "DescribeTable");
        calls.reset();
        assertThat(calls.total()).isZero();
    }
}

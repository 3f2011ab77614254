package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.infra.TerraformModule.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The generation-state table: the layout the code creates locally (DynamoDbSchema) is the layout
 * Terraform creates in AWS, with the protections a table of learner data needs.
 */
class StateTableTerraformTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final Block TABLE = MODULE.onlyResource("aws_dynamodb_table");
    private static final RecordedDynamoDbSchema CODE = RecordedDynamoDbSchema.record();
    private static final CreateTableRequest STATE = CODE.table(RecordedDynamoDbSchema.STATE);

    @Test
    void keys_stringPkAndSk_asTheCodeDeclaresThem() {
        assertThat(TABLE.text("hash_key")).isEqualTo("PK").isEqualTo(key(STATE.keySchema(), KeyType.HASH));
        assertThat(TABLE.text("range_key")).isEqualTo("SK").isEqualTo(key(STATE.keySchema(), KeyType.RANGE));
        assertThat(attributes(TABLE)).isEqualTo(STATE.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, a -> a.attributeTypeAsString(),
                        (a, b) -> a, LinkedHashMap::new)));
        assertThat(attributes(TABLE)).containsEntry("PK", "S").containsEntry("SK", "S");
    }

    @Test
    void dueIndex_dueUserAndDueOn_projectionAll_asTheCodeDeclaresIt() {
        List<Block> indexes = TABLE.blocks("global_secondary_index");
        assertThat(indexes).extracting(i -> i.text("name"))
                .containsExactlyInAnyOrderElementsOf(STATE.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndex::indexName).toList());
        for (GlobalSecondaryIndex declared : STATE.globalSecondaryIndexes()) {
            Block index = indexes.stream().filter(i -> i.text("name").equals(declared.indexName())).findFirst().orElseThrow();
            assertThat(index.text("hash_key")).as("%s hash key", declared.indexName())
                    .isEqualTo(key(declared.keySchema(), KeyType.HASH));
            assertThat(index.text("range_key")).as("%s range key", declared.indexName())
                    .isEqualTo(key(declared.keySchema(), KeyType.RANGE));
            assertThat(index.text("projection_type")).isEqualTo(declared.projection().projectionTypeAsString());
        }
        Block due = indexes.stream().filter(i -> i.text("name").equals("DueIndex")).findFirst().orElseThrow();
        assertThat(due.text("hash_key")).isEqualTo("dueUser");
        assertThat(due.text("range_key")).isEqualTo("dueOn");
        assertThat(due.text("projection_type")).isEqualTo("ALL");
        assertThat(attributes(TABLE)).containsEntry("dueUser", "S").containsEntry("dueOn", "S");
    }

    @Test
    void ttl_onExpiresAt_asTheCodeSetsIt() {
        Block ttl = TABLE.block("ttl");

        assertThat(ttl.text("attribute_name")).isEqualTo("expiresAt")
                .isEqualTo(CODE.timeToLive().get(RecordedDynamoDbSchema.STATE).timeToLiveSpecification().attributeName());
        assertThat(ttl.bool("enabled")).isTrue();
    }

    @Test
    void billingAndProtection_onDemand_pointInTimeRecovery_encryption_deletionProtection() {
        assertThat(TABLE.text("billing_mode")).isEqualTo("PAY_PER_REQUEST").isEqualTo(STATE.billingModeAsString());
        assertThat(TABLE.block("point_in_time_recovery").bool("enabled")).isTrue();
        assertThat(TABLE.block("server_side_encryption").bool("enabled")).isTrue();
        assertThat(TABLE.bool("deletion_protection_enabled")).isTrue();
    }

    @Test
    void name_projectEnvironmentGenerationState_isTheFunctionsStateTable_andOutput() {
        assertThat(TABLE.text("name")).isEqualTo(TerraformModule.interpolation("${var.project}-${var.environment}-generation-state"));
        assertThat(MODULE.referenced(MODULE.output("state_table_name").value("value"), "aws_dynamodb_table", "name"))
                .isSameAs(TABLE);
        assertThat(MODULE.referenced(MODULE.output("state_table_arn").value("value"), "aws_dynamodb_table", "arn"))
                .isSameAs(TABLE);
    }

    @Test
    void packagesIndexInThePolicy_isTheIndexTheCodeQueries() {
        List<String> packageIndexes = CODE.table(RecordedDynamoDbSchema.PACKAGES).globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndex::indexName).toList();

        assertThat(packageIndexes).containsExactly("UserLanguageIndex");
        assertThat(TerraformModule.text(MODULE.local("packages_user_language_index_arn")))
                .endsWith(":table/var.packages_table_name/index/" + packageIndexes.get(0));
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst()
                .orElseThrow(() -> new AssertionError("the code declares no " + type + " key"));
    }

    private static Map<String, String> attributes(Block table) {
        Map<String, String> attributes = new LinkedHashMap<>();
        table.blocks("attribute").forEach(a -> attributes.put(a.text("name"), a.text("type")));
        return attributes;
    }
}

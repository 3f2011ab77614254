package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code GET /health}: the server answers. {@code GET /ready}: DynamoDB Local answers and the three
 * tables exist and are active (one DescribeTable each), else 503 with the reason.
 */
final class HealthEndpoint {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTables tables;

    HealthEndpoint(DynamoDbClient dynamoDb, DynamoDbTables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    void health(Http http) throws IOException {
        http.json(200, http.object().put("status", "up"));
    }

    void ready(Http http) throws IOException {
        for (String table : List.of(tables.stateTable(), tables.packagesTable(), tables.analysisResultsTable())) {
            String problem;
            try {
                TableStatus status = dynamoDb.describeTable(b -> b.tableName(table)).table().tableStatus();
                problem = status == TableStatus.ACTIVE ? null : "table " + table + " is " + status;
            } catch (ResourceNotFoundException e) {
                problem = "table " + table + " does not exist";
            } catch (SdkException e) {
                problem = "DynamoDB Local does not answer (" + e.getClass().getSimpleName() + ")";
            }
            if (problem != null) {
                http.json(503, http.object().put("status", "not ready").put("reason", problem));
                return;
            }
        }
        http.json(200, http.object().put("status", "ready"));
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.learner.SessionId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

class DynamoDbFailuresTest {

    private static final String ITEM_TEXT = "item text: el gato negro";

    private static SdkException service(String code, int status) {
        return DynamoDbException.builder().message(ITEM_TEXT).statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(ITEM_TEXT).build()).build();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().message(ITEM_TEXT).statusCode(400)
                .cancellationReasons(java.util.Arrays.stream(codes)
                        .map(c -> CancellationReason.builder().code(c).message(ITEM_TEXT).build()).toList())
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
                .build();
    }

    @Test
    void translate_failuresARetryMayFix_becomeStorageUnavailableNamingOperationAndTypeOnly() {
        List<SdkException> retryable = List.of(
                SdkClientException.create(ITEM_TEXT, new java.net.ConnectException(ITEM_TEXT)),
                ProvisionedThroughputExceededException.builder().message(ITEM_TEXT).statusCode(400).build(),
                RequestLimitExceededException.builder().message(ITEM_TEXT).statusCode(400).build(),
                InternalServerErrorException.builder().message(ITEM_TEXT).statusCode(500).build(),
                TransactionConflictException.builder().message(ITEM_TEXT).statusCode(400).build(),
                service("ThrottlingException", 400),
                service("ServiceUnavailable", 503),
                cancelled("None", "TransactionConflict"),
                cancelled("ThrottlingError"));

        for (SdkException e : retryable) {
            assertThat(DynamoDbFailures.translate("claim UpdateItem", e))
                    .as(e.getClass().getSimpleName())
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("DynamoDB claim UpdateItem failed: " + e.getClass().getSimpleName())
                    .hasMessageNotContaining("gato")
                    .hasCause(e);
        }
    }

    @Test
    void translate_failuresARetryWillNotFix_becomeRequestExceptions() {
        List<SdkException> permanent = List.of(service("ValidationException", 400),
                service("ResourceNotFoundException", 400), service("AccessDeniedException", 400),
                cancelled("None", "ValidationError"));

        for (SdkException e : permanent) {
            assertThat(DynamoDbFailures.translate("commit TransactWriteItems", e))
                    .isInstanceOf(DynamoDbRequestException.class)
                    .hasMessageNotContaining("gato");
        }
    }

    @Test
    void anyAdapter_endpointNotListening_failsAsStorageUnavailable() {
        DynamoDbClient nowhere = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
        DynamoDbTables tables = new DynamoDbTables("s", "p", "a");

        assertThatThrownBy(() -> new DynamoDbLessonDayAdapter(nowhere, tables, java.time.Clock.systemUTC())
                .status(LEARNER, SessionId.of("s1")))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("status BatchGetItem");
        assertThatThrownBy(() -> new DynamoDbLearnerStateAdapter(nowhere, tables).loadLearnerState(LEARNER, SPANISH))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("loadLearnerState GetItem");
    }

    @Test
    void commit_transactionCancelledForAConflict_failsAsStorageUnavailable() {
        ExecutionInterceptor conflict = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest) {
                    throw cancelled("None", "TransactionConflict", "None");
                }
            }
        };
        DynamoDbStores stores = DynamoDbStores.create("conflict");
        DynamoDbStores conflicting = stores.withClient(LocalDynamoDb.client(conflict));
        Instant now = stores.clock.instant();

        assertThatThrownBy(() -> conflicting.saver.commit(LEARNER, TestData.commit("t", "s1",
                TestData.pkg("p-1", SPANISH, 1, now), 0, now.minusSeconds(1), CurriculumChange.none())))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("commit TransactWriteItems").hasMessageContaining("TransactionConflict");
    }

    @Test
    void tables_blankName_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DynamoDbTables("s", " ", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONVERSATION_PACKAGES_TABLE");
    }
}

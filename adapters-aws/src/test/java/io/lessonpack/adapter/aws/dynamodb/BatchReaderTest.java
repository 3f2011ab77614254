package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.word.WordKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

class BatchReaderTest {

    private final DynamoDbStores stores = DynamoDbStores.create("batch");

    /**
     * Rewrites the next BatchGetItem responses as DynamoDB does under throttling: only the first
     * item found comes back; every other requested key is returned in UnprocessedKeys. Records the
     * keys of every request.
     */
    private static final class Unprocessing implements ExecutionInterceptor {
        final AtomicInteger rewritesLeft;
        final List<List<Map<String, AttributeValue>>> requestedKeys = new CopyOnWriteArrayList<>();

        Unprocessing(int rewrites) {
            this.rewritesLeft = new AtomicInteger(rewrites);
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchGetItemRequest request)
                    || !(context.response() instanceof BatchGetItemResponse response)) {
                return context.response();
            }
            String table = request.requestItems().keySet().iterator().next();
            List<Map<String, AttributeValue>> keys = request.requestItems().get(table).keys();
            requestedKeys.add(keys);
            if (rewritesLeft.getAndDecrement() <= 0) {
                return response;
            }
            List<Map<String, AttributeValue>> found = response.responses().getOrDefault(table, List.of());
            List<Map<String, AttributeValue>> kept = found.isEmpty() ? List.of() : List.of(found.get(0));
            List<Map<String, AttributeValue>> unprocessed = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys) {
                boolean returned = kept.stream().anyMatch(item -> item.get("PK").equals(key.get("PK"))
                        && item.get("SK").equals(key.get("SK")));
                if (!returned) {
                    unprocessed.add(key);
                }
            }
            return response.toBuilder()
                    .responses(Map.of(table, kept))
                    .unprocessedKeys(unprocessed.isEmpty() ? Map.of()
                            : Map.of(table, KeysAndAttributes.builder().keys(unprocessed).consistentRead(true).build()))
                    .build();
        }
    }

    @Test
    void status_unprocessedKeysOnTheFirstRequest_areReadAgainAndTheAnswerIsComplete() {
        Unprocessing unprocessing = new Unprocessing(1);
        CallCounter calls = new CallCounter();
        DynamoDbStores flaky = stores.withClient(LocalDynamoDb.client(unprocessing, calls));
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LAST_LESSON_DAY"),
                "lastLessonDate", AttributeValue.fromS("2026-03-01")));
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("SESSION#s1")));

        LessonDayStatus status = flaky.days.status(LEARNER, SessionId.of("s1"));

        assertThat(status.lastLessonDay()).contains(LessonDay.parse("2026-03-01"));
        assertThat(status.sessionAlreadyGenerated()).isTrue();
        assertThat(calls.count("BatchGetItem")).isEqualTo(2);
        assertThat(unprocessing.requestedKeys.get(0)).hasSize(2);
        assertThat(unprocessing.requestedKeys.get(1)).hasSize(1);
    }

    @Test
    void entries_unprocessedKeysSeveralTimes_areReadUntilNoneAreLeft() {
        List<CurriculumEntry> stored = IntStream.range(0, 5).mapToObj(i -> TestData.entry(SPANISH, "palabra" + i,
                LessonDay.parse("2026-03-01"))).toList();
        stored.forEach(e -> stores.putStateItem(CurriculumItems.wordItem(LEARNER, e)));
        Unprocessing unprocessing = new Unprocessing(3);
        DynamoDbStores flaky = stores.withClient(LocalDynamoDb.client(unprocessing));

        List<CurriculumEntry> found = flaky.curriculum.entries(LEARNER, SPANISH,
                stored.stream().map(CurriculumEntry::key).collect(Collectors.toCollection(LinkedHashSet::new)));

        assertThat(found).containsExactlyElementsOf(stored);
        assertThat(unprocessing.requestedKeys).extracting(List::size).containsExactly(5, 4, 3, 2);
    }

    @Test
    void read_keysStillUnprocessedAfterEveryAttempt_failsAsStorageUnavailable() {
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, TestData.entry(SPANISH, "a", LessonDay.parse("2026-03-01"))));
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, TestData.entry(SPANISH, "b", LessonDay.parse("2026-03-01"))));
        Unprocessing never = new Unprocessing(Integer.MAX_VALUE);
        DynamoDbClient client = LocalDynamoDb.client(never);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        BatchReader reader = new BatchReader(client, pauses::add);
        Map<String, AttributeValue> a = StateKeys.key(LEARNER, StateKeys.word(WordKey.of(SPANISH, "a")));
        Map<String, AttributeValue> b = StateKeys.key(LEARNER, StateKeys.word(WordKey.of(SPANISH, "b")));
        Map<String, AttributeValue> c = StateKeys.key(LEARNER, StateKeys.word(WordKey.of(SPANISH, "c")));

        assertThatThrownBy(() -> reader.read("test BatchGetItem", stores.tables.stateTable(), List.of(a, b, c), true))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("test BatchGetItem").hasMessageContaining("unprocessed");
        assertThat(never.requestedKeys).hasSize(BatchReader.MAX_ATTEMPTS);
        assertThat(pauses).hasSize(BatchReader.MAX_ATTEMPTS - 1)
                .allSatisfy(p -> assertThat(p).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void read_duplicateKeys_areAskedForOnce() {
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, TestData.entry(SPANISH, "a", LessonDay.parse("2026-03-01"))));
        Map<String, AttributeValue> a = StateKeys.key(LEARNER, StateKeys.word(WordKey.of(SPANISH, "a")));

        List<Map<String, AttributeValue>> items = new BatchReader(LocalDynamoDb.client())
                .read("test BatchGetItem", stores.tables.stateTable(), List.of(a, new HashMap<>(a)), true);

        assertThat(items).hasSize(1);
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items by key with BatchGetItem, in requests of at most {@value #MAX_KEYS_PER_REQUEST} keys,
 * and always asks again for the {@code UnprocessedKeys} DynamoDB hands back (throttling, or a
 * response over 16 MB), with a short growing pause, up to {@value #MAX_ATTEMPTS} requests per
 * chunk. Keys left unread after that make the read fail as storage unavailable: a partial answer
 * would look like missing items, and "missing" means something to every caller.
 */
final class BatchReader {

    /** BatchGetItem's limit on keys per request. */
    static final int MAX_KEYS_PER_REQUEST = 100;
    /** Requests per chunk, the first included, before giving up on unprocessed keys. */
    static final int MAX_ATTEMPTS = 8;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    /** Waits between attempts; replaced in tests to keep them fast. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DynamoDbClient client;
    private final Pause pause;

    BatchReader(DynamoDbClient client) {
        this(client, d -> Thread.sleep(d.toMillis()));
    }

    BatchReader(DynamoDbClient client, Pause pause) {
        this.client = Objects.requireNonNull(client, "client");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * The items found for {@code keys} in {@code table}, in no particular order; absent items are
     * simply not returned. Duplicate keys are read once (BatchGetItem refuses duplicates).
     *
     * @param operation names the caller in failure messages, e.g. {@code "status BatchGetItem"}
     */
    List<Map<String, AttributeValue>> read(String operation, String table, Collection<Map<String, AttributeValue>> keys,
            boolean consistentRead) {
        List<Map<String, AttributeValue>> distinct = List.copyOf(new LinkedHashSet<>(keys));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX_KEYS_PER_REQUEST) {
            List<Map<String, AttributeValue>> chunk =
                    distinct.subList(from, Math.min(distinct.size(), from + MAX_KEYS_PER_REQUEST));
            readChunk(operation, table, chunk, consistentRead, items);
        }
        return items;
    }

    private void readChunk(String operation, String table, List<Map<String, AttributeValue>> chunk,
            boolean consistentRead, List<Map<String, AttributeValue>> into) {
        List<Map<String, AttributeValue>> pending = chunk;
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> request = pending;
            BatchGetItemResponse response = DynamoDbFailures.call(operation, () -> client.batchGetItem(b -> b
                    .requestItems(Map.of(table, KeysAndAttributes.builder().keys(request)
                            .consistentRead(consistentRead).build()))));
            into.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
                return;
            }
            pending = List.copyOf(unprocessed.keys());
            if (attempt >= MAX_ATTEMPTS) {
                throw DynamoDbFailures.unavailable(operation, pending.size() + " key(s) still unprocessed after "
                        + attempt + " BatchGetItem requests");
            }
            pauseBefore(attempt + 1, operation);
        }
    }

    private void pauseBefore(int attempt, String operation) {
        long ceiling = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt - 2, 10));
        // Half fixed, half random: spreads the retries of concurrent readers that were throttled together.
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            pause.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoDbFailures.unavailable(operation, "interrupted while waiting to re-read unprocessed keys");
        }
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Adds curriculum entries that are absent and never touches one that is there (the words of an
 * adopted package). Each chunk of {@value #WORDS_PER_TRANSACTION} words is one TransactWriteItems:
 * a Put of each {@code WORD#...} item on condition that it does not exist, and the {@code READING#...}
 * items of Japanese words. When DynamoDB cancels a chunk because some words exist after all, those
 * are dropped and the rest is sent again, so a repeated adoption only adds what is missing.
 */
final class AbsentWordWrites {

    /** Words per transaction: with one reading each, well within DynamoDB's 100 actions. */
    static final int WORDS_PER_TRANSACTION = 40;

    private final DynamoDbClient client;
    private final DynamoDbTables tables;

    AbsentWordWrites(DynamoDbClient client, DynamoDbTables tables) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** Writes the entries that are absent; returns how many were written. */
    int addAbsent(UserId userId, List<CurriculumEntry> entries) {
        int added = 0;
        for (int from = 0; from < entries.size(); from += WORDS_PER_TRANSACTION) {
            added += addChunk(userId, entries.subList(from, Math.min(entries.size(), from + WORDS_PER_TRANSACTION)));
        }
        return added;
    }

    private int addChunk(UserId userId, List<CurriculumEntry> chunk) {
        List<CurriculumEntry> pending = new ArrayList<>(chunk);
        // Each round drops at least one word that exists, so the loop ends.
        while (!pending.isEmpty()) {
            List<TransactWriteItem> items = new ArrayList<>();
            for (CurriculumEntry entry : pending) {
                items.add(TransactItems.put(tables.stateTable(), CurriculumItems.wordItem(userId, entry),
                        "attribute_not_exists(" + StateKeys.PK + ")"));
            }
            CurriculumItems.readingItems(userId, pending)
                    .forEach(item -> items.add(TransactItems.put(tables.stateTable(), item, null)));
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                return pending.size();
            } catch (TransactionCanceledException cancelled) {
                List<CurriculumEntry> absent = withoutExisting(pending, cancelled);
                if (absent.size() == pending.size()) {
                    throw DynamoDbFailures.translate("addAbsentWords TransactWriteItems", cancelled);
                }
                pending = absent;
            } catch (SdkException e) {
                throw DynamoDbFailures.translate("addAbsentWords TransactWriteItems", e);
            }
        }
        return 0;
    }

    /** The entries whose Put did not fail its condition (the word items come first, in order). */
    private static List<CurriculumEntry> withoutExisting(List<CurriculumEntry> pending,
            TransactionCanceledException cancelled) {
        List<CurriculumEntry> absent = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (!TransactItems.failedCondition(cancelled, i)) {
                absent.add(pending.get(i));
            }
        }
        return absent;
    }
}

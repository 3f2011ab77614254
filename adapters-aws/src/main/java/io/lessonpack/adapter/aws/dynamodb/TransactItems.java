package io.lessonpack.adapter.aws.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Building TransactWriteItems actions and reading why DynamoDB cancelled a transaction. */
final class TransactItems {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private TransactItems() {
    }

    /** A Put of {@code item} into {@code table}, on {@code condition} when it is not null. */
    static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** Whether the action at {@code index} of a cancelled transaction failed its condition. */
    static boolean failedCondition(TransactionCanceledException cancelled, int index) {
        return cancelled.hasCancellationReasons() && index < cancelled.cancellationReasons().size()
                && CONDITIONAL_CHECK_FAILED.equals(cancelled.cancellationReasons().get(index).code());
    }

    /** The index of the first action that failed its condition, or -1 when none did (a conflict, say). */
    static int firstFailedCondition(TransactionCanceledException cancelled) {
        if (!cancelled.hasCancellationReasons()) {
            return -1;
        }
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        for (int i = 0; i < reasons.size(); i++) {
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code())) {
                return i;
            }
        }
        return -1;
    }
}

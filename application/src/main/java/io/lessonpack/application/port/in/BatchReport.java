package io.lessonpack.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * The result of one batch: each message's outcome, in batch order.
 *
 * @param items one entry per message of the batch
 */
public record BatchReport(List<Item> items) {

    /** One message's outcome. */
    public record Item(String messageId, GenerationOutcome outcome) {
        public Item {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public BatchReport {
        items = List.copyOf(items);
    }

    /**
     * The messages to report as failed, in batch order: by FIFO semantics, the first failure and
     * every message after it. Empty means the whole batch succeeded.
     */
    public List<String> failedMessageIds() {
        return items.stream().filter(i -> !i.outcome().acknowledged()).map(Item::messageId).toList();
    }
}

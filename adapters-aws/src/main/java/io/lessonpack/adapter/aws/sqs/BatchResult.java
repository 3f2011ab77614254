package io.lessonpack.adapter.aws.sqs;

import io.lessonpack.application.port.in.GenerationOutcome;
import java.util.List;
import java.util.Objects;

/**
 * What became of each message of a batch, in batch order, and which messages are reported failed
 * to the queue (a message's own failure, or an earlier failure in its message group).
 */
public record BatchResult(List<Item> items) {

    /**
     * One message.
     *
     * @param outcome        what processing it produced (or {@code EARLIER_MESSAGE_FAILED} if it was
     *                       never attempted because an earlier message of its group failed)
     * @param reportedFailed whether the queue is told it failed, so it is delivered again
     */
    public record Item(String messageId, String groupId, GenerationOutcome outcome, boolean reportedFailed) {
        public Item {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public BatchResult {
        items = List.copyOf(items);
    }

    /** The ids to return in {@code batchItemFailures}, in batch order; empty means the whole batch succeeded. */
    public List<String> failedMessageIds() {
        return items.stream().filter(Item::reportedFailed).map(Item::messageId).toList();
    }

    /** Messages that produced a lesson. */
    public long generated() {
        return items.stream().filter(i -> i.outcome() instanceof GenerationOutcome.Generated).count();
    }

    /** Messages skipped by the rules (unusable ones included). */
    public long skipped() {
        return items.stream().filter(i -> i.outcome() instanceof GenerationOutcome.Skipped).count();
    }
}

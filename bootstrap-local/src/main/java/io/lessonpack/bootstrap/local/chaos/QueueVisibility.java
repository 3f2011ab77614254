package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.aws.sqs.VisibilityChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The queue side's {@code ChangeMessageVisibility} on the {@link SimulatedFifoQueue}. The function
 * makes its calls at the end of its batch, which in simulated time is when the invocation ends; so
 * the changes are kept while the invocation runs and applied when the driver knows its end
 * ({@link #apply}), or dropped when its process died ({@link #discard}). A change for a receipt
 * handle that is not the message's current one is refused, as SQS refuses it.
 */
final class QueueVisibility implements MessageVisibility {

    /** A change the function asked for. */
    record Requested(String messageId, String receiptHandle, Duration timeout) {
    }

    private final SimulatedFifoQueue queue;
    private final List<Requested> pending = new ArrayList<>();

    QueueVisibility(SimulatedFifoQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    public synchronized List<String> changeVisibility(List<VisibilityChange> changes) {
        List<String> accepted = new ArrayList<>();
        for (VisibilityChange change : changes) {
            // SQS takes whole seconds, rounded up as the SQS adapter rounds them.
            Duration after = change.visibleAfter();
            Duration seconds = Duration.ofSeconds(after.toSeconds() + (after.toNanosPart() > 0 ? 1 : 0));
            pending.add(new Requested(change.messageId(), change.receiptHandle(), seconds));
            accepted.add(change.messageId());
        }
        return accepted;
    }

    /** Applies the changes of the invocation that ended at {@code end}; returns what was asked for. */
    synchronized List<Requested> apply(Instant end) {
        List<Requested> asked = List.copyOf(pending);
        pending.clear();
        asked.forEach(r -> queue.changeVisibility(r.receiptHandle(), r.timeout(), end));
        return asked;
    }

    /** Forgets the changes of an invocation whose process died: they were never sent. */
    synchronized void discard() {
        pending.clear();
    }
}

package io.lessonpack.adapter.aws.sqs;

import java.util.List;

/**
 * Makes received queue messages visible again after a delay, so a message that failed only for
 * time is retried in seconds instead of after the queue's visibility timeout.
 * {@link SqsMessageVisibilityAdapter} does it on SQS; {@link #none()} stands in where no queue
 * delivered the messages (the local runtime feeds the handler directly).
 */
public interface MessageVisibility {

    /**
     * Applies the changes it can; never throws for a queue failure (the messages then keep their
     * current visibility, which only delays their retry).
     *
     * @return the ids of the messages whose visibility was changed
     */
    List<String> changeVisibility(List<VisibilityChange> changes);

    /** For messages that no queue delivered: changes nothing. */
    static MessageVisibility none() {
        return changes -> List.of();
    }
}

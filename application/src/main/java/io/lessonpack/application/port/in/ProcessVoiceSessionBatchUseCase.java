package io.lessonpack.application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * Processes one batch of voice-session messages from a FIFO queue, in order, with FIFO semantics:
 * at the first failure it stops, and that message and every later one are reported failed so the
 * queue redelivers them in order. A learner's second session in the same batch and day is skipped.
 *
 * <pre>{@code
 * BatchReport report = batch.process(messages, deadline);
 * List<String> toRetry = report.failedMessageIds();
 * }</pre>
 */
public interface ProcessVoiceSessionBatchUseCase {

    /** The most messages a batch may hold (the FIFO maximum). */
    int MAX_BATCH_SIZE = 10;

    /**
     * @param messages up to {@link #MAX_BATCH_SIZE} messages, in arrival order
     * @param deadline when the whole batch must be done
     * @throws IllegalArgumentException for more than {@link #MAX_BATCH_SIZE} messages or a repeated messageId
     */
    BatchReport process(List<VoiceSessionMessage> messages, Instant deadline);
}

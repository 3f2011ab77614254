package io.lessonpack.adapter.aws.sqs;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.SkipReason;
import java.util.Objects;

/**
 * One queue message's body as the parser read it: a command, or a refusal with a reason.
 */
public sealed interface VoiceSessionMessage {

    /** The queue's id for this delivery; used only to report per-message results. */
    String messageId();

    /** A message that parsed into a command. */
    record Parsed(String messageId, GenerateDailyPackageCommand command) implements VoiceSessionMessage {
        public Parsed {
            requireMessageId(messageId);
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * A message that is not a usable voice-session event; it is acknowledged and logged, never
     * retried (retrying cannot fix it) and never allowed to block the queue.
     *
     * @param reason {@link SkipReason#MISSING_FIELDS} or {@link SkipReason#INVALID_MESSAGE}
     * @param detail what is wrong, for operators; never the body itself
     */
    record Unusable(String messageId, SkipReason reason, String detail) implements VoiceSessionMessage {
        public Unusable {
            requireMessageId(messageId);
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    private static void requireMessageId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a queue message needs its messageId");
        }
    }
}

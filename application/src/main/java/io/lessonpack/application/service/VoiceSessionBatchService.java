package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.BatchReport;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.ProcessVoiceSessionBatchUseCase;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Processes a FIFO batch in arrival order (RELIABILITY.md, "SQS FIFO -> Lambda"): unusable messages
 * are skipped and acknowledged; at the first failure processing stops and that message and every
 * later one are reported failed, so the queue redelivers them in order. A learner who got a lesson
 * earlier in the batch is skipped for the rest of that day without another look-up.
 */
public final class VoiceSessionBatchService implements ProcessVoiceSessionBatchUseCase {

    private static final Logger LOG = System.getLogger(VoiceSessionBatchService.class.getName());

    private final GenerateDailyPackageUseCase generator;
    private final Clock clock;

    public VoiceSessionBatchService(GenerateDailyPackageUseCase generator, Clock clock) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BatchReport process(List<VoiceSessionMessage> messages, Instant deadline) {
        if (messages.size() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH_SIZE + " messages, got " + messages.size());
        }
        Set<String> messageIds = new HashSet<>();
        for (VoiceSessionMessage m : messages) {
            if (!messageIds.add(m.messageId())) {
                throw new IllegalArgumentException("messageId " + m.messageId() + " appears twice in the batch");
            }
        }
        Map<LearnerDay, SessionId> lessonsInBatch = new HashMap<>();
        List<BatchReport.Item> items = new ArrayList<>();
        String firstFailure = null;
        for (VoiceSessionMessage message : messages) {
            GenerationOutcome outcome;
            if (firstFailure != null) {
                outcome = new GenerationOutcome.Failed(FailureReason.EARLIER_MESSAGE_FAILED,
                        "message " + firstFailure + " failed earlier in this FIFO batch");
            } else {
                outcome = switch (message) {
                    case VoiceSessionMessage.Unusable u -> {
                        LogEvent.of("message.unusable").with("messageId", u.messageId()).with("reason", u.reason())
                                .with("detail", u.detail()).warn(LOG);
                        yield new GenerationOutcome.Skipped(u.reason(), u.detail());
                    }
                    case VoiceSessionMessage.Parsed p -> generate(p.command(), lessonsInBatch, deadline);
                };
                if (outcome instanceof GenerationOutcome.Failed) {
                    firstFailure = message.messageId();
                }
            }
            items.add(new BatchReport.Item(message.messageId(), outcome));
        }
        BatchReport report = new BatchReport(items);
        LogEvent.of("batch.done").with("messages", messages.size())
                .with("failed", report.failedMessageIds().size())
                .with("firstFailedMessageId", firstFailure).info(LOG);
        return report;
    }

    private GenerationOutcome generate(GenerateDailyPackageCommand command, Map<LearnerDay, SessionId> lessonsInBatch,
            Instant deadline) {
        LearnerDay learnerDay = new LearnerDay(command.userId(), LessonDay.of(clock.instant()));
        SessionId earlier = lessonsInBatch.get(learnerDay);
        if (earlier != null) {
            return earlier.equals(command.sessionId())
                    ? new GenerationOutcome.Skipped(SkipReason.ALREADY_PROCESSED, "a duplicate earlier in this batch produced the lesson")
                    : new GenerationOutcome.Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "an earlier session in this batch produced today's lesson");
        }
        GenerationOutcome outcome = generator.generate(command, deadline);
        if (outcome instanceof GenerationOutcome.Generated) {
            lessonsInBatch.put(learnerDay, command.sessionId());
        }
        return outcome;
    }

    private record LearnerDay(UserId userId, LessonDay day) {
    }
}

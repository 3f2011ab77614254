package io.lessonpack.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.adapter.aws.sqs.SqsRecord;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.application.logging.LogEvent;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The voice-session function: an SQS FIFO event in, a partial batch response out. It only
 * translates: Lambda's records become {@link SqsRecord}s, the invocation's end comes from the
 * context's remaining time, and the queue side ({@link SqsVoiceSessionBatchProcessor}) does the
 * rest — learners in parallel, failures per message group, time-only failures retried in seconds.
 * An empty failure list is full success.
 *
 * <p>Lambda calls the public no-argument constructor once per execution environment; the Dagger
 * graph is built then (class initialisation of the holder), configuration is validated then, and no
 * network call is made. The other constructor serves the local runtime and tests.
 */
public final class VoiceSessionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = System.getLogger(VoiceSessionHandler.class.getName());

    /** Used when there is no Lambda context (a local caller): a 60-second invocation. */
    static final Duration DEFAULT_REMAINING = Duration.ofSeconds(60);

    private final SqsVoiceSessionBatchProcessor processor;
    private final Clock clock;

    /** Lambda's constructor: wires the function from the process environment. */
    public VoiceSessionHandler() {
        this(Holder.COMPONENT);
    }

    VoiceSessionHandler(LambdaComponent component) {
        this(component.processor(), component.clock());
    }

    /** A handler over any queue processor, for the local runtime and for services that run the function in-process. */
    public VoiceSessionHandler(SqsVoiceSessionBatchProcessor processor, Clock clock) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Built on first use of the no-argument constructor, i.e. during Lambda's init phase. */
    private static final class Holder {
        static final LambdaComponent COMPONENT = LambdaComponent.fromSystemEnvironment();
        static final SnapStartPriming PRIMING = SnapStartPriming.register(COMPONENT.environment());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SQSBatchResponse.builder()
                .withBatchItemFailures(handle(event, context).failedMessageIds().stream()
                        .map(SQSBatchResponse.BatchItemFailure::new).toList())
                .build();
    }

    /**
     * Handles the event as {@link #handleRequest} does and returns each message's outcome, for a
     * local caller that shows them (the demo); Lambda only needs the failures.
     */
    public BatchResult handle(SQSEvent event, Context context) {
        Instant now = clock.instant();
        Duration remaining = context == null ? DEFAULT_REMAINING : Duration.ofMillis(context.getRemainingTimeInMillis());
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<SqsRecord> records = messages.stream().map(VoiceSessionHandler::record).toList();
        BatchResult result = processor.process(records, now.plus(remaining));
        List<String> failed = result.failedMessageIds();
        LogEvent.of("invocation.done")
                .with("awsRequestId", context == null ? null : context.getAwsRequestId())
                .with("messages", records.size())
                .with("generated", result.generated())
                .with("skipped", result.skipped())
                .with("failed", failed.size())
                .with("remainingMs", remaining.toMillis())
                .with("durationMs", Duration.between(now, clock.instant()).toMillis())
                .info(LOG);
        return result;
    }

    private static SqsRecord record(SQSEvent.SQSMessage message) {
        return new SqsRecord(message.getMessageId(), message.getBody(), message.getAttributes(),
                message.getReceiptHandle(), message.getEventSourceArn());
    }
}

package io.lessonpack.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.BatchReport;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.ProcessVoiceSessionBatchUseCase;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The voice-session function: an SQS FIFO event in, a partial batch response out.
 *
 * <p>Messages are parsed (a poison message becomes a reasoned skip, never a crash) and processed in
 * order with FIFO semantics: at the first failure, that message and every later one are returned in
 * {@code batchItemFailures}, so SQS redelivers them in order; an empty list is full success. The
 * deadline handed to the use case is the invocation's remaining time minus a margin.
 *
 * <p>Lambda calls the public no-argument constructor once per execution environment; the Dagger
 * graph is built then (class initialisation of the holder), configuration is validated then, and no
 * network call is made. The other constructor serves the local runtime and tests.
 */
public final class VoiceSessionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = System.getLogger(VoiceSessionHandler.class.getName());

    /** Time kept back from the invocation's remaining time for saving and answering. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(5);

    /** Used when there is no Lambda context (a local caller): a 60-second invocation. */
    static final Duration DEFAULT_REMAINING = Duration.ofSeconds(60);

    private final ProcessVoiceSessionBatchUseCase batch;
    private final SqsVoiceSessionMessageParser parser;
    private final Clock clock;

    /** Lambda's constructor: wires the function from the process environment. */
    public VoiceSessionHandler() {
        this(Holder.COMPONENT);
    }

    VoiceSessionHandler(LambdaComponent component) {
        this(component.batch(), component.parser(), component.clock());
    }

    /**
     * A handler over any batch use case, for the local runtime and for services that run the
     * function in-process.
     */
    public VoiceSessionHandler(ProcessVoiceSessionBatchUseCase batch, SqsVoiceSessionMessageParser parser, Clock clock) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Built on first use of the no-argument constructor, i.e. during Lambda's init phase. */
    private static final class Holder {
        static final LambdaComponent COMPONENT = LambdaComponent.fromSystemEnvironment();
        static final SnapStartPriming PRIMING = SnapStartPriming.register(COMPONENT);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Instant now = clock.instant();
        Duration remaining = context == null ? DEFAULT_REMAINING : Duration.ofMillis(context.getRemainingTimeInMillis());
        Instant deadline = now.plus(remaining).minus(DEADLINE_MARGIN);
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<VoiceSessionMessage> messages = new ArrayList<>(records.size());
        for (SQSEvent.SQSMessage record : records) {
            messages.add(parser.parse(record.getMessageId(), record.getBody(), sentAt(record, now)));
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean failed = false;
        int generated = 0;
        int skipped = 0;
        for (int from = 0; from < messages.size(); from += ProcessVoiceSessionBatchUseCase.MAX_BATCH_SIZE) {
            List<VoiceSessionMessage> chunk =
                    messages.subList(from, Math.min(messages.size(), from + ProcessVoiceSessionBatchUseCase.MAX_BATCH_SIZE));
            if (failed) {
                // A standard queue can deliver more than 10; FIFO order still ends at the first failure.
                chunk.forEach(m -> failures.add(new SQSBatchResponse.BatchItemFailure(m.messageId())));
                continue;
            }
            BatchReport report = batch.process(chunk, deadline);
            for (BatchReport.Item item : report.items()) {
                switch (item.outcome()) {
                    case GenerationOutcome.Generated g -> generated++;
                    case GenerationOutcome.Skipped s -> skipped++;
                    case GenerationOutcome.Failed f -> {
                        failed = true;
                        failures.add(new SQSBatchResponse.BatchItemFailure(item.messageId()));
                    }
                }
            }
        }
        LogEvent.of("invocation.done")
                .with("awsRequestId", context == null ? null : context.getAwsRequestId())
                .with("messages", messages.size())
                .with("generated", generated)
                .with("skipped", skipped)
                .with("failed", failures.size())
                .with("remainingMs", remaining.toMillis())
                .info(LOG);
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** When SQS received the message; stands in for a missing createdAt. */
    private static Instant sentAt(SQSEvent.SQSMessage record, Instant fallback) {
        Map<String, String> attributes = record.getAttributes();
        String sent = attributes == null ? null : attributes.get("SentTimestamp");
        if (sent == null) {
            return fallback;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

}

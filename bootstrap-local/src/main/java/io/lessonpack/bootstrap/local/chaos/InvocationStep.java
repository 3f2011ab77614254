package io.lessonpack.bootstrap.local.chaos;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import io.lessonpack.bootstrap.local.bench.CountdownContext;
import io.lessonpack.bootstrap.local.chaos.SimulatedFifoQueue.Delivery;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Send;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated Lambda invocation: the batch becomes an SQS event as Lambda builds it, the real
 * handler processes it with a 60 s countdown in simulated time, and the queue learns the answer —
 * the batch's successful messages deleted and the asked-for visibility changes applied when the
 * invocation ends, or nothing at all when its process died or it ran past 60 s (the answer is lost,
 * and the whole batch comes back after the visibility timeout). Then the learners it touched are
 * sampled.
 */
final class InvocationStep {

    /** The function's timeout. */
    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(60);
    /** The queue's ARN in the records. */
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";
    /** What an invocation costs beside its lanes: the runtime's own work and the response. */
    private static final Duration OVERHEAD = Duration.ofMillis(40);

    private final SoakRun.World world;
    private final VoiceSessionHandler handler;
    private final Map<String, Send> sends;
    private final Set<String> dayBoundarySeen = new HashSet<>();

    InvocationStep(SoakRun.World world, VoiceSessionHandler handler, Map<String, Send> sends) {
        this.world = world;
        this.handler = handler;
        this.sends = sends;
    }

    /** Runs one invocation of {@code batch} at {@code now}; returns when it ended. */
    Instant run(int number, List<Delivery> batch, Instant now) {
        Invocation invocation = new Invocation(number, world.random().nextLong(), now);
        for (Delivery d : batch) {
            Send send = sends.get(d.messageId());
            if (send.valid()) {
                String user = send.session().learner().userId();
                if (invocation.lanes().stream().noneMatch(l -> l.userId().equals(user))) {
                    invocation.openLane(user, world.random().nextLong());
                }
                invocation.lane(user).plan(world.deck().deal().orElse(null));
            }
        }
        world.clock().set(now);
        world.injection().begin(invocation);
        BatchResult result;
        try {
            result = handler.handle(event(batch), new CountdownContext(LAMBDA_TIMEOUT, () -> nanos(world.clock().instant())));
        } finally {
            world.injection().end();
        }
        invocation.lanes().forEach(lane -> world.deck().putBack(lane.unfiredPlans()));
        Duration took = invocation.duration().plus(OVERHEAD);
        Instant end = now.plus(took);
        boolean timedOut = took.compareTo(LAMBDA_TIMEOUT) > 0;
        boolean lost = invocation.dead() || timedOut;
        world.clock().set(end);
        if (lost) {
            world.visibility().discard();
        } else {
            for (int i = 0; i < batch.size(); i++) {
                if (!result.items().get(i).reportedFailed()) {
                    world.queue().delete(batch.get(i).receiptHandle());
                }
            }
            world.visibility().apply(end);
        }
        List<Invocation.Fired> fired = invocation.fired();
        world.history().invocation(new SoakHistory.InvocationRecord(number, now, end, batch.size(), invocation.dead(),
                timedOut, fired));
        record(invocation, batch, result, lost, fired);
        for (Lane lane : invocation.lanes()) {
            lane.attempts().stream().filter(a -> !a.analysisRead().isEmpty()).forEach(a -> world.history().read(
                    new SoakHistory.Read(lane.userId(), a.languageCode(), a.analysisRead(), number, now)));
        }
        sample(invocation, batch, end);
        return end;
    }

    private void record(Invocation invocation, List<Delivery> batch, BatchResult result, boolean lost,
            List<Invocation.Fired> fired) {
        Set<String> faultedGroups = new HashSet<>();
        Map<String, SoakScenario.Learner> learners = world.learners();
        fired.forEach(f -> faultedGroups.add(learners.get(f.userId()).groupId()));
        for (int i = 0; i < batch.size(); i++) {
            Delivery d = batch.get(i);
            BatchResult.Item item = result.items().get(i);
            Send send = sends.get(d.messageId());
            boolean deadLane = send.valid() && invocation.lane(send.session().learner().userId()).dead();
            String outcome = deadLane ? "process died" : describe(item.outcome());
            boolean faulted = invocation.dead() || faultedGroups.contains(d.groupId());
            world.history().receive(new SoakHistory.Receive(d.messageId(), d.receiveCount(), invocation.number(),
                    invocation.start(), outcome, !lost && !item.reportedFailed(), faulted));
            if (!send.valid() || deadLane) {
                continue;
            }
            if (send.session().dayBoundary() && dayBoundarySeen.add(send.session().sessionId())
                    && LocalDate.ofInstant(invocation.start(), ZoneOffset.UTC)
                            .isAfter(LocalDate.ofInstant(send.session().endedAt(), ZoneOffset.UTC))) {
                world.history().dayBoundary();
            }
        }
    }

    /** Reads every learner of the batch: their watermarks and any new package version. */
    private void sample(Invocation invocation, List<Delivery> batch, Instant end) {
        Set<String> users = new LinkedHashSet<>();
        batch.stream().map(d -> sends.get(d.messageId())).filter(Send::valid)
                .forEach(s -> users.add(s.session().learner().userId()));
        for (String user : users) {
            world.tables().languageStates(user).forEach((code, state) -> {
                world.history().watermark(user, code, new SoakHistory.Watermark(invocation.number(),
                        invocation.start(), end, state.storedWatermark()));
                state.packageId().flatMap(world.tables()::packageItem).ifPresent(pkg -> world.history().version(
                        new SoakHistory.Version(user, code, state.packageId().get(), TableReader.number(pkg, "version"),
                                TableReader.string(pkg, "language").orElse(code), TableReader.newWords(pkg),
                                invocation.number())));
            });
        }
    }

    static String describe(GenerationOutcome outcome) {
        return switch (outcome) {
            case GenerationOutcome.Generated g -> g.created() ? "created" : "updated";
            case GenerationOutcome.Skipped s -> "skipped " + s.reason();
            case GenerationOutcome.Failed f -> "failed " + f.reason();
        };
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private SQSEvent event(List<Delivery> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Delivery d : batch) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(d.messageId());
            m.setReceiptHandle(d.receiptHandle());
            m.setBody(d.body());
            m.setAttributes(Map.of(
                    "ApproximateReceiveCount", String.valueOf(d.receiveCount()),
                    "SentTimestamp", String.valueOf(d.sentAt().toEpochMilli()),
                    "MessageGroupId", d.groupId(),
                    "MessageDeduplicationId", d.messageId(),
                    "SequenceNumber", String.valueOf(18_000_000_000_000_000L + d.sequence())));
            m.setEventSource("aws:sqs");
            m.setEventSourceArn(QUEUE_ARN);
            m.setAwsRegion("us-east-1");
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}

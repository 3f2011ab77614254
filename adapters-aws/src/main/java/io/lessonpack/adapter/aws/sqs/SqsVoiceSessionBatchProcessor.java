package io.lessonpack.adapter.aws.sqs;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.logging.EmbeddedMetrics;
import io.lessonpack.application.logging.EmbeddedMetrics.DimensionSet;
import io.lessonpack.application.logging.GenerationOutcomeLog;
import io.lessonpack.application.time.CallDeadline;
import io.lessonpack.domain.learner.UserId;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue side of the voice-session function, and the one place that knows SQS FIFO semantics:
 * <ul>
 *   <li><b>Learners in parallel.</b> Messages are parsed (an unusable one is skipped, never retried)
 *       and sorted into one lane per learner. A lane runs its learner's messages in arrival order;
 *       lanes run concurrently, on at most {@link #MAX_PARALLEL_LEARNERS} threads. Order only matters
 *       per learner, whatever message groups the producer chose.</li>
 *   <li><b>A failure is its group's.</b> A failed message is reported failed together with every
 *       later message of its message group, and nothing else (FIFO order is per group). A failure
 *       that no redelivery can mend ({@link FailureReason#releasesMessage()}) is released instead,
 *       so it does not hold back the learner's other messages. A later
 *       message of the same group and learner is not attempted; one of another learner may have
 *       been processed meanwhile, and is reported failed all the same, which is safe because its
 *       redelivery is a no-op (the session's lesson is already saved).</li>
 *   <li><b>Retried in seconds.</b> When the first failure of a group was only for time
 *       ({@link FailureReason#retrySoon()}), every reported message of the group is made visible
 *       again after a delay from {@link RedeliveryBackoff}, by the first failure's receive count;
 *       the group's messages must return together, as SQS holds a group back while any of its
 *       messages is in flight.</li>
 *   <li><b>Within the invocation.</b> Work gets the invocation's end minus {@link #CLOSING_TIME}
 *       as its deadline; the closing time covers the visibility changes and the response.</li>
 * </ul>
 * Every message gets one {@code generation.outcome} log line (from the use case, or from here for a
 * message never attempted); a message processed but reported failed for its group also gets a
 * {@code message.reported_failed} line.
 *
 * <pre>{@code
 * SqsVoiceSessionBatchProcessor processor = new SqsVoiceSessionBatchProcessor(useCase, new SqsVoiceSessionMessageParser(),
 *         new SqsMessageVisibilityAdapter(sqs), RedeliveryBackoff.defaults(), Clock.systemUTC());
 * BatchResult result = processor.process(records, invocationEnd);
 * }</pre>
 */
public final class SqsVoiceSessionBatchProcessor {

    private static final Logger LOG = System.getLogger(SqsVoiceSessionBatchProcessor.class.getName());

    /** Kept back from the invocation's end for the visibility changes and the batch response. */
    public static final Duration CLOSING_TIME = Duration.ofSeconds(2);

    /** The most learners processed at once; a FIFO batch holds at most 10 messages. */
    public static final int MAX_PARALLEL_LEARNERS = 10;

    /** The visibility calls must be sent this long before the invocation's end at the latest. */
    private static final Duration RESPONSE_TIME = Duration.ofMillis(300);

    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * Platform threads, not virtual ones: on Java 21 a virtual thread blocked in a socket read inside
     * a synchronized block (as in the JDK's HTTP client) pins its carrier, and two cores have two.
     */
    private static final ThreadFactory LANE_THREADS = task -> {
        Thread thread = new Thread(task, "lessonpack-learner-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    private final GenerateDailyPackageUseCase generator;
    private final SqsVoiceSessionMessageParser parser;
    private final MessageVisibility visibility;
    private final RedeliveryBackoff backoff;
    private final Clock clock;

    public SqsVoiceSessionBatchProcessor(GenerateDailyPackageUseCase generator, SqsVoiceSessionMessageParser parser,
            MessageVisibility visibility, RedeliveryBackoff backoff, Clock clock) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One message of the batch while it is processed. Its outcome is decided once: by its lane, or
     * by the processor when the lane overran the invocation (whichever comes first).
     */
    private static final class Entry {
        final int index;
        final SqsRecord record;
        final VoiceSessionMessage message;
        private final AtomicReference<GenerationOutcome> outcome = new AtomicReference<>();

        Entry(int index, SqsRecord record, VoiceSessionMessage message) {
            this.index = index;
            this.record = record;
            this.message = message;
        }

        String groupId() {
            return record.groupId();
        }

        GenerationOutcome outcome() {
            return outcome.get();
        }

        /** Sets the outcome unless one was decided already. */
        void decide(GenerationOutcome decided) {
            outcome.compareAndSet(null, decided);
        }
    }

    /**
     * Processes one batch.
     *
     * @param records       the messages in the order the queue delivered them
     * @param invocationEnd when the invocation must have answered
     * @throws IllegalArgumentException when a messageId appears twice (the response could not name them)
     */
    public BatchResult process(List<SqsRecord> records, Instant invocationEnd) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(invocationEnd, "invocationEnd");
        Instant started = clock.instant();
        Instant deadline = invocationEnd.minus(CLOSING_TIME);
        List<Entry> entries = parse(records, started);
        Map<UserId, List<Entry>> lanes = lanes(entries);
        runLanes(lanes, deadline, invocationEnd);
        Map<String, Entry> firstFailures = firstFailureOfEachGroup(entries);
        List<BatchResult.Item> items = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            Entry first = firstFailures.get(entry.groupId());
            boolean reported = first != null && entry.index >= first.index;
            if (reported && entry != first) {
                logReportedForItsGroup(entry, first);
            }
            items.add(new BatchResult.Item(entry.record.messageId(), entry.groupId(), entry.outcome(), reported));
        }
        int madeVisible = retrySoon(entries, firstFailures, invocationEnd);
        BatchResult result = new BatchResult(items);
        LogEvent.of("batch.done").with("messages", entries.size()).with("learners", lanes.size())
                .with("generated", result.generated()).with("skipped", result.skipped())
                .with("failed", result.failedMessageIds().size()).with("retrySoon", madeVisible)
                .with("durationMs", Duration.between(started, clock.instant()).toMillis()).info(LOG);
        return result;
    }

    private List<Entry> parse(List<SqsRecord> records, Instant now) {
        Set<String> ids = new HashSet<>();
        List<Entry> entries = new ArrayList<>(records.size());
        for (SqsRecord record : records) {
            if (!ids.add(record.messageId())) {
                throw new IllegalArgumentException("messageId " + record.messageId() + " appears twice in the batch");
            }
            VoiceSessionMessage message = parser.parse(record.messageId(), record.body(), record.sentAt().orElse(now));
            Entry entry = new Entry(entries.size(), record, message);
            if (message instanceof VoiceSessionMessage.Unusable unusable) {
                // A skip like any other in the metrics, so that every message counts once: it has no
                // generation.outcome line (there is no session to name).
                LogEvent.of("message.unusable").with("messageId", unusable.messageId())
                        .with(GenerationOutcomeLog.REASON, unusable.reason()).with("detail", unusable.detail())
                        .metrics(EmbeddedMetrics.at(now).count(GenerationOutcomeLog.SKIPS, 1, DimensionSet.TOTAL,
                                DimensionSet.of(GenerationOutcomeLog.REASON)))
                        .warn(LOG);
                entry.decide(new GenerationOutcome.Skipped(unusable.reason(), unusable.detail()));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The parsed messages by learner, each lane in arrival order. */
    private static Map<UserId, List<Entry>> lanes(List<Entry> entries) {
        Map<UserId, List<Entry>> lanes = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.message instanceof VoiceSessionMessage.Parsed parsed) {
                lanes.computeIfAbsent(parsed.command().userId(), u -> new ArrayList<>()).add(entry);
            }
        }
        return lanes;
    }

    private void runLanes(Map<UserId, List<Entry>> lanes, Instant deadline, Instant invocationEnd) {
        if (lanes.size() <= 1) {
            lanes.values().forEach(lane -> runLane(lane, deadline));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(lanes.size(), MAX_PARALLEL_LEARNERS),
                LANE_THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            lanes.values().forEach(lane -> running.add(pool.submit(() -> runLane(lane, deadline))));
            for (Future<?> lane : running) {
                awaitLane(lane, invocationEnd);
            }
            // Decided before any lane is interrupted, so an overrun lane cannot answer for its
            // unfinished messages afterwards.
            lanes.values().stream().flatMap(List::stream).forEach(e -> e.decide(new GenerationOutcome.Failed(
                    FailureReason.DEADLINE_EXCEEDED, "still running at the invocation's end")));
        } finally {
            // Every call on a lane is bounded by the deadline, so this only interrupts a lane that overran it.
            pool.shutdownNow();
        }
    }

    private void awaitLane(Future<?> lane, Instant invocationEnd) {
        long waitMs = Math.max(0, Duration.between(clock.instant(), invocationEnd.minus(RESPONSE_TIME)).toMillis());
        try {
            lane.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LogEvent.of("batch.lane_overran").with("waitedMs", waitMs).warn(LOG);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // runLane catches everything; an error here is a bug in it, and its messages count as failed.
            LogEvent.of("batch.lane_failed").with("errorType", e.getCause().getClass().getName()).error(LOG);
        }
    }

    /** One learner's messages in order; a failure skips the later messages of the same group. */
    private void runLane(List<Entry> lane, Instant deadline) {
        Map<String, String> failedGroups = new HashMap<>();
        for (Entry entry : lane) {
            VoiceSessionMessage.Parsed parsed = (VoiceSessionMessage.Parsed) entry.message;
            String earlier = failedGroups.get(entry.groupId());
            if (earlier != null) {
                entry.decide(notAttempted(earlier));
                continue;
            }
            try {
                entry.decide(generator.generate(parsed.command(), deadline));
            } catch (RuntimeException e) {
                LogEvent.of("batch.generation_threw").with("messageId", entry.record.messageId())
                        .with("errorType", e.getClass().getName()).error(LOG);
                entry.decide(new GenerationOutcome.Failed(FailureReason.UNEXPECTED,
                        "unexpected " + e.getClass().getSimpleName()));
            }
            if (keptOnTheQueue(entry.outcome())) {
                failedGroups.put(entry.groupId(), entry.record.messageId());
            }
        }
    }

    /**
     * Whether the outcome keeps its message on the queue for a retry: a failure, unless redelivering
     * cannot help ({@link FailureReason#releasesMessage()}), when the message is released like a skip
     * so that the group's later messages go on.
     */
    private static boolean keptOnTheQueue(GenerationOutcome outcome) {
        return outcome instanceof GenerationOutcome.Failed f && !f.reason().releasesMessage();
    }

    private static GenerationOutcome.Failed notAttempted(String failedMessageId) {
        return new GenerationOutcome.Failed(FailureReason.EARLIER_MESSAGE_FAILED,
                "message " + failedMessageId + " of the same message group failed earlier in this batch");
    }

    /** The first failed message of each group that has one, by batch position. */
    private static Map<String, Entry> firstFailureOfEachGroup(List<Entry> entries) {
        Map<String, Entry> first = new HashMap<>();
        for (Entry entry : entries) {
            if (keptOnTheQueue(entry.outcome())) {
                first.putIfAbsent(entry.groupId(), entry);
            }
        }
        return first;
    }

    /**
     * Logs a message reported failed for its group's sake: never attempted (its own
     * {@code generation.outcome} line is written here), or processed meanwhile (it has its line).
     */
    private void logReportedForItsGroup(Entry entry, Entry first) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("messageId", entry.record.messageId());
        ids.put("messageGroupId", entry.groupId());
        ids.put("failedMessageId", first.record.messageId());
        boolean neverAttempted = entry.outcome() instanceof GenerationOutcome.Failed f
                && f.reason() == FailureReason.EARLIER_MESSAGE_FAILED;
        if (neverAttempted && entry.message instanceof VoiceSessionMessage.Parsed parsed) {
            GenerationOutcomeLog.write(parsed.command(), entry.outcome(), Duration.ZERO, clock.instant(), ids);
            return;
        }
        LogEvent line = LogEvent.of("message.reported_failed").with("reason", FailureReason.EARLIER_MESSAGE_FAILED);
        ids.forEach(line::with);
        line.with("ownOutcome", entry.outcome().getClass().getSimpleName()).info(LOG);
    }

    /**
     * Makes every reported message of a group whose first failure was only for time visible again
     * soon. Returns how many messages were changed.
     */
    private int retrySoon(List<Entry> entries, Map<String, Entry> firstFailures, Instant invocationEnd) {
        List<VisibilityChange> changes = new ArrayList<>();
        for (Entry first : firstFailures.values()) {
            if (!(first.outcome() instanceof GenerationOutcome.Failed failed) || !failed.reason().retrySoon()) {
                continue;
            }
            Duration delay = backoff.after(first.record.receiveCount());
            for (Entry entry : entries) {
                if (entry.groupId().equals(first.groupId()) && entry.index >= first.index
                        && entry.record.canChangeVisibility()) {
                    changes.add(new VisibilityChange(entry.record.messageId(), entry.record.eventSourceArn(),
                            entry.record.receiptHandle(), delay));
                }
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        return CallDeadline.within(invocationEnd.minus(RESPONSE_TIME), () -> visibility.changeVisibility(changes)).size();
    }
}

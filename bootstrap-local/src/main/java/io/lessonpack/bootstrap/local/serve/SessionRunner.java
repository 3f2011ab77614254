package io.lessonpack.bootstrap.local.serve;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GetLessonPackageQuery;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import io.lessonpack.bootstrap.local.bench.CountdownContext;
import io.lessonpack.domain.learner.UserId;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs posted sessions through the Lambda's own handler, the way the FIFO queue would feed it: one
 * message per invocation, grouped by learner ({@code MessageGroupId} = userId), with a fresh 60 s
 * countdown each time. One learner's sessions run one after another on that learner's lane, in the
 * order they were posted; different learners' lanes run at once on a bounded pool. A session the
 * handler reports failed comes back after the {@link RetryPolicy}'s delay with its receive count up
 * by one, as a redelivered message does, and its lane waits meanwhile, as a message group does.
 */
final class SessionRunner implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SessionRunner.class.getName());

    private final VoiceSessionHandler handler;
    private final GetLessonPackageQuery packages;
    private final ServeSettings settings;
    private final ExecutorService pool;
    private final ConcurrentMap<UserId, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();

    SessionRunner(VoiceSessionHandler handler, GetLessonPackageQuery packages, ServeSettings settings) {
        this.handler = handler;
        this.packages = packages;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.parallelLearners(), r -> {
            Thread t = new Thread(r, "serve-lane-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the session on its learner's lane, after the learner's sessions posted before it. */
    void submit(SessionBook.Entry entry, Instant sentAt) {
        UserId user = entry.command().userId();
        CompletableFuture<Void> tail = lanes.compute(user, (u, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous.exceptionally(e -> null))
                        .thenComposeAsync(v -> attempt(entry, sentAt, 1), pool));
        tail.whenComplete((v, e) -> lanes.remove(user, tail));
    }

    private CompletableFuture<Void> attempt(SessionBook.Entry entry, Instant sentAt, int attempt) {
        return CompletableFuture.supplyAsync(() -> invoke(entry, sentAt, attempt), pool).thenCompose(failed -> {
            if (failed && attempt < settings.retry().maxAttempts()) {
                long delay = settings.retry().delayBefore(attempt + 1).toMillis();
                LogEvent.of("serve.retry_scheduled").with("sessionId", entry.command().sessionId())
                        .with("attempt", attempt + 1).with("delayMs", delay).info(LOG);
                return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, pool))
                        .thenCompose(v -> attempt(entry, sentAt, attempt + 1));
            }
            GenerateDailyPackageCommand c = entry.command();
            entry.finish(failed, () -> packages.lessonPackage(c.userId(), c.language()).orElse(null));
            SessionBook.View view = entry.view();
            LogEvent.of("serve.session_done").with("sessionId", c.sessionId()).with("userId", c.userId())
                    .with("status", view.status().json()).with("reason", view.reason()).with("attempts", attempt)
                    .info(LOG);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** One invocation of the handler with the session's message; true when the handler reports it failed. */
    private boolean invoke(SessionBook.Entry entry, Instant sentAt, int attempt) {
        entry.attempt(attempt);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(entry.messageId());
        message.setBody(entry.body());
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of(
                "MessageGroupId", entry.command().userId().value(),
                "ApproximateReceiveCount", String.valueOf(attempt),
                "SentTimestamp", String.valueOf(sentAt.toEpochMilli())));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        try {
            SQSBatchResponse response = handler.handleRequest(event, new CountdownContext(settings.invocationBudget()));
            return !response.getBatchItemFailures().isEmpty();
        } catch (RuntimeException e) {
            // The handler throws only on a batch it cannot describe; for the queue that is a failed invocation.
            LogEvent.of("serve.invocation_threw").with("sessionId", entry.command().sessionId())
                    .with("errorType", e.getClass().getName()).error(LOG);
            return true;
        }
    }

    /** Stops the lanes: a generation in flight is interrupted, queued sessions are dropped. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

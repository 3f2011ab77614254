package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.ProgressStep;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The server's progress listener: numbers each step of every generation, keeps the last ones for a
 * stream that reconnects, and hands each to the session book and to every open event stream. It
 * runs on the generation's thread, so it never blocks: a stream that falls {@link #STREAM_BACKLOG}
 * steps behind is ended (its client reconnects with {@code Last-Event-ID} and is replayed from the
 * history).
 *
 * <p>Numbering, keeping and handing out happen under one lock, so every stream sees the steps in
 * the order of their ids even when two learners' generations step at once.
 */
public final class ProgressHub implements GenerationProgressPort, AutoCloseable {

    /** Steps one stream may have waiting before it is ended as too slow. */
    static final int STREAM_BACKLOG = 1000;

    /** A numbered step: the id is the event stream's {@code id:}. */
    public record Event(long id, ProgressStep step) {
    }

    private static final Event END = new Event(0, null);

    private final int historySize;
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final List<Subscription> streams = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private long lastId;
    private boolean closed;

    /** A hub keeping the last {@code historySize} steps. */
    public ProgressHub(int historySize) {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be positive");
        }
        this.historySize = historySize;
    }

    /** Adds a listener that hears every step, on the generation's thread; it must be quick. */
    void listen(Consumer<Event> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public synchronized void step(ProgressStep step) {
        Event event = new Event(++lastId, step);
        history.addLast(event);
        if (history.size() > historySize) {
            history.removeFirst();
        }
        listeners.forEach(l -> l.accept(event));
        streams.removeIf(s -> !s.offer(event));
    }

    /** Opens a stream of the steps {@code filter} accepts from now on: each new one, none kept before. */
    synchronized Subscription subscribe(Predicate<ProgressStep> filter) {
        return open(new Subscription(filter));
    }

    /**
     * Opens a stream of the steps {@code filter} accepts: first those kept with an id above
     * {@code afterId}, then each new one.
     */
    synchronized Subscription subscribe(Predicate<ProgressStep> filter, long afterId) {
        Subscription subscription = new Subscription(filter);
        history.stream().filter(e -> e.id() > afterId).forEach(subscription::offer);
        return open(subscription);
    }

    private Subscription open(Subscription subscription) {
        if (closed) {
            subscription.end();
        } else {
            streams.add(subscription);
        }
        return subscription;
    }

    synchronized void unsubscribe(Subscription subscription) {
        streams.remove(subscription);
    }

    /** Ends every open stream; steps heard afterwards are still numbered and kept. */
    @Override
    public synchronized void close() {
        closed = true;
        streams.forEach(Subscription::end);
        streams.clear();
    }

    /** One open event stream's queue of steps. */
    static final class Subscription {
        private final Predicate<ProgressStep> filter;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(STREAM_BACKLOG + 1);
        private volatile boolean open = true;

        private Subscription(Predicate<ProgressStep> filter) {
            this.filter = filter;
        }

        /** Queues the event if it passes the filter; false when the stream is too far behind (it is ended). */
        private boolean offer(Event event) {
            if (!filter.test(event.step())) {
                return true;
            }
            if (queue.size() >= STREAM_BACKLOG) {
                end();
                return false;
            }
            return queue.offer(event);
        }

        private void end() {
            open = false;
            queue.offer(END);
        }

        /** Whether steps may still come. */
        boolean open() {
            return open || queue.peek() != null && queue.peek() != END;
        }

        /** The next step, waiting at most {@code timeout}; empty on timeout or at the end of the stream. */
        Optional<Event> next(Duration timeout) throws InterruptedException {
            Event event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return event == null || event == END ? Optional.empty() : Optional.of(event);
        }
    }
}

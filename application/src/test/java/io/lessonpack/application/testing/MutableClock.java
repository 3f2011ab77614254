package io.lessonpack.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: {@link #set} jumps to an instant,
 * {@link #advance} moves it forward. Safe to read from several threads while a test moves it.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2025-03-03T23:59:59.999Z");
 * clock.advance(Duration.ofMillis(1));   // 2025-03-04T00:00:00Z, the next UTC day
 * }</pre>
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock in UTC showing {@code start}. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock in UTC showing the ISO-8601 instant {@code start}, e.g. {@code 2025-03-03T09:00:00Z}. */
    public static MutableClock at(String start) {
        return new MutableClock(Instant.parse(start));
    }

    /** Jumps to {@code instant} (backwards too, to model a clock that went back). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock forward by {@code duration} and returns the new instant. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that moves together with this clock. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}

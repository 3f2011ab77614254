package io.lessonpack.bootstrap.local.chaos;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The soak's simulated time, given to the local runtime as its only clock. The driver sets the
 * instant an invocation starts; on a thread bound to a {@link Lane} the clock reads that instant
 * plus the simulated time the lane has spent (a model's latency, the SDK calls), so a slow model in
 * one lane uses up that lane's deadline and not the others', as in a real invocation whose lanes
 * run side by side. Real time never moves it.
 */
final class SoakClock extends Clock {

    private volatile Instant base;

    SoakClock(Instant start) {
        this.base = Objects.requireNonNull(start, "start");
    }

    /** Sets the time outside any lane: the start of the next invocation, or the driver's now. */
    void set(Instant instant) {
        this.base = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        Instant now = base;
        return Lanes.current().map(lane -> now.plus(lane.elapsed())).orElse(now);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the soak clock is UTC only");
    }
}

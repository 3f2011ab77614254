package io.lessonpack.bootstrap.local.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The demo's simulated time: set to each batch's processing instant, so days pass in seconds. */
final class DemoClock extends Clock {

    private volatile Instant now;

    DemoClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo clock is UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}

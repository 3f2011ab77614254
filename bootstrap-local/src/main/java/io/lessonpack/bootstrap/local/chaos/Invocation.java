package io.lessonpack.bootstrap.local.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One simulated Lambda invocation: when it started, its lanes (one per learner of the batch), the
 * faults that fired in it, and whether its process died. The driver creates the lanes of the
 * batch's learners in batch order before the handler runs, so which lane gets which random source
 * and which planned fault does not depend on thread timing.
 */
final class Invocation {

    /** A fault that fired, for the report and for telling which receives met a fault. */
    record Fired(FaultClass fault, String userId, String sessionId) {
    }

    private final int number;
    private final long seed;
    private final Instant start;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Fired> fired = new ArrayList<>();
    private volatile boolean died;

    Invocation(int number, long seed, Instant start) {
        this.number = number;
        this.seed = seed;
        this.start = Objects.requireNonNull(start, "start");
    }

    int number() {
        return number;
    }

    long seed() {
        return seed;
    }

    Instant start() {
        return start;
    }

    /** Creates the lane of a learner of the batch (the driver does, in batch order). */
    synchronized Lane openLane(String userId, long laneSeed) {
        return lanes.computeIfAbsent(userId, u -> new Lane(this, u, laneSeed));
    }

    /**
     * The lane of {@code userId}; one the driver did not open (a learner id only the parser reads
     * the same way) gets a seed from the invocation's and the id's.
     */
    synchronized Lane lane(String userId) {
        return lanes.computeIfAbsent(userId, u -> new Lane(this, u, seed ^ u.hashCode()));
    }

    /** The lanes in the order they were opened (the batch's order). */
    synchronized List<Lane> lanes() {
        return List.copyOf(lanes.values());
    }

    synchronized void fired(FaultClass fault, String userId, String sessionId) {
        fired.add(new Fired(fault, userId, sessionId));
    }

    synchronized List<Fired> fired() {
        return List.copyOf(fired);
    }

    void died() {
        died = true;
    }

    /** Whether a process death was injected: the invocation's answer is lost. */
    boolean dead() {
        return died;
    }

    /** The simulated time the invocation took: as long as its slowest lane. */
    Duration duration() {
        return lanes().stream().map(Lane::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}

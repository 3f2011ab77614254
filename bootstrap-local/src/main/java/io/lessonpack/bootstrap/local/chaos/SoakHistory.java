package io.lessonpack.bootstrap.local.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the driver saw while the soak ran, for the report and the invariants: every invocation, every
 * receive of every message and what came of it, the learners' {@code lastProcessedAt} after each
 * invocation that touched them, each new package version as it appeared, and which analysis results
 * each message attempt read.
 */
final class SoakHistory {

    /** One invocation. */
    record InvocationRecord(int number, Instant start, Instant end, int messages, boolean died, boolean timedOut,
            List<Invocation.Fired> fired) {

        /** Whether its answer was lost: the queue saw neither deletes nor visibility changes. */
        boolean lost() {
            return died || timedOut;
        }
    }

    /**
     * One receive of a message.
     *
     * @param outcome      {@code created}, {@code updated}, {@code skipped REASON}, {@code failed REASON}
     * @param acknowledged whether the message was deleted after it (a lost answer deletes nothing)
     * @param faulted      whether an injected fault touched it: its invocation died, or a fault fired
     *                     for a learner of its message group
     */
    record Receive(String messageId, int receiveCount, int invocation, Instant at, String outcome, boolean acknowledged,
            boolean faulted) {
    }

    /**
     * A learner's {@code lastProcessedAt} in one language after an invocation.
     *
     * @param stored the watermark as stored; null when it was not set ({@link #value()} reads it as an
     *               {@code Optional})
     */
    record Watermark(int invocation, Instant invocationStart, Instant invocationEnd, String stored) {

        /** The watermark as stored; empty when it was not set. */
        Optional<String> value() {
            return Optional.ofNullable(stored);
        }
    }

    /** A package version as it first appeared, with the words its new lesson introduced. */
    record Version(String userId, String code, String packageId, long version, String tag, List<String> newWords,
            int invocation) {
    }

    /**
     * The analysis results the analysis table's answers brought to one message attempt, for a
     * lesson (or a skip) in the language {@code code}, in invocation {@code invocation}.
     */
    record Read(String userId, String code, Set<String> analysisIds, int invocation, Instant at) {
    }

    private final List<InvocationRecord> invocations = new ArrayList<>();
    private final Map<String, List<Receive>> receives = new LinkedHashMap<>();
    private final Map<String, List<Watermark>> watermarks = new TreeMap<>();
    private final List<Version> versions = new ArrayList<>();
    private final Map<String, Long> lastVersion = new HashMap<>();
    private final List<Read> reads = new ArrayList<>();
    private final Map<FaultClass, Integer> fired = new EnumMap<>(FaultClass.class);
    private final Map<String, Integer> outcomes = new TreeMap<>();

    void invocation(InvocationRecord record) {
        invocations.add(record);
        record.fired().forEach(f -> fired.merge(f.fault(), 1, Integer::sum));
    }

    void receive(Receive receive) {
        receives.computeIfAbsent(receive.messageId(), k -> new ArrayList<>()).add(receive);
        outcomes.merge(receive.outcome(), 1, Integer::sum);
    }

    void watermark(String userId, String code, Watermark sample) {
        watermarks.computeIfAbsent(userId + " " + code, k -> new ArrayList<>()).add(sample);
    }

    /** Records a version when it is newer than the last one seen of its package; returns whether it was. */
    boolean version(Version version) {
        long last = lastVersion.getOrDefault(version.packageId(), 0L);
        if (version.version() <= last) {
            return false;
        }
        lastVersion.put(version.packageId(), version.version());
        versions.add(version);
        return true;
    }

    void read(Read read) {
        reads.add(read);
    }

    /** A day-boundary session was processed after midnight. */
    void dayBoundary() {
        fired.merge(FaultClass.DAY_BOUNDARY, 1, Integer::sum);
    }

    List<InvocationRecord> invocations() {
        return invocations;
    }

    /** Every receive, by message id in first-receive order. */
    Map<String, List<Receive>> receives() {
        return receives;
    }

    /** The samples by {@code "<userId> <code>"}. */
    Map<String, List<Watermark>> watermarks() {
        return watermarks;
    }

    List<Version> versions() {
        return versions;
    }

    List<Read> reads() {
        return reads;
    }

    /** Faults that fired, by class. */
    Map<FaultClass, Integer> fired() {
        return fired;
    }

    /** Receives by outcome. */
    Map<String, Integer> outcomes() {
        return outcomes;
    }

    int receiveCount() {
        return receives.values().stream().mapToInt(List::size).sum();
    }
}

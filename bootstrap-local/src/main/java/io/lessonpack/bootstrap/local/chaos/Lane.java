package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.logging.LogEvent;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One learner's lane within one invocation, as the queue side runs it: its messages in order, on
 * one thread. The lane carries what the soak needs to be deterministic whatever the other lanes do:
 * its own simulated time (the model's latency passes here, not in other lanes), its own random
 * source, its own ids, the faults planned for its message attempts, and whether its process died.
 *
 * <p>A lane is used by one thread at a time: the lane's thread while the invocation runs (bound
 * through {@link Lanes}), the driver's after it returned.
 */
final class Lane {

    private static final Logger LOG = System.getLogger(Lane.class.getName());

    /** What happens to one external call. */
    enum Fate {
        /** The call goes ahead. */
        PROCEED,
        /** The call fails: the process is dead (or dies now, before the call is sent). */
        FAIL,
        /** The call goes ahead, then the process dies before its answer arrives. */
        DIE_AFTER,
        /** The planned fault of the attempt fires at this call: the caller injects it. */
        INJECT
    }

    private final Invocation invocation;
    private final String userId;
    private final Random random;
    private final Deque<Planned> plans = new ArrayDeque<>();
    private final List<FaultPlan> unfired = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private volatile long elapsedNanos;
    private volatile boolean dead;
    private int ids;

    private String sessionId = "";
    private String languageCode = "";
    private Set<String> analysisRead = new LinkedHashSet<>();
    private FaultPlan plan;
    private boolean fired;
    private int calls;
    private int dynamoDbCalls;
    private int modelCalls;
    private int keyCalls;
    private int publishes;
    private int transactions;
    private String modelToken;

    Lane(Invocation invocation, String userId, long seed) {
        this.invocation = Objects.requireNonNull(invocation, "invocation");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.random = new Random(seed);
    }

    String userId() {
        return userId;
    }

    Random random() {
        return random;
    }

    /**
     * What was planned for one message attempt (the queue of plans holds no nulls).
     *
     * @param planOrNull the fault planned for the attempt; null when none is
     */
    private record Planned(FaultPlan planOrNull) {
    }

    /**
     * Plans a fault (or none) for the lane's next message attempt, in batch order.
     *
     * @param next the fault planned for the attempt; null to plan none
     */
    void plan(FaultPlan next) {
        plans.add(new Planned(next));
    }

    /**
     * One message attempt of the lane, and the analysis results its reads of the analysis table
     * returned to it (by {@code analysisId}).
     */
    record Attempt(String sessionId, String languageCode, Set<String> analysisRead) {
        Attempt {
            analysisRead = Set.copyOf(analysisRead);
        }
    }

    /** A message attempt starts on the lane's thread: it takes the next planned fault. */
    void beginAttempt(String session, String code) {
        Planned next = plans.poll();
        plan = next == null ? null : next.planOrNull();
        sessionId = session;
        languageCode = code;
        analysisRead = new LinkedHashSet<>();
        fired = false;
        calls = 0;
        dynamoDbCalls = 0;
        modelCalls = 0;
        keyCalls = 0;
        publishes = 0;
        transactions = 0;
        modelToken = null;
    }

    /** The attempt ended; its planned fault, when it never fired (the attempt never reached its call), is kept. */
    void endAttempt() {
        if (plan != null && !fired) {
            unfired.add(plan);
        }
        plan = null;
        attempts.add(new Attempt(sessionId, languageCode, analysisRead));
    }

    /** An answer of the analysis table reached the current attempt with these results. */
    void analysisRead(List<String> analysisIds) {
        analysisRead.addAll(analysisIds);
    }

    /** The lane's attempts, in order. */
    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /**
     * The planned faults that did not fire, in order: those of attempts that never reached their
     * call, then those of messages never attempted. The driver plans them again.
     */
    List<FaultPlan> unfiredPlans() {
        List<FaultPlan> all = new ArrayList<>(unfired);
        plans.stream().map(Planned::planOrNull).filter(Objects::nonNull).forEach(all::add);
        return all;
    }

    /**
     * Decides the fate of an external call about to be made by the current attempt.
     *
     * @param operation the SDK operation name, for the transaction target; may be empty
     */
    Fate enter(CallKind kind, String operation) {
        if (dead) {
            return Fate.FAIL;
        }
        calls++;
        int nth = switch (kind) {
            case DYNAMODB -> ++dynamoDbCalls;
            case MODEL -> ++modelCalls;
            case API_KEY -> ++keyCalls;
            case PUBLISH -> ++publishes;
        };
        boolean transaction = kind == CallKind.DYNAMODB && "TransactWriteItems".equals(operation);
        if (transaction) {
            transactions++;
        }
        if (plan == null || fired) {
            return Fate.PROCEED;
        }
        boolean hit = switch (plan.fault().target()) {
            case ANY_CALL -> calls == plan.target();
            case DYNAMODB_CALL -> kind == CallKind.DYNAMODB && nth == plan.target();
            case TRANSACTION -> transaction && transactions == 1;
            case PUBLISH -> kind == CallKind.PUBLISH && nth == 1;
            case API_KEY -> kind == CallKind.API_KEY && nth == 1;
            case MODEL -> kind == CallKind.MODEL && nth == 1;
            case SCHEDULE -> false;
        };
        if (!hit) {
            return Fate.PROCEED;
        }
        fired = true;
        invocation.fired(plan.fault(), userId, sessionId);
        LogEvent.of("chaos.fault").with("fault", plan.fault().name()).with("invocation", invocation.number())
                .with("userId", userId).with("sessionId", sessionId).with("call", kind.name())
                .with("operation", operation).with("callNumber", calls).info(LOG);
        if (plan.fault() == FaultClass.PROCESS_DEATH) {
            if (plan.afterCall()) {
                return Fate.DIE_AFTER;
            }
            die();
            return Fate.FAIL;
        }
        return Fate.INJECT;
    }

    /** The fault of the current attempt (after {@link #enter} answered {@link Fate#INJECT}). */
    FaultClass plannedFault() {
        return plan.fault();
    }

    /** The process dies: every later external call of this lane fails, and the invocation's answer is lost. */
    void die() {
        dead = true;
        invocation.died();
    }

    boolean dead() {
        return dead;
    }

    /** Simulated time this lane has spent since the invocation started. */
    Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Lets {@code duration} of simulated time pass in this lane. */
    void spend(Duration duration) {
        if (!duration.isNegative()) {
            elapsedNanos += duration.toNanos();
        }
    }

    /** The lane's current simulated instant. */
    Instant now() {
        return invocation.start().plusNanos(elapsedNanos);
    }

    /** The token the model requests of the current attempt carry, when their answers are scripted. */
    Optional<String> modelToken() {
        return Optional.ofNullable(modelToken);
    }

    void modelToken(String token) {
        this.modelToken = token;
    }

    /** The next id for a claim token or a new package: name-based, from the run, the invocation, the learner and a counter. */
    String nextId() {
        String name = invocation.seed() + "|" + invocation.number() + "|" + userId + "|" + (++ids);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

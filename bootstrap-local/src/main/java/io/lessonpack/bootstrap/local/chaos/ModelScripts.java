package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.bootstrap.local.bench.StandInFault;
import io.lessonpack.bootstrap.local.bench.StandInFaults;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scripted answers of the model stand-in, by bearer token: {@link FaultyAuthor} registers a
 * script for a request it wants answered with faults, {@link FaultyKeys} hands the adapter the
 * script's token as its API key, and the stand-in answers each attempt of that request with the
 * script's next step. A token nobody registered (every other request) is answered normally.
 */
final class ModelScripts implements StandInFaults {

    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    /**
     * One attempt's answer in a script.
     *
     * @param faultOrNull the fault to answer the attempt with; null to answer it normally
     */
    private record Step(StandInFault faultOrNull) {
        static final Step ANSWER = new Step(null);

        Optional<StandInFault> fault() {
            return Optional.ofNullable(faultOrNull);
        }
    }

    /**
     * Registers the answers for a model fault of {@code fault}'s class and returns the token that
     * selects them: a 429 or a 500 once and then a lesson, or on every attempt (the adapter's retries
     * exhausted); a refusal; a truncated answer.
     */
    String script(FaultClass fault, Random random) {
        List<Step> steps = switch (fault) {
            case MODEL_RATE_LIMITED -> repeated(StandInFault.RATE_LIMITED, random.nextBoolean());
            case MODEL_SERVER_ERROR -> repeated(StandInFault.SERVER_ERROR, random.nextBoolean());
            case MODEL_REFUSAL -> List.of(new Step(StandInFault.REFUSAL));
            case MODEL_TRUNCATED -> List.of(new Step(StandInFault.TRUNCATED));
            default -> throw new IllegalArgumentException(fault + " is not scripted on the model stand-in");
        };
        String token = "chaos-model-script-" + tokens.incrementAndGet();
        scripts.put(token, new ArrayDeque<>(steps));
        return token;
    }

    /** {@code fault} on four attempts in a row, or once and then a normal answer. */
    private static List<Step> repeated(StandInFault fault, boolean everyAttempt) {
        Step f = new Step(fault);
        return everyAttempt ? List.of(f, f, f, f) : List.of(f, Step.ANSWER);
    }

    /** Drops what is left of a script once its request is over. */
    void forget(String token) {
        scripts.remove(token);
    }

    @Override
    public Optional<StandInFault> next(String bearerToken) {
        Deque<Step> script = scripts.get(bearerToken);
        if (script == null) {
            return Optional.empty();
        }
        Step step = script.poll();
        return step == null ? Optional.empty() : step.fault();
    }
}

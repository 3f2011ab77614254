package io.lessonpack.bootstrap.local.chaos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses the faults of message attempts. Each attempt gets a fault with the run's fault rate; the
 * class comes from a shuffled deck holding every per-attempt class once, so that even a short soak
 * meets every class, and a planned fault that never fired (its attempt never reached the call it
 * targets: a skip makes no model request) goes back on top of the deck. The call it fires at is
 * drawn when it is dealt.
 */
final class FaultDeck {

    private final Random random;
    private final double rate;
    private final Deque<FaultClass> deck = new ArrayDeque<>();

    FaultDeck(Random random, double rate) {
        this.random = random;
        this.rate = rate;
    }

    /** The fault of the next message attempt, or none. */
    Optional<FaultPlan> deal() {
        if (random.nextDouble() >= rate) {
            return Optional.empty();
        }
        if (deck.isEmpty()) {
            List<FaultClass> classes = new ArrayList<>();
            for (FaultClass c : FaultClass.values()) {
                if (c.perAttempt()) {
                    classes.add(c);
                }
            }
            Collections.shuffle(classes, random);
            deck.addAll(classes);
        }
        FaultClass fault = deck.poll();
        int target = switch (fault.target()) {
            case ANY_CALL -> 1 + random.nextInt(FaultPlan.CALLS_PER_ATTEMPT);
            case DYNAMODB_CALL -> 1 + random.nextInt(FaultPlan.DYNAMODB_CALLS_PER_ATTEMPT);
            default -> 1;
        };
        return Optional.of(new FaultPlan(fault, target, random.nextBoolean()));
    }

    /** Puts faults that did not fire back on top of the deck, to be dealt first, in their order. */
    void putBack(List<FaultPlan> unfired) {
        for (int i = unfired.size() - 1; i >= 0; i--) {
            deck.addFirst(unfired.get(i).fault());
        }
    }
}

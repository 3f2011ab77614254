package io.lessonpack.bootstrap.local.chaos;

import java.util.Objects;

/**
 * The fault planned for one message attempt: its class, the call it fires at (the n-th call of the
 * kind its class targets, 1-based) and, for a process death, whether the process dies after that
 * call took effect (its answer lost) or before it was sent.
 */
record FaultPlan(FaultClass fault, int target, boolean afterCall) {

    /** How many external calls of an attempt a death may land on; a lesson makes about fourteen. */
    static final int CALLS_PER_ATTEMPT = 14;
    /** How many DynamoDB calls of an attempt throttling may land on; a lesson makes about eleven. */
    static final int DYNAMODB_CALLS_PER_ATTEMPT = 11;

    FaultPlan {
        Objects.requireNonNull(fault, "fault");
        if (target < 1) {
            throw new IllegalArgumentException("target is 1-based, was " + target);
        }
    }
}

package io.lessonpack.bootstrap.local.bench;

import java.util.Optional;

/**
 * Chooses, for each request the {@link ModelStandIn} receives, whether to answer with a
 * {@link StandInFault} instead of a lesson. The request is known by the bearer token it was sent
 * with (the API key the adapter got from its key source), so a caller that controls the key source
 * can script the answers of its own requests, whatever other requests run at the same time.
 */
@FunctionalInterface
public interface StandInFaults {

    /**
     * The fault to answer this request with, or empty for a normal answer.
     *
     * @param bearerToken the request's {@code Authorization: Bearer} token, or an empty string
     */
    Optional<StandInFault> next(String bearerToken);

    /** Every request answered normally. */
    static StandInFaults none() {
        return token -> Optional.empty();
    }
}

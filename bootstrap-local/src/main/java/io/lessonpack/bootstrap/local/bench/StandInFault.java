package io.lessonpack.bootstrap.local.bench;

/**
 * What the {@link ModelStandIn} may answer instead of a lesson, so the real OpenAI adapter meets the
 * failures a model has in production: each is answered on the wire as OpenAI answers it.
 */
public enum StandInFault {
    /** HTTP 429 with a short {@code retry-after-ms}: the adapter retries while its budget allows. */
    RATE_LIMITED(429),
    /** HTTP 500 with a short {@code retry-after-ms}: retried like a rate limit. */
    SERVER_ERROR(500),
    /** HTTP 200 whose message carries a {@code refusal} and no content. */
    REFUSAL(200),
    /** HTTP 200 with {@code finish_reason = length} and a cut-off JSON content. */
    TRUNCATED(200);

    /** The wait the stand-in asks for on a 429 or a 500, short so a soak spends little real time on it. */
    static final String RETRY_AFTER_MS = "50";

    private final int status;

    StandInFault(int status) {
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}

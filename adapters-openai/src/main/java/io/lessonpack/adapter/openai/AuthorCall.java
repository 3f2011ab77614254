package io.lessonpack.adapter.openai;

import com.openai.core.http.Headers;
import io.lessonpack.application.logging.EmbeddedMetrics;
import io.lessonpack.application.logging.EmbeddedMetrics.DimensionSet;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorException.Kind;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One write or repair as it goes: the attempts made, the last HTTP status and request id, the
 * {@code author.call} log line of each attempt (operation, model, attempt, status, latency,
 * request id, tokens, finish reason, outcome and the action taken), and the failure message. Ids,
 * codes and figures only: never learner text, model text, an SDK message or the key.
 *
 * <p>Each line carries the attempt's latency as the metric {@value #LATENCY} (Milliseconds, by
 * {@code outcome}: ok, rate_limited, server_error, timeout, ...), in CloudWatch's embedded metric
 * format. Every line is of an attempt that sent a request; a call refused for lack of time before
 * any request has no line, so no latency.
 */
final class AuthorCall {

    /** The metric (and field) of a model attempt's latency, in milliseconds, by {@code outcome}. */
    static final String LATENCY = "latencyMs";

    private static final Logger LOG = System.getLogger(OpenAiLessonAuthorAdapter.class.getName());
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final String operation;
    private final String model;
    private final Clock clock;
    private int attempt;
    private int status;
    private String requestId;

    AuthorCall(String operation, String model, Clock clock) {
        this.operation = operation;
        this.model = model;
        this.clock = clock;
    }

    String operation() {
        return operation;
    }

    /** Attempts started so far. */
    int attempts() {
        return attempt;
    }

    void startAttempt() {
        attempt++;
    }

    /** Notes the status and request id of the answer to the current attempt (0 and null for none). */
    void noted(int httpStatus, Headers headers) {
        status = httpStatus;
        requestId = null;
        if (headers != null) {
            List<String> ids = headers.values("x-request-id");
            if (!ids.isEmpty() && REQUEST_ID.matcher(ids.get(0)).matches()) {
                requestId = ids.get(0);
            }
        }
    }

    LessonAuthorException failure(Kind kind, String reason) {
        return new LessonAuthorException(kind, "OpenAI " + operation + " with model " + model + " failed: "
                + kind + " (" + reason + ") after " + attempt + " attempt(s); last HTTP status "
                + (status == 0 ? "none" : String.valueOf(status)) + ", request id "
                + (requestId == null ? "none" : requestId));
    }

    /** The line of an attempt that returned an answer. */
    void logAnswer(Instant started, ChatAnswer answer, String outcome, String action) {
        LogEvent line = attemptLine(started, outcome, action)
                .with("promptTokens", answer.usage().promptTokens())
                .with("cachedTokens", answer.usage().cachedTokens())
                .with("completionTokens", answer.usage().completionTokens())
                .with("finishReason", answer.finishReasonCode());
        if ("ok".equals(outcome)) {
            line.info(LOG);
        } else {
            line.warn(LOG);
        }
    }

    /** The line of an attempt that returned no answer. */
    void logAttempt(Instant started, String outcome, String action, Duration wait, RuntimeException error) {
        attemptLine(started, outcome, action)
                .with("waitMs", wait == null ? null : wait.toMillis())
                // The type only: an SDK exception's message can hold the answer or the error body.
                .with("errorType", error == null ? null : error.getClass().getSimpleName())
                .warn(LOG);
    }

    private LogEvent attemptLine(Instant started, String outcome, String action) {
        Instant now = clock.instant();
        long latencyMs = Duration.between(started, now).toMillis();
        return LogEvent.of("author.call")
                .with("operation", operation)
                .with("model", model)
                .with("attempt", attempt)
                .with("status", status)
                .with(LATENCY, latencyMs)
                .with("requestId", requestId)
                .with("outcome", outcome)
                .with("action", action)
                .metrics(EmbeddedMetrics.at(now).milliseconds(LATENCY, latencyMs, DimensionSet.of("outcome")));
    }
}

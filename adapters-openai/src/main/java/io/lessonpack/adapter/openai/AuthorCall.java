package io.lessonpack.adapter.openai;

import com.openai.core.http.Headers;
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
 */
final class AuthorCall {

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
        return LogEvent.of("author.call")
                .with("operation", operation)
                .with("model", model)
                .with("attempt", attempt)
                .with("status", status)
                .with("latencyMs", Duration.between(started, clock.instant()).toMillis())
                .with("requestId", requestId)
                .with("outcome", outcome)
                .with("action", action);
    }
}

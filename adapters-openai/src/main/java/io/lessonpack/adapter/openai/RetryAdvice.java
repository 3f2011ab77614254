package io.lessonpack.adapter.openai;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an OpenAI error says about trying again: whether to retry at all (OpenAI's
 * {@code x-should-retry} hint first, then the status), how long the server asked to wait, how long
 * to wait when it did not say, and a short code for the status in logs and failure messages.
 */
final class RetryAdvice {

    /** Waits between retries when the server names none: 0.5 s, 1 s, 2 s, ..., at most 4 s. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    private RetryAdvice() {
    }

    static boolean shouldRetry(OpenAIServiceException e) {
        // OpenAI's own hint wins, as in the SDK's retry policy.
        List<String> hint = e.headers().values("x-should-retry");
        if (!hint.isEmpty()) {
            return "true".equalsIgnoreCase(hint.get(0).strip());
        }
        int status = e.statusCode();
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    static String outcomeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 408 -> "request_timeout";
            case 409 -> "conflict";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
    }

    /**
     * The wait the server asked for: {@code retry-after-ms} (OpenAI's, in milliseconds) first, then
     * {@code Retry-After} in seconds or as an HTTP date. Unreadable values count as absent.
     */
    static Optional<Duration> retryAfter(Headers headers, Instant now) {
        List<String> millis = headers.values("retry-after-ms");
        if (!millis.isEmpty() && DECIMAL.matcher(millis.get(0).strip()).matches()) {
            return Optional.of(Duration.ofNanos((long) (Double.parseDouble(millis.get(0).strip()) * 1_000_000)));
        }
        List<String> after = headers.values("retry-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        String value = after.get(0).strip();
        if (DECIMAL.matcher(value).matches()) {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1_000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Duration backoff(int retries) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retries, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}

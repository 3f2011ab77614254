package io.lessonpack.adapter.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.ApiKeyUnavailableException;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException.Kind;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.time.CallDeadline;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.Violation;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lesson author on GPT-4o (or any OpenAI-compatible model), through the official openai-java
 * SDK's Chat Completions API with structured outputs.
 *
 * <p>Each {@link #write} or {@link #repair} sends one request: the static system message, then the
 * learner's brief as delimited JSON in the user message ({@link PromptBuilder}), with a strict JSON
 * schema derived from {@link LessonAnswer} and no tools. The answer becomes a {@link PackageDraft};
 * the user id, language and package id never come from the model, and the service checks every
 * draft against the domain's rules.
 *
 * <p>Time: every call runs within an {@link AuthorBudget}. An attempt (the first or a retry) is
 * only started when at least the budget's minimum is left, measured after the key was fetched
 * (the fetch itself is bounded by the budget's deadline), and may then run until the budget's
 * deadline: there is no shorter cap than {@link OpenAiAuthorConfig#requestTimeout()}, which is set
 * above any invocation. An attempt cut off by the budget's deadline is {@link Kind#DEADLINE}; one
 * not started for lack of time is {@link Kind#NO_TIME}, and no request is sent.
 *
 * <p>Failures are {@link LessonAuthorException}s of a {@link Kind}:
 * <ul>
 *   <li>429, 5xx, 408, 409 and network faults are retried up to {@code maxRetries} times, after the
 *       server's {@code retry-after-ms} / {@code Retry-After} or a short backoff, but only when the
 *       retry would still get the budget's minimum after the wait; otherwise it fails at once as
 *       {@link Kind#NO_TIME} without sleeping, so the queue retries the message soon. Exhausted
 *       retries are {@link Kind#UNAVAILABLE};</li>
 *   <li>a 401 fetches the key again ({@link ApiKeyPort#refreshApiKey()}) once and retries once; a
 *       second 401, and any other 4xx, is {@link Kind#REJECTED};</li>
 *   <li>a refusal or a content filter stop is {@link Kind#REFUSED}, {@code finish_reason = length}
 *       is {@link Kind#TRUNCATED}, an answer that is not the schema's JSON is
 *       {@link Kind#UNPARSEABLE}. These are not retried here: the message fails and SQS retries.</li>
 * </ul>
 * Exception messages name the operation, the model, the reason, the HTTP status and the request id;
 * they never hold the answer, the prompt or the key, and never wrap the SDK's exception, whose
 * message can hold the whole answer or error body.
 *
 * <p>Every HTTP attempt writes one {@code author.call} log line ({@link AuthorCall}).
 *
 * <p>Usage: {@link AuthorUsage#calls()} counts requests that returned an answer, which is 1 for a
 * successful write or repair (the service adds the repair's usage to the write's). Attempts that
 * returned no answer (429, 5xx, 401, network faults) cost no tokens and are not counted; the log
 * lines show them.
 *
 * <p>SnapStart: the constructor derives the schema and reads no key; the key is fetched at the
 * first request and set per request on a view of the one client that shares its connection pool.
 *
 * <pre>{@code
 * OpenAiAuthorConfig config = OpenAiAuthorConfig.fromEnvironment(System.getenv());
 * LessonAuthorPort author = new OpenAiLessonAuthorAdapter(OpenAiClients.create(config), apiKeys, config,
 *         Clock.systemUTC());
 * }</pre>
 */
public final class OpenAiLessonAuthorAdapter implements LessonAuthorPort {

    private static final Logger LOG = System.getLogger(OpenAiLessonAuthorAdapter.class.getName());

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final OpenAIClient client;
    private final ApiKeyPort keys;
    private final OpenAiAuthorConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ChatCompletionCreateParams.ResponseFormat responseFormat;
    private final String author;
    private final KeyedClients keyedClients;

    /**
     * Builds the adapter; reads no key and makes no call.
     *
     * @param client the client from {@link OpenAiClients#create}, built once per process
     * @param keys   where the API key comes from, at the first request and after a 401
     * @param config the model and the bounds of every call
     * @param clock  the clock deadlines are measured on
     */
    public OpenAiLessonAuthorAdapter(OpenAIClient client, ApiKeyPort keys, OpenAiAuthorConfig config, Clock clock) {
        this(client, keys, config, clock, Thread::sleep);
    }

    OpenAiLessonAuthorAdapter(OpenAIClient client, ApiKeyPort keys, OpenAiAuthorConfig config, Clock clock,
            Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.responseFormat = responseFormat();
        this.author = "openai:" + config.model();
        this.keyedClients = new KeyedClients(this.client);
    }

    /**
     * The {@code response_format} for {@link LessonAnswer}: a strict JSON schema the SDK derives
     * from the records and checks against OpenAI's structured-output rules (it throws if the type
     * cannot be expressed). Derived once; the dummy model and message only satisfy the builder.
     */
    static ChatCompletionCreateParams.ResponseFormat responseFormat() {
        return ChatCompletionCreateParams.builder()
                .model(OpenAiAuthorConfig.DEFAULT_MODEL)
                .addUserMessage("-")
                .responseFormat(LessonAnswer.class)
                .build()
                .rawParams()
                .responseFormat()
                .orElseThrow(() -> new IllegalStateException("the SDK derived no response format"));
    }

    /** The author name stored on packages this adapter writes: {@code openai:} and the model id. */
    public String author() {
        return author;
    }

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        Objects.requireNonNull(brief, "brief");
        return call("write", PromptBuilder.writeMessage(brief), budget);
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(violations, "violations");
        return call("repair", PromptBuilder.repairMessage(brief, previous, violations), budget);
    }

    /** The request for one user message: always the same system message first, no tools. */
    ChatCompletionCreateParams params(String userMessage) {
        return ChatCompletionCreateParams.builder()
                .model(config.model())
                .addSystemMessage(PromptBuilder.SYSTEM_MESSAGE)
                .addUserMessage(userMessage)
                .responseFormat(responseFormat)
                .maxCompletionTokens(config.maxCompletionTokens())
                .temperature(config.temperature())
                .build();
    }

    private AuthoredDraft call(String operation, String userMessage, AuthorBudget budget) {
        Objects.requireNonNull(budget, "budget");
        ChatCompletionCreateParams params = params(userMessage);
        AuthorCall call = new AuthorCall(operation, config.model(), clock);
        String key = null;
        boolean refreshed = false;
        int retries = 0;
        while (true) {
            requireTimeForAnAttempt(call, budget);
            if (key == null) {
                key = key(call, budget, false);
                // Again after the fetch: a slow Secrets Manager answer is spent from the author's budget.
                requireTimeForAnAttempt(call, budget);
            }
            Duration left = budget.leftAt(clock.instant());
            call.startAttempt();
            Duration timeout = min(config.requestTimeout(), left);
            boolean boundedByBudget = timeout.equals(left);
            RequestOptions options = RequestOptions.builder()
                    .timeout(Timeout.builder().connect(min(config.connectTimeout(), timeout)).request(timeout).build())
                    .build();
            Instant started = clock.instant();
            try {
                HttpResponseFor<ChatCompletion> response = keyedClients.withKey(key).chat().completions().withRawResponse()
                        .create(params, options);
                return read(call, response, started);
            } catch (UnauthorizedException e) {
                call.noted(e.statusCode(), e.headers());
                if (refreshed) {
                    call.logAttempt(started, "unauthorized", "fail", null, e);
                    throw call.failure(Kind.REJECTED, "unauthorized_after_key_refresh");
                }
                call.logAttempt(started, "unauthorized", "refresh_key", null, e);
                refreshed = true;
                key = key(call, budget, true);
            } catch (OpenAIServiceException e) {
                call.noted(e.statusCode(), e.headers());
                String outcome = RetryAdvice.outcomeOf(e.statusCode());
                if (!RetryAdvice.shouldRetry(e)) {
                    call.logAttempt(started, outcome, "fail", null, e);
                    throw call.failure(Kind.REJECTED, outcome);
                }
                retries = awaitRetry(call, started, outcome, e, RetryAdvice.retryAfter(e.headers(), clock.instant()).orElse(null), retries,
                        budget);
            } catch (OpenAIIoException | OpenAIRetryableException e) {
                call.noted(0, null);
                boolean timedOut = e.getCause() instanceof InterruptedIOException;
                if (timedOut && boundedByBudget) {
                    // The model was slower than everything the budget had: the only cut a deadline makes.
                    call.logAttempt(started, "timeout", "fail_deadline", null, e);
                    throw call.failure(Kind.DEADLINE, "cut_by_deadline");
                }
                retries = awaitRetry(call, started, timedOut ? "timeout" : "io_error", e, null, retries,
                        budget);
            } catch (OpenAIInvalidDataException e) {
                // Thrown while reading a 2xx answer: the status and request id are already noted.
                call.logAttempt(started, "invalid_response", "fail", null, e);
                throw call.failure(Kind.UNPARSEABLE, "invalid_response");
            } catch (OpenAIException e) {
                call.noted(0, null);
                call.logAttempt(started, "client_error", "fail", null, e);
                throw call.failure(Kind.UNAVAILABLE, "client_error");
            }
        }
    }

    /** Fails as {@link Kind#NO_TIME}, before anything is sent, when an attempt could not get the budget's minimum. */
    private void requireTimeForAnAttempt(AuthorCall call, AuthorBudget budget) {
        if (!budget.allowsAttemptAt(clock.instant())) {
            throw call.failure(Kind.NO_TIME, call.attempts() == 0 ? "no_time_to_start" : "no_time_to_retry");
        }
    }

    /**
     * Waits before the next attempt, or fails: {@link Kind#UNAVAILABLE} when the retries are spent,
     * {@link Kind#NO_TIME} at once, without sleeping, when the wait would leave the next attempt
     * less than the budget's minimum.
     *
     * @param retryAfter the wait the server asked for; null when it asked for none (then the backoff applies)
     * @return the retries used so far, this one included
     */
    private int awaitRetry(AuthorCall call, Instant started, String outcome, RuntimeException error,
            Duration retryAfter, int retries, AuthorBudget budget) {
        if (retries >= config.maxRetries()) {
            call.logAttempt(started, outcome, "fail", retryAfter, error);
            throw call.failure(Kind.UNAVAILABLE, outcome + "_retries_exhausted");
        }
        Duration wait = retryAfter != null ? retryAfter : RetryAdvice.backoff(retries);
        if (!budget.allowsAttemptAt(clock.instant().plus(wait))) {
            call.logAttempt(started, outcome, "fail_no_time", wait, error);
            throw call.failure(Kind.NO_TIME, retryAfter != null ? outcome + "_retry_after_beyond_budget"
                    : outcome + "_no_time_to_retry");
        }
        call.logAttempt(started, outcome, "retry", wait, error);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw call.failure(Kind.UNAVAILABLE, "interrupted");
        }
        return retries + 1;
    }

    /**
     * Reads a 2xx answer: classifies it, or maps it to a draft. An answer the SDK cannot read
     * throws {@link OpenAIInvalidDataException}, which the retry loop reports as unparseable.
     */
    private AuthoredDraft read(AuthorCall call, HttpResponseFor<ChatCompletion> response, Instant started) {
        call.noted(response.statusCode(), response.headers());
        ChatAnswer answer = new ChatAnswer(response.parse());
        if (!answer.hasChoice()) {
            return reject(call, started, answer, Kind.UNPARSEABLE, "no_choice");
        }
        if (answer.refusal().filter(r -> !r.isBlank()).isPresent()) {
            return reject(call, started, answer, Kind.REFUSED, "refusal");
        }
        if (answer.finishReason() == FinishReason.Value.LENGTH) {
            return reject(call, started, answer, Kind.TRUNCATED, "truncated");
        }
        if (answer.finishReason() == FinishReason.Value.CONTENT_FILTER) {
            return reject(call, started, answer, Kind.REFUSED, "content_filter");
        }
        // Any other finish reason (stop is the normal one) is judged by whether the content parses.
        if (answer.content().filter(c -> !c.isBlank()).isEmpty()) {
            return reject(call, started, answer, Kind.UNPARSEABLE, "no_content");
        }
        Optional<LessonAnswer> parsed = answer.lessonAnswer();
        if (parsed.isEmpty()) {
            return reject(call, started, answer, Kind.UNPARSEABLE, "invalid_json");
        }
        call.logAnswer(started, answer, "ok", "done");
        return new AuthoredDraft(parsed.get().toDraft(), author, answer.usage());
    }

    private AuthoredDraft reject(AuthorCall call, Instant started, ChatAnswer answer, Kind kind, String reason) {
        call.logAnswer(started, answer, reason, "fail");
        throw call.failure(kind, reason);
    }

    /** The key, fetched within the author's budget (the fetch's own calls end by its deadline). */
    private String key(AuthorCall call, AuthorBudget budget, boolean refresh) {
        String key;
        try {
            key = CallDeadline.within(budget.deadline(), () -> refresh ? keys.refreshApiKey() : keys.apiKey());
        } catch (RuntimeException e) {
            // The provider's message is its own business; the type is enough to find its log line.
            boolean retryable = !(e instanceof ApiKeyUnavailableException unavailable) || unavailable.retryable();
            LogEvent.of("author.key_unavailable").with("operation", call.operation()).with("model", config.model())
                    .with("refresh", refresh).with("errorType", e.getClass().getName()).with("retryable", retryable)
                    .warn(LOG);
            throw call.failure(retryable ? Kind.UNAVAILABLE : Kind.REJECTED, "api_key_unavailable");
        }
        if (key == null || key.isBlank()) {
            throw call.failure(Kind.REJECTED, "api_key_blank");
        }
        return key;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

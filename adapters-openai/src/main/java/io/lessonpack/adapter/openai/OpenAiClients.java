package io.lessonpack.adapter.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.Timeout;
import java.util.Objects;

/**
 * Builds the one {@link OpenAIClient} a process uses, for {@link OpenAiLessonAuthorAdapter}.
 *
 * <p>What it sets and why:
 * <ul>
 *   <li>no API key: the SDK would otherwise need one at build time, and a key fetched during
 *       SnapStart init would live in the snapshot. The client carries the placeholder
 *       {@value #NO_KEY}, which OpenAI rejects; the adapter sets the real key per request with
 *       {@code withOptions}, which shares this client's OkHttp connection pool and dispatcher.
 *       Nothing is read from {@code OPENAI_API_KEY} or any other variable or system property
 *       (the SDK's {@code fromEnv()} is not called);</li>
 *   <li>SDK retries off: the adapter retries itself, within the invocation's deadline, and fails fast
 *       on a {@code Retry-After} it cannot wait for;</li>
 *   <li>explicit connect and request timeouts (the adapter shortens the request timeout per attempt
 *       to the time left);</li>
 *   <li>SDK logging off, whatever {@code OPENAI_LOG} says: its debug log prints request bodies,
 *       which hold learner text.</li>
 * </ul>
 *
 * <pre>{@code
 * OpenAiAuthorConfig config = OpenAiAuthorConfig.fromEnvironment(System.getenv());
 * LessonAuthorPort author = new OpenAiLessonAuthorAdapter(OpenAiClients.create(config), apiKeys, config,
 *         Clock.systemUTC());
 * }</pre>
 */
public final class OpenAiClients {

    /** The key the client is built with; never valid, replaced on every request. */
    static final String NO_KEY = "no-key-at-build-time";

    private OpenAiClients() {
    }

    /** Builds the client for {@code config}; makes no network call and reads no secret. */
    public static OpenAIClient create(OpenAiAuthorConfig config) {
        Objects.requireNonNull(config, "config");
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .apiKey(NO_KEY)
                .maxRetries(0)
                .logLevel(LogLevel.OFF)
                .timeout(Timeout.builder()
                        .connect(config.connectTimeout())
                        .request(config.requestTimeout())
                        .build());
        if (config.baseUrl() != null) {
            builder.baseUrl(config.baseUrl());
        }
        return builder.build();
    }
}

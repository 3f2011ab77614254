package io.lessonpack.adapter.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the OpenAI lesson author calls the model: which model, where, and how long it may wait.
 *
 * <p>The SDK's own defaults (10-minute request timeout, 2 retries honouring any {@code Retry-After})
 * do not fit a 60-second Lambda, so every bound is explicit here and the adapter runs its own,
 * deadline-aware retry loop.
 *
 * <pre>{@code
 * OpenAiAuthorConfig config = OpenAiAuthorConfig.fromEnvironment(System.getenv());
 * OpenAIClient client = OpenAiClients.create(config);
 * }</pre>
 *
 * @param model               the model id sent on every request; a pinned snapshot, since OpenAI
 *                            retires snapshots with notice and an alias can change under us
 * @param baseUrl             an OpenAI-compatible endpoint such as {@code https://api.openai.com/v1};
 *                            null for the SDK's default (OpenAI itself)
 * @param connectTimeout      the longest a connection may take to open
 * @param requestTimeout      the longest one HTTP attempt may take whatever the budget; set above any
 *                            invocation, so that in practice the caller's budget is the only bound
 * @param maxRetries          further attempts after a rate limit, server error or network fault
 * @param maxCompletionTokens the most tokens the model may write; a package needs 1,000 to 2,500
 * @param temperature         sampling temperature, 0 to 2
 */
public record OpenAiAuthorConfig(String model, String baseUrl, Duration connectTimeout, Duration requestTimeout,
        int maxRetries, int maxCompletionTokens, double temperature) {

    /** The default model: a pinned GPT-4o snapshot (structured outputs need 2024-08-06 or later). */
    public static final String DEFAULT_MODEL = "gpt-4o-2024-11-20";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Above a Lambda's 15-minute maximum: the budget of the call is what bounds it. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final int DEFAULT_MAX_COMPLETION_TOKENS = 4_000;
    public static final double DEFAULT_TEMPERATURE = 0.7;

    /** The environment variable naming the model. */
    public static final String MODEL_VARIABLE = "OPENAI_MODEL";
    /** The environment variable naming an OpenAI-compatible endpoint. */
    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";

    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    public OpenAiAuthorConfig {
        model = requireModel(model, "model");
        baseUrl = baseUrl == null ? null : requireBaseUrl(baseUrl, "baseUrl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be within 0..10, was " + maxRetries);
        }
        if (maxCompletionTokens < 1 || maxCompletionTokens > 100_000) {
            throw new IllegalArgumentException("maxCompletionTokens must be within 1..100000, was " + maxCompletionTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature);
        }
    }

    /** The defaults above, talking to OpenAI itself. */
    public static OpenAiAuthorConfig defaults() {
        return new OpenAiAuthorConfig(DEFAULT_MODEL, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_RETRIES, DEFAULT_MAX_COMPLETION_TOKENS, DEFAULT_TEMPERATURE);
    }

    /**
     * The defaults, with {@value #MODEL_VARIABLE} and {@value #BASE_URL_VARIABLE} taken from
     * {@code env} when set and not blank. The API key is not read here: it comes from an
     * {@code ApiKeyPort} at the first request.
     *
     * @param env the process environment ({@code System.getenv()}) or a test's map
     * @throws IllegalArgumentException naming the variable, when a value is not usable
     */
    public static OpenAiAuthorConfig fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String model = env.get(MODEL_VARIABLE);
        String baseUrl = env.get(BASE_URL_VARIABLE);
        return defaults()
                .withModel(model == null || model.isBlank() ? DEFAULT_MODEL : requireModel(model, MODEL_VARIABLE))
                .withBaseUrl(baseUrl == null || baseUrl.isBlank() ? null : requireBaseUrl(baseUrl, BASE_URL_VARIABLE));
    }

    /** The same settings with another model. */
    public OpenAiAuthorConfig withModel(String newModel) {
        return new OpenAiAuthorConfig(newModel, baseUrl, connectTimeout, requestTimeout, maxRetries,
                maxCompletionTokens, temperature);
    }

    /** The same settings with another endpoint (null: OpenAI itself). */
    public OpenAiAuthorConfig withBaseUrl(String newBaseUrl) {
        return new OpenAiAuthorConfig(model, newBaseUrl, connectTimeout, requestTimeout, maxRetries,
                maxCompletionTokens, temperature);
    }

    /** The same settings with other timeouts. */
    public OpenAiAuthorConfig withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new OpenAiAuthorConfig(model, baseUrl, newConnectTimeout, newRequestTimeout, maxRetries,
                maxCompletionTokens, temperature);
    }

    /** The same settings with another retry count. */
    public OpenAiAuthorConfig withMaxRetries(int newMaxRetries) {
        return new OpenAiAuthorConfig(model, baseUrl, connectTimeout, requestTimeout, newMaxRetries,
                maxCompletionTokens, temperature);
    }

    private static String requireModel(String model, String name) {
        if (model == null || !MODEL_ID.matcher(model.strip()).matches()) {
            throw new IllegalArgumentException(name + " must be a model id such as " + DEFAULT_MODEL
                    + " (letters, digits and . _ : / -, at most 100 characters)");
        }
        return model.strip();
    }

    /**
     * Accepts an absolute http(s) URL with a host and no user info, query or fragment. The value is
     * not echoed in the message: a URL with user info would carry a credential.
     */
    private static String requireBaseUrl(String raw, String name) {
        String value = raw.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL; expected e.g. https://api.openai.com/v1");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host and no user info,"
                    + " query or fragment, e.g. https://api.openai.com/v1");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}

package io.lessonpack.adapter.aws.secretsmanager;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.ApiKeyUnavailableException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The lesson author's API key (the OpenAI key), read from a Secrets Manager secret named
 * {@link #secretIdFor(String, String) {project}-{environment}-openai-api-key} and cached.
 *
 * <p>Nothing is fetched when the adapter is built, so a SnapStart snapshot taken after init holds
 * no secret; do not call {@link #apiKey()} from a priming hook either. The first {@link #apiKey()}
 * fetches; later calls return the cached key while it is younger than the TTL
 * ({@link #DEFAULT_TTL}, one hour, as the AWS caching client). {@link #refreshApiKey()} fetches
 * regardless, for the one retry after a 401 that follows a rotation. One fetch runs at a time:
 * callers that find the cache stale wait for it rather than each calling Secrets Manager, and a
 * refresh that was asked for while another fetch was waiting to start shares it.
 *
 * <p>The secret may hold the bare key, or a JSON object with a field {@code OPENAI_API_KEY},
 * {@code openaiApiKey}, {@code apiKey} or {@code api_key} (looked up in that order), or with
 * exactly one string field. The key is never logged, never put in an exception message and not
 * part of {@link #toString()}.
 *
 * <pre>{@code
 * ApiKeyPort key = new SecretsManagerApiKeyAdapter(secretsClient,
 *         SecretsManagerApiKeyAdapter.secretIdFor(projectName, environment),
 *         Clock.systemUTC(), SecretsManagerApiKeyAdapter.DEFAULT_TTL);
 * }</pre>
 *
 * <p>Failures are {@link ApiKeyUnavailableException}s that say whether waiting can help.
 */
public final class SecretsManagerApiKeyAdapter implements ApiKeyPort {

    /** How long a fetched key is used before it is fetched again; the AWS caching client's default. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    /** JSON field names that hold the key, in the order they are looked for. */
    public static final List<String> KEY_FIELDS = List.of("OPENAI_API_KEY", "openaiApiKey", "apiKey", "api_key");

    private static final Logger LOG = System.getLogger(SecretsManagerApiKeyAdapter.class.getName());
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final String SECRET_SUFFIX = "-openai-api-key";

    /** A secret string is at most 64 KB; the limits only keep a malformed one from costing much. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build());

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final Duration ttl;
    private final ReentrantLock fetchLock = new ReentrantLock();

    /** Number of fetches started so far; written under {@link #fetchLock}. */
    private volatile long fetchesStarted;
    private volatile CachedKey cached;

    /**
     * Builds the adapter; fetches nothing.
     *
     * @param client   the client, built by the bootstrap (region, credentials, HTTP client)
     * @param secretId the secret's name or ARN, usually from {@link #secretIdFor}
     * @param clock    the clock the TTL is measured on
     * @param ttl      how long a fetched key is reused; positive, usually {@link #DEFAULT_TTL}
     */
    public SecretsManagerApiKeyAdapter(SecretsManagerClient client, String secretId, Clock clock, Duration ttl) {
        this.client = Objects.requireNonNull(client, "client");
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secretId is missing or blank");
        }
        this.secretId = secretId;
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        this.ttl = ttl;
    }

    /**
     * The name of the secret holding the OpenAI key, {@code {projectName}-{environment}-openai-api-key},
     * as the original service named it.
     *
     * @param projectName the {@code PROJECT_NAME} setting, e.g. {@code lessonpack}
     * @param environment the {@code ENVIRONMENT} setting, e.g. {@code prod}
     * @throws IllegalArgumentException if either is blank or not letters, digits, {@code -},
     *     {@code _} and {@code .} (starting with a letter or digit, at most 100 characters)
     */
    public static String secretIdFor(String projectName, String environment) {
        return requireNamePart("projectName (PROJECT_NAME)", projectName) + "-"
                + requireNamePart("environment (ENVIRONMENT)", environment) + SECRET_SUFFIX;
    }

    /** The secret this adapter reads. */
    public String secretId() {
        return secretId;
    }

    /**
     * The cached key while it is younger than the TTL, else a freshly fetched one.
     *
     * @throws ApiKeyUnavailableException if the key had to be fetched and could not be
     */
    @Override
    public String apiKey() {
        CachedKey current = cached;
        if (isFresh(current)) {
            return current.key();
        }
        fetchLock.lock();
        try {
            // Another caller may have fetched while this one waited for the lock.
            current = cached;
            return isFresh(current) ? current.key() : fetch().key();
        } finally {
            fetchLock.unlock();
        }
    }

    /**
     * Fetches the key from Secrets Manager, replaces the cached one and returns it. A fetch that
     * started after this call was made (another caller's, while this one waited) counts: it
     * already reflects any rotation this caller saw.
     *
     * @throws ApiKeyUnavailableException if the key could not be fetched; the cached key is kept
     */
    @Override
    public String refreshApiKey() {
        long startedBeforeThisCall = fetchesStarted;
        fetchLock.lock();
        try {
            CachedKey current = cached;
            if (current != null && current.fetchNumber() > startedBeforeThisCall) {
                return current.key();
            }
            return fetch().key();
        } finally {
            fetchLock.unlock();
        }
    }

    @Override
    public String toString() {
        CachedKey current = cached;
        return "SecretsManagerApiKeyAdapter[secretId=" + secretId + ", ttl=" + ttl + ", cached="
                + (current == null ? "no" : "since " + current.fetchedAt()) + "]";
    }

    private boolean isFresh(CachedKey key) {
        if (key == null) {
            return false;
        }
        Duration age = Duration.between(key.fetchedAt(), clock.instant());
        // A clock that went backwards makes the age meaningless: fetch rather than trust it.
        return !age.isNegative() && age.compareTo(ttl) < 0;
    }

    /** Runs under {@link #fetchLock}. */
    private CachedKey fetch() {
        long fetchNumber = ++fetchesStarted;
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build());
        } catch (SdkException e) {
            throw unavailable(e);
        }
        String key = keyFrom(response.secretString());
        CachedKey fetched = new CachedKey(key, clock.instant(), fetchNumber);
        cached = fetched;
        LOG.log(Level.INFO, () -> "{\"event\":\"api_key.fetched\",\"secretId\":\"" + secretId + "\",\"versionId\":\""
                + response.versionId() + "\"}");
        return fetched;
    }

    private String keyFrom(String secretString) {
        if (secretString == null) {
            throw unusable("has no SecretString (a binary secret is not supported); store the key as text");
        }
        String value = secretString.strip();
        if (value.isEmpty()) {
            throw unusable("is blank");
        }
        char first = value.charAt(0);
        String key = first == '{' || first == '[' || first == '"' ? keyFromJson(value) : value;
        for (int i = 0; i < key.length(); i++) {
            if (Character.isWhitespace(key.charAt(i)) || Character.isISOControl(key.charAt(i))) {
                // Such a key would corrupt the Authorization header; the position is not the value.
                throw unusable("holds a key with whitespace or a control character inside it");
            }
        }
        return key;
    }

    private String keyFromJson(String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JacksonException e) {
            // Jackson's message quotes the input (the secret), so it is neither kept nor chained.
            throw unusable("looks like JSON but is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw unusable("is JSON but not an object; store the bare key or an object with one of " + KEY_FIELDS);
        }
        JsonNode key = KEY_FIELDS.stream().map(root::get).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> root.size() == 1 ? root.elements().next() : null);
        if (key == null) {
            throw unusable("is a JSON object with " + root.size() + " fields, none of them one of " + KEY_FIELDS
                    + "; store the bare key, an object with one of those fields, or an object with a single field");
        }
        if (!key.isTextual() || key.textValue().isBlank()) {
            throw unusable("is a JSON object whose key field is not a non-blank string");
        }
        return key.textValue().strip();
    }

    private ApiKeyUnavailableException unusable(String problem) {
        return new ApiKeyUnavailableException("secret " + secretId + " " + problem, false, null);
    }

    private ApiKeyUnavailableException unavailable(SdkException e) {
        if (!(e instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
            return new ApiKeyUnavailableException("GetSecretValue for secret " + secretId + " failed: "
                    + e.getClass().getSimpleName() + " (no answer from Secrets Manager; retryable)", true, e);
        }
        String code = service.awsErrorDetails().errorCode();
        boolean retryable = service.statusCode() >= 500 || service.isThrottlingException() || service.statusCode() == 408;
        String hint = switch (String.valueOf(code)) {
            case "ResourceNotFoundException" -> "; check that the secret exists in this account and region";
            case "AccessDeniedException" -> "; allow secretsmanager:GetSecretValue on it to the function's role";
            case "DecryptionFailureException" -> "; allow kms:Decrypt on the secret's KMS key to the function's role";
            case "InvalidRequestException" -> "; the secret may be scheduled for deletion or disabled";
            default -> retryable ? "; retryable" : "";
        };
        return new ApiKeyUnavailableException("GetSecretValue for secret " + secretId + " failed: "
                + e.getClass().getSimpleName() + " (" + code + ", HTTP " + service.statusCode() + ", request id "
                + service.requestId() + ")" + hint, retryable, e);
    }

    private static String requireNamePart(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing or blank; it names the secret "
                    + "{PROJECT_NAME}-{ENVIRONMENT}" + SECRET_SUFFIX);
        }
        if (!NAME_PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-100 letters, digits, '-', '_' or '.', starting with "
                    + "a letter or digit");
        }
        return value;
    }

    /** A fetched key, when it was fetched, and which fetch brought it. */
    private record CachedKey(String key, Instant fetchedAt, long fetchNumber) {
        @Override
        public String toString() {
            return "CachedKey[fetchedAt=" + fetchedAt + ", fetchNumber=" + fetchNumber + "]";
        }
    }
}

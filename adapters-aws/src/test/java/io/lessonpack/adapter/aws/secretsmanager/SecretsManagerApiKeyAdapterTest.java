package io.lessonpack.adapter.aws.secretsmanager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lessonpack.application.port.out.ApiKeyUnavailableException;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerApiKeyAdapterTest {

    private static final String SECRET_ID = "lessonpack-test-openai-api-key";
    private static final String KEY = "sk-test-123";
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + SECRET_ID + "-AbCdEf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private SecretsManagerClient client;
    private SecretsManagerApiKeyAdapter adapter;

    @BeforeEach
    void buildAdapter() {
        client = SecretsManagerClient.builder()
                .endpointOverride(URI.create(STUB.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        adapter = new SecretsManagerApiKeyAdapter(client, SecretsManagerApiKeyAdapter.secretIdFor("lessonpack", "test"),
                clock, SecretsManagerApiKeyAdapter.DEFAULT_TTL);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void apiKey_sendsAJson11GetSecretValueForTheNamedSecret() {
        secretIs(KEY);

        assertThat(adapter.apiKey()).isEqualTo(KEY);

        List<LoggedRequest> requests = STUB.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(request.getBodyAsString()).isEqualTo("{\"SecretId\":\"lessonpack-test-openai-api-key\"}");
    }

    @Test
    void constructor_fetchesNothing() {
        secretIs(KEY);

        new SecretsManagerApiKeyAdapter(client, SECRET_ID, clock, Duration.ofMinutes(5));

        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void apiKey_withinTtl_fetchedOnce() {
        secretIs(KEY);

        for (int i = 0; i < 5; i++) {
            assertThat(adapter.apiKey()).isEqualTo(KEY);
            clock.advance(Duration.ofMinutes(11));
        }

        STUB.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void apiKey_afterTtl_fetchedAgainAndTheNewValueUsed() {
        secretIs(KEY);
        adapter.apiKey();
        secretIs("sk-rotated-456");

        clock.advance(SecretsManagerApiKeyAdapter.DEFAULT_TTL.minusMillis(1));
        assertThat(adapter.apiKey()).isEqualTo(KEY);
        clock.advance(Duration.ofMillis(1));
        assertThat(adapter.apiKey()).isEqualTo("sk-rotated-456");
        assertThat(adapter.apiKey()).isEqualTo("sk-rotated-456");

        STUB.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void apiKey_clockWentBackwards_fetchedAgain() {
        secretIs(KEY);
        adapter.apiKey();

        clock.advance(Duration.ofMinutes(-1));
        adapter.apiKey();

        STUB.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void refreshApiKey_alwaysFetchesAndReplacesTheCache() {
        secretIs(KEY);
        adapter.apiKey();
        secretIs("sk-rotated-456");

        assertThat(adapter.refreshApiKey()).isEqualTo("sk-rotated-456");
        assertThat(adapter.refreshApiKey()).isEqualTo("sk-rotated-456");
        assertThat(adapter.apiKey()).isEqualTo("sk-rotated-456");

        STUB.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void refreshApiKey_failure_keepsTheCachedKey() {
        secretIs(KEY);
        adapter.apiKey();
        STUB.stubFor(post(urlEqualTo("/")).willReturn(error(400, "AccessDeniedException", "not allowed")));

        assertThatThrownBy(adapter::refreshApiKey).isInstanceOf(ApiKeyUnavailableException.class);

        assertThat(adapter.apiKey()).isEqualTo(KEY);
    }

    @Test
    void apiKey_concurrentCallersOnAColdCache_exactlyOneFetch() throws Exception {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(secretValue(KEY).withFixedDelay(300)));

        assertThat(callConcurrently(8, i -> adapter::apiKey)).containsOnly(KEY);

        STUB.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void refreshApiKey_concurrentWithApiKeyCallers_atMostOneFetchMore() throws Exception {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(secretValue(KEY).withFixedDelay(300)));

        assertThat(callConcurrently(8, i -> i % 2 == 0 ? adapter::apiKey : adapter::refreshApiKey)).containsOnly(KEY);

        // apiKey() callers share whatever fetch they meet; a refresh waits for a fetch that began
        // after it asked, and all waiting refreshes share that one.
        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).hasSizeBetween(1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"OPENAI_API_KEY\":\"sk-test-123\"}",
        "{\"openaiApiKey\":\"sk-test-123\"}",
        "{\"apiKey\":\"sk-test-123\"}",
        "{\"api_key\":\"sk-test-123\"}",
        "{\"whatever\":\"sk-test-123\"}",
        "{\"OPENAI_API_KEY\":\"sk-test-123\",\"org\":\"org-1\",\"note\":\"rotated monthly\"}",
        "{\"api_key\":\"sk-other\",\"OPENAI_API_KEY\":\"sk-test-123\"}",
        "  {\"apiKey\": \" sk-test-123 \"}\n",
        "sk-test-123\n",
        "  sk-test-123  "
    })
    void apiKey_bareOrJsonWrappedSecret_givesTheKey(String secretString) {
        secretIs(secretString);

        assertThat(adapter.apiKey()).isEqualTo(KEY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blank                  | '   '                                              | is blank",
        "two unknown fields     | {\"a\":\"sk-test-123\",\"b\":\"sk-test-123x\"}       | none of them one of",
        "empty object           | {}                                                 | 0 fields",
        "number field           | {\"apiKey\":123}                                   | not a non-blank string",
        "blank field            | {\"apiKey\":\"  \"}                                | not a non-blank string",
        "nested object          | {\"apiKey\":{\"value\":\"sk-test-123\"}}           | not a non-blank string",
        "array                  | [\"sk-test-123\"]                                  | not an object",
        "json string            | \"sk-test-123\"                                    | not an object",
        "broken json            | {\"apiKey\":\"sk-test-123\"                        | not valid JSON",
        "space inside           | sk-test 123                                        | whitespace or a control character"
    })
    void apiKey_unusableSecretValue_notRetryableAndNeverEchoed(String name, String secretString, String problem) {
        secretIs(secretString);

        ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, adapter::apiKey);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(SECRET_ID).contains(problem).doesNotContain("sk-test").doesNotContain("123");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void apiKey_binarySecret_notRetryable() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"" + SECRET_ID + "\",\"SecretBinary\":\"c2stdGVzdC0xMjM=\","
                        + "\"VersionId\":\"v1\"}")));

        ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, adapter::apiKey);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("SecretString");
    }

    @Test
    void apiKey_secretNotFound_notRetryableNamingTheSecretAndError() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(error(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")));

        ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, adapter::apiKey);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(SECRET_ID).contains("ResourceNotFoundException").contains("400");
        STUB.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AccessDeniedException      | 400 | false",
        "DecryptionFailureException | 400 | false",
        "InvalidRequestException    | 400 | false",
        "InvalidParameterException  | 400 | false",
        "ThrottlingException        | 400 | true",
        "InternalServiceError       | 500 | true",
        "ServiceUnavailable         | 503 | true"
    })
    void apiKey_serviceErrors_classifiedAsRetryableOrNot(String type, int status, boolean retryable) {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(error(status, type, "details from the service")));

        ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, adapter::apiKey);

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(SECRET_ID).contains(type).contains(String.valueOf(status));
    }

    @Test
    void apiKey_internalError_retryableAfterTheSdksOwnRetries() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(error(500, "InternalServiceError", "oops")));

        ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, adapter::apiKey);

        assertThat(e.retryable()).isTrue();
        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).hasSizeGreaterThan(1);
    }

    @Test
    void apiKey_noServiceListening_retryable() {
        SecretsManagerClient unreachable = SecretsManagerClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        try (unreachable) {
            SecretsManagerApiKeyAdapter offline = new SecretsManagerApiKeyAdapter(unreachable, SECRET_ID, clock,
                    Duration.ofMinutes(5));

            ApiKeyUnavailableException e = catchThrowableOfType(ApiKeyUnavailableException.class, offline::apiKey);

            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains(SECRET_ID).contains("SdkClientException");
        }
    }

    @Test
    void theKey_neverAppearsInLogsOutputExceptionsOrToString() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        List<String> texts = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack");
                PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            secretIs(KEY);
            adapter.apiKey();
            adapter.refreshApiKey();
            texts.add(adapter.toString());
            secretIs("{\"a\":\"" + KEY + "\",\"b\":\"" + KEY + "\"}");
            texts.add(describe(catchThrowableOfType(ApiKeyUnavailableException.class, adapter::refreshApiKey)));
            secretIs("{\"apiKey\":\"" + KEY + "\"");
            texts.add(describe(catchThrowableOfType(ApiKeyUnavailableException.class, adapter::refreshApiKey)));
            secretIs(KEY + " trailing");
            texts.add(describe(catchThrowableOfType(ApiKeyUnavailableException.class, adapter::refreshApiKey)));
            STUB.stubFor(post(urlEqualTo("/")).willReturn(error(400, "ResourceNotFoundException", "not found")));
            texts.add(describe(catchThrowableOfType(ApiKeyUnavailableException.class, adapter::refreshApiKey)));
            texts.add(adapter.toString());
            texts.addAll(logs.lines());
            assertThat(logs.lines()).as("the fetch is logged, by secret id").anyMatch(l -> l.contains(SECRET_ID));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        texts.add(console.toString(StandardCharsets.UTF_8));

        assertThat(texts).noneMatch(t -> t.contains(KEY));
    }

    @Test
    void toString_namesTheSecretButNotTheKey() {
        secretIs(KEY);
        adapter.apiKey();

        assertThat(adapter.toString()).contains(SECRET_ID).doesNotContain(KEY);
    }

    @Test
    void secretIdFor_projectAndEnvironment_givesTheOriginalName() {
        assertThat(SecretsManagerApiKeyAdapter.secretIdFor("lessonpack", "prod")).isEqualTo("lessonpack-prod-openai-api-key");
        assertThat(SecretsManagerApiKeyAdapter.secretIdFor("speak_app.v2", "staging-eu")).isEqualTo(
                "speak_app.v2-staging-eu-openai-api-key");
    }

    @ParameterizedTest(name = "project ''{0}'', environment ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL       | prod   | projectName (PROJECT_NAME) is missing",
        "'  '       | prod   | projectName (PROJECT_NAME) is missing",
        "lessonpack | NULL   | environment (ENVIRONMENT) is missing",
        "lessonpack | ''     | environment (ENVIRONMENT) is missing",
        "my project | prod   | projectName (PROJECT_NAME) must be",
        "lessonpack | prod/1 | environment (ENVIRONMENT) must be",
        "-lesson    | prod   | projectName (PROJECT_NAME) must be"
    })
    void secretIdFor_badParts_rejectedNamingWhich(String project, String environment, String problem) {
        assertThatThrownBy(() -> SecretsManagerApiKeyAdapter.secretIdFor(project, environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void constructor_badArguments_rejected() {
        assertThatThrownBy(() -> new SecretsManagerApiKeyAdapter(client, " ", clock, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretId");
        assertThatThrownBy(() -> new SecretsManagerApiKeyAdapter(client, SECRET_ID, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }

    /** Starts {@code callers} threads at once, caller {@code i} running {@code call.apply(i)}; their results. */
    private static List<String> callConcurrently(int callers, IntFunction<Callable<String>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<String> task = call.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> values = new ArrayList<>();
            for (Future<String> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private void secretIs(String secretString) {
        STUB.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + SECRET_ID + "\"}"))
                .willReturn(secretValue(secretString)));
    }

    private static ResponseDefinitionBuilder secretValue(String secretString) {
        ObjectNode body = JSON.createObjectNode()
                .put("ARN", ARN)
                .put("Name", SECRET_ID)
                .put("SecretString", secretString)
                .put("VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1")
                .put("CreatedDate", 1.523477145713E9);
        body.putArray("VersionStages").add("AWSCURRENT");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body.toString());
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }
}

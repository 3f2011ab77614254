package io.lessonpack.adapter.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lessonpack.application.time.CallDeadline;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The interceptor against a DynamoDB stand-in that answers slowly (DynamoDB's JSON 1.0 protocol;
 * an empty object is a GetItem answer without an item): a call inside a deadline ends with it.
 */
class CallDeadlineInterceptorTest {

    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CLIENT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static WireMockExtension slowDynamoDb = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private DynamoDbClient client;

    private DynamoDbClient client(Duration callTimeout, Duration attemptTimeout) {
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(slowDynamoDb.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(callTimeout).apiCallAttemptTimeout(attemptTimeout)
                        .addExecutionInterceptor(new CallDeadlineInterceptor(Clock.systemUTC(), callTimeout, attemptTimeout))
                        .build())
                .build();
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static void answerAfter(Duration delay) {
        slowDynamoDb.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")
                .withFixedDelay((int) delay.toMillis())));
    }

    private static GetItemRequest getItem() {
        return GetItemRequest.builder().tableName("t").key(Map.of("PK", AttributeValue.fromS("k"))).build();
    }

    @Test
    void call_outsideAnyDeadline_keepsTheClientsTimeouts() {
        answerAfter(Duration.ofMillis(300));

        assertThat(client(CLIENT_CALL_TIMEOUT, CLIENT_ATTEMPT_TIMEOUT).getItem(getItem()).hasItem()).isFalse();
    }

    @Test
    void call_slowerThanTheTimeLeft_endsAtTheDeadlineNotAtTheClientsTimeout() {
        answerAfter(Duration.ofSeconds(4));
        DynamoDbClient dynamoDb = client(CLIENT_CALL_TIMEOUT, CLIENT_ATTEMPT_TIMEOUT);
        Instant started = Instant.now();

        assertThatThrownBy(() -> CallDeadline.within(started.plusMillis(500), () -> dynamoDb.getItem(getItem())))
                .isInstanceOf(ApiCallTimeoutException.class);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void call_withTheDeadlineAlreadyPassed_isNotSentAndFailsAsAClientError() {
        answerAfter(Duration.ZERO);
        DynamoDbClient dynamoDb = client(CLIENT_CALL_TIMEOUT, CLIENT_ATTEMPT_TIMEOUT);

        assertThatThrownBy(() -> CallDeadline.within(Instant.now().minusSeconds(1), () -> dynamoDb.getItem(getItem())))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("before the deadline");

        assertThat(slowDynamoDb.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void call_withMoreTimeLeftThanTheClientAllows_keepsTheClientsShorterTimeout() {
        answerAfter(Duration.ofSeconds(4));
        DynamoDbClient dynamoDb = client(Duration.ofMillis(600), Duration.ofMillis(600));
        Instant started = Instant.now();

        assertThatThrownBy(() -> CallDeadline.within(started.plusSeconds(60), () -> dynamoDb.getItem(getItem())))
                .isInstanceOf(ApiCallTimeoutException.class);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2_500));
    }
}

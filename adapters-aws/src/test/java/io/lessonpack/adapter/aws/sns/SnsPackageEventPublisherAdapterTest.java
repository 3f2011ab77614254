package io.lessonpack.adapter.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsPackageEventPublisherAdapterTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:package-generated";
    private static final String PACKAGE_NAME = "Café & \"Tapas\" = 100% Spanish";
    private static final PackageGeneratedEvent EVENT = new PackageGeneratedEvent("pkg-7:3", UserId.of("user-42"),
            Language.of("es-MX"), PackageId.of("pkg-7"), PACKAGE_NAME, Instant.parse("2026-03-02T10:15:30.123Z"), true, 3);

    private static final String PUBLISH_RESPONSE = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult>
                <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId>
              </PublishResult>
              <ResponseMetadata>
                <RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId>
              </ResponseMetadata>
            </PublishResponse>
            """;

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private SnsClient sns;

    @BeforeEach
    void buildClient() {
        sns = SnsClient.builder()
                .endpointOverride(URI.create(STUB.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void closeClient() {
        sns.close();
    }

    @Test
    void publish_sendsOneQueryProtocolPublishWithTheEventJsonAndAttributes() throws Exception {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(PUBLISH_RESPONSE)));

        new SnsPackageEventPublisherAdapter(sns, TOPIC).publish(EVENT);

        List<LoggedRequest> requests = STUB.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = formOf(request);
        assertThat(form).containsEntry("Action", "Publish")
                .containsEntry("Version", "2010-03-31")
                .containsEntry("TopicArn", TOPIC)
                .doesNotContainKeys("Subject", "MessageStructure", "MessageGroupId", "MessageDeduplicationId");
        assertThat(form.get("Message")).isEqualTo("{\"event\":\"package.generated\",\"userId\":\"user-42\","
                + "\"language\":\"es-MX\",\"packageId\":\"pkg-7\",\"packageName\":\"Café & \\\"Tapas\\\" = 100% Spanish\","
                + "\"generatedAt\":\"2026-03-02T10:15:30.123Z\",\"updated\":true,\"eventId\":\"pkg-7:3\",\"packageVersion\":3}");
        JsonNode message = new ObjectMapper().readTree(form.get("Message"));
        assertThat(message.properties()).extracting(Map.Entry::getKey).containsExactly("event", "userId", "language",
                "packageId", "packageName", "generatedAt", "updated", "eventId", "packageVersion");
        assertThat(message.get("event").textValue()).isEqualTo("package.generated");
        assertThat(message.get("userId").textValue()).isEqualTo("user-42");
        assertThat(message.get("language").textValue()).isEqualTo("es-MX");
        assertThat(message.get("packageId").textValue()).isEqualTo("pkg-7");
        assertThat(message.get("packageName").textValue()).isEqualTo(PACKAGE_NAME);
        assertThat(Instant.parse(message.get("generatedAt").textValue())).isEqualTo(EVENT.generatedAt());
        assertThat(message.get("updated").isBoolean()).isTrue();
        assertThat(message.get("updated").booleanValue()).isTrue();
        assertThat(message.get("eventId").textValue()).isEqualTo("pkg-7:3");
        assertThat(message.get("packageVersion").isIntegralNumber()).isTrue();
        assertThat(message.get("packageVersion").longValue()).isEqualTo(3);
        assertThat(messageAttributes(form)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "event", "String:package.generated",
                "eventId", "String:pkg-7:3"));
    }

    @Test
    void publish_fifoTopic_setsGroupFromUserAndDeduplicationFromEventId() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(PUBLISH_RESPONSE)));
        String fifoTopic = "arn:aws:sns:eu-west-1:123456789012:package-generated.fifo";

        new SnsPackageEventPublisherAdapter(sns, fifoTopic).publish(EVENT);
        new SnsPackageEventPublisherAdapter(sns, fifoTopic).publish(EVENT);

        List<Map<String, String>> forms = STUB.findAll(anyRequestedFor(anyUrl())).stream()
                .map(SnsPackageEventPublisherAdapterTest::formOf).toList();
        assertThat(forms).hasSize(2);
        Map<String, String> form = forms.getFirst();
        assertThat(form.get("TopicArn")).isEqualTo(fifoTopic);
        assertThat(form.get("MessageGroupId")).matches("[0-9a-f]{64}").doesNotContain("user-42");
        assertThat(form.get("MessageDeduplicationId")).matches("[0-9a-f]{64}");
        assertThat(forms.get(1)).containsEntry("MessageDeduplicationId", form.get("MessageDeduplicationId"))
                .containsEntry("MessageGroupId", form.get("MessageGroupId"));
    }

    @Test
    void publish_internalErrorAfterTheSdksRetries_storageUnavailable() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
                .withBody(errorResponse("Receiver", "InternalError", "Internal Error"))));
        SnsPackageEventPublisherAdapter adapter = new SnsPackageEventPublisherAdapter(sns, TOPIC);

        assertThatThrownBy(() -> adapter.publish(EVENT))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Publish")
                .hasMessageContaining("InternalError")
                .hasMessageContaining("InternalErrorException")
                .hasMessageContaining("500");
        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).as("the SDK retried a 500 itself").hasSizeGreaterThan(1);
    }

    @Test
    void publish_topicNotFound_storageUnavailableWithoutTheMessageBody() {
        STUB.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml")
                .withBody(errorResponse("Sender", "NotFound", "Topic does not exist"))));
        SnsPackageEventPublisherAdapter adapter = new SnsPackageEventPublisherAdapter(sns, TOPIC);

        assertThatThrownBy(() -> adapter.publish(EVENT))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Publish")
                .hasMessageContaining("NotFoundException")
                .hasMessageContaining("404")
                .hasMessageContaining(EVENT.eventId())
                .hasMessageNotContaining("Tapas")
                .hasMessageNotContaining("package.generated")
                .hasMessageNotContaining("user-42");
        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).as("a 4xx is not retried").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "arn:aws:sns:us-east-1:123456789012:package-generated",
        "arn:aws:sns:us-east-1:123456789012:package-generated.fifo",
        "arn:aws-cn:sns:cn-north-1:123456789012:events",
        "arn:aws-us-gov:sns:us-gov-west-1:123456789012:Events_1"
    })
    void constructor_topicArns_accepted(String arn) {
        assertThat(new SnsPackageEventPublisherAdapter(sns, arn).topicArn()).isEqualTo(arn);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        " | missing",
        "package-generated | six ':'-separated parts",
        "arn:aws:sqs:us-east-1:123456789012:queue | service 'sqs' is not sns",
        "arn:aws:sns:us-east-1:123456789012:topic:subscription-id | six ':'-separated parts",
        "arn:aws:sns:useast1:123456789012:topic | region 'useast1'",
        "arn:aws:sns:us-east-1:1234:topic | account '1234' is not a 12-digit account id",
        "arn:aws:sns:us-east-1:123456789012: | topic name",
        "arn:aws:sns:us-east-1:123456789012:bad name | topic name",
        "arn:amazon:sns:us-east-1:123456789012:topic | partition 'amazon'",
        "https://sns.us-east-1.amazonaws.com/123456789012/topic | six ':'-separated parts"
    })
    void constructor_malformedTopicArn_rejectedNamingTheProblem(String arnAndProblem) {
        String[] parts = arnAndProblem.split(" \\| ");
        String arn = parts[0].strip();

        assertThatThrownBy(() -> new SnsPackageEventPublisherAdapter(sns, arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parts[1]);
    }

    @Test
    void disabled_publishesNothingAndAcceptsEveryEvent() {
        PackageEventPublishers.disabled().publish(EVENT);

        assertThat(PackageEventPublishers.disabled()).isSameAs(PackageEventPublishers.disabled());
        assertThat(STUB.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static String errorResponse(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error>
                    <Type>%s</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>9b3ab1e2-1c3a-5b0e-9a5f-1f2e3d4c5b6a</RequestId>
                </ErrorResponse>
                """.formatted(type, code, message);
    }

    private static Map<String, String> formOf(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            assertThat(form.put(name, value)).as("parameter %s sent once", name).isNull();
        }
        return form;
    }

    /** The Query protocol's {@code MessageAttributes.entry.N.*} parameters, as name to {@code DataType:StringValue}. */
    private static Map<String, String> messageAttributes(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            attributes.put(form.get(prefix + "Name"),
                    form.get(prefix + "Value.DataType") + ":" + form.get(prefix + "Value.StringValue"));
        }
        return attributes;
    }
}

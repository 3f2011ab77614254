package io.lessonpack.adapter.aws.sns;

import io.lessonpack.adapter.aws.event.PackageGeneratedEventJson;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.port.out.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes {@code package.generated} to an SNS topic: one {@code Publish} whose message is the
 * JSON body of {@link PackageGeneratedEventJson}, with no subject, and with the message attributes
 * {@code event} and {@code eventId} (both {@code String}) so subscribers can filter without reading
 * the body.
 *
 * <p>For a FIFO topic ({@code ….fifo}) the message group is derived from the user (events of one
 * learner stay in order) and the deduplication id from the event id, so SNS itself drops a
 * re-publish after a crash within its five-minute window; consumers still de-duplicate on
 * {@code eventId} beyond it.
 *
 * <p>Any SDK failure, a fault or a refusal, becomes a {@link StorageUnavailableException} naming
 * the operation, the topic and the error type, never the message body; the event stays recorded
 * and is published again on the next attempt.
 *
 * <pre>{@code
 * PublishPackageEventPort events = new SnsPackageEventPublisherAdapter(snsClient, topicArn);
 * events.publish(PackageGeneratedEvent.of(savedPackage));
 * }</pre>
 *
 * <p>When no topic is configured, wire {@link PackageEventPublishers#disabled()} instead.
 */
public final class SnsPackageEventPublisherAdapter implements PublishPackageEventPort {

    /** Message attribute holding the event type, for subscription filter policies. */
    public static final String EVENT_ATTRIBUTE = "event";

    /** Message attribute holding {@link PackageGeneratedEvent#eventId()}. */
    public static final String EVENT_ID_ATTRIBUTE = "eventId";

    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final String FIFO_SUFFIX = ".fifo";
    private static final int ECHO_LIMIT = 300;

    private final SnsClient sns;
    private final String topicArn;
    private final boolean fifo;

    /**
     * @param sns      the client, built by the bootstrap (region, credentials, HTTP client)
     * @param topicArn the topic, {@code arn:<partition>:sns:<region>:<account>:<name>}
     * @throws IllegalArgumentException if {@code topicArn} is not an SNS topic ARN; the message
     *     says which part is wrong
     */
    public SnsPackageEventPublisherAdapter(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = requireTopicArn(topicArn);
        this.fifo = topicArn.endsWith(FIFO_SUFFIX);
    }

    @Override
    public void publish(PackageGeneratedEvent event) {
        Objects.requireNonNull(event, "event");
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(EVENT_ATTRIBUTE, stringAttribute(PackageGeneratedEvent.TYPE));
        attributes.put(EVENT_ID_ATTRIBUTE, stringAttribute(event.eventId()));
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(PackageGeneratedEventJson.toJson(event))
                .messageAttributes(attributes);
        if (fifo) {
            // Both ids allow only ASCII punctuation and letters up to 128 characters; ids may be any
            // Unicode, so they are hashed into that alphabet.
            request.messageGroupId(sha256Hex(event.userId().value()))
                    .messageDeduplicationId(sha256Hex(event.eventId()));
        }
        try {
            sns.publish(request.build());
        } catch (SdkException e) {
            throw new StorageUnavailableException("SNS Publish of event " + event.eventId() + " to " + topicArn
                    + " failed: " + describe(e), e);
        }
    }

    /** The topic this adapter publishes to. */
    public String topicArn() {
        return topicArn;
    }

    @Override
    public String toString() {
        return "SnsPackageEventPublisherAdapter[" + topicArn + "]";
    }

    /** The error's type and, for a service answer, its code and HTTP status; never its text. */
    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return e.getClass().getSimpleName() + " (" + service.awsErrorDetails().errorCode()
                    + ", HTTP " + service.statusCode() + ", request id " + service.requestId() + ")";
        }
        return e.getClass().getSimpleName();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static String requireTopicArn(String arn) {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("SNS topic ARN is missing; expected arn:aws:sns:<region>:<account>:<topic>");
        }
        String[] parts = arn.split(":", -1);
        String problem;
        if (parts.length != 6 || !parts[0].equals("arn")) {
            problem = "it must have six ':'-separated parts, arn:<partition>:sns:<region>:<account>:<topic>";
        } else if (!PARTITION.matcher(parts[1]).matches()) {
            problem = "partition '" + parts[1] + "' is not aws, aws-cn, aws-us-gov or similar";
        } else if (!parts[2].equals("sns")) {
            problem = "service '" + parts[2] + "' is not sns";
        } else if (!REGION.matcher(parts[3]).matches()) {
            problem = "region '" + parts[3] + "' is not a region such as us-east-1";
        } else if (!ACCOUNT.matcher(parts[4]).matches()) {
            problem = "account '" + parts[4] + "' is not a 12-digit account id";
        } else if (!TOPIC_NAME.matcher(topicName(parts[5])).matches()) {
            problem = "topic name must be 1-256 letters, digits, '-' or '_' (plus .fifo for a FIFO topic)";
        } else {
            return arn;
        }
        throw new IllegalArgumentException("'" + echo(arn) + "' is not an SNS topic ARN: " + problem);
    }

    private static String topicName(String last) {
        return last.endsWith(FIFO_SUFFIX) ? last.substring(0, last.length() - FIFO_SUFFIX.length()) : last;
    }

    private static String echo(String arn) {
        return arn.length() > ECHO_LIMIT ? arn.substring(0, ECHO_LIMIT) + "..." : arn;
    }
}

package io.lessonpack.adapter.aws.sqs;

import io.lessonpack.application.logging.LogEvent;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;

/**
 * Makes received SQS messages visible again after a short delay, so that a message that failed
 * only for lack of time is retried in seconds rather than after the queue's visibility timeout
 * (6 minutes for the voice-session queue).
 *
 * <p>Best effort by design: the caller is about to return its batch response, and a message whose
 * visibility could not be changed is still retried, only later. So an SQS failure never throws: a
 * failed call (outage, throttling, a missing queue, denied access) or a failed entry (an expired or
 * unknown receipt handle, a timeout past the message's 12-hour limit) is logged as
 * {@code sqs.visibility_change_failed} and that message keeps its current visibility. The lines
 * carry message ids, the queue name and SQS's error code or the exception's type; never a receipt
 * handle (SQS quotes it in its error messages, so those are never logged either).
 *
 * <pre>{@code
 * SqsMessageVisibilityAdapter visibility = new SqsMessageVisibilityAdapter(sqsClient);
 * List<String> retriedSoon = visibility.changeVisibility(List.of(new VisibilityChange(
 *         message.getMessageId(), message.getEventSourceArn(), message.getReceiptHandle(), Duration.ofSeconds(5))));
 * }</pre>
 *
 * <p>The queue URL is derived from each message's event source ARN ({@link #queueUrlOf}), so one
 * adapter serves any queue. The request goes to the client's endpoint, so the client must be in the
 * queue's region (as an event source mapping's queue is in its function's region). The call needs
 * the IAM action {@code sqs:ChangeMessageVisibility} on the queue, which the event source mapping
 * needs anyway. SDK retries and timeouts are the client's: the bootstrap bounds them.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SqsMessageVisibilityAdapter implements MessageVisibility {

    /** SQS accepts at most this many entries in one {@code ChangeMessageVisibilityBatch}. */
    public static final int MAX_ENTRIES_PER_CALL = 10;

    /** The event of the log line for a change that did not happen. */
    public static final String FAILURE_EVENT = "sqs.visibility_change_failed";

    private static final Logger LOG = System.getLogger(SqsMessageVisibilityAdapter.class.getName());

    private static final String OPERATION = "ChangeMessageVisibilityBatch";
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern QUEUE_NAME_BASE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern NOT_ENTRY_ID = Pattern.compile("[^A-Za-z0-9_-]");
    private static final String FIFO_SUFFIX = ".fifo";
    private static final int MAX_QUEUE_NAME = 80;
    private static final int MAX_ENTRY_ID = 80;
    private static final int ECHO_LIMIT = 300;

    private final SqsClient sqs;

    /**
     * @param client the SQS client, built by the bootstrap (region, credentials, HTTP client,
     *               retries and timeouts)
     */
    public SqsMessageVisibilityAdapter(SqsClient client) {
        this.sqs = Objects.requireNonNull(client, "client");
    }

    /**
     * Applies the changes with {@code ChangeMessageVisibilityBatch}, grouped by queue (the queue URL
     * derived from each message's event source ARN), at most {@value #MAX_ENTRIES_PER_CALL} entries
     * per call, queues and entries in the order given. The entry id is the message id made safe for
     * SQS's entry id rules, prefixed with its index in the call so ids are always distinct.
     *
     * <p>Never throws for an SQS failure: a failed call or a failed entry is logged
     * ({@value #FAILURE_EVENT}, without the receipt handle) and the message simply keeps its current
     * visibility. A change whose event source ARN is not an SQS queue ARN is logged the same way and
     * not sent.
     *
     * @param changes the messages to make visible again; may be empty
     * @return the message ids whose visibility was changed, in the order of {@code changes}, each once
     * @throws NullPointerException if {@code changes} is or holds null (a caller bug)
     */
    @Override
    public List<String> changeVisibility(List<VisibilityChange> changes) {
        Objects.requireNonNull(changes, "changes");
        Map<String, List<VisibilityChange>> byQueue = new LinkedHashMap<>();
        for (VisibilityChange change : changes) {
            Objects.requireNonNull(change, "changes holds a null element");
            String queueUrl;
            try {
                queueUrl = queueUrlOf(change.eventSourceArn());
            } catch (IllegalArgumentException e) {
                failure("arn", null, List.of(change)).with("errorType", "InvalidEventSourceArn")
                        .with("detail", e.getMessage()).warn(LOG);
                continue;
            }
            byQueue.computeIfAbsent(queueUrl, url -> new ArrayList<>()).add(change);
        }
        Set<String> changed = new HashSet<>();
        byQueue.forEach((queueUrl, queueChanges) -> {
            for (int from = 0; from < queueChanges.size(); from += MAX_ENTRIES_PER_CALL) {
                int to = Math.min(from + MAX_ENTRIES_PER_CALL, queueChanges.size());
                changed.addAll(send(queueUrl, queueChanges.subList(from, to)));
            }
        });
        return changes.stream().map(VisibilityChange::messageId).filter(changed::contains).distinct().toList();
    }

    /**
     * The queue URL of an SQS queue ARN, on the SQS endpoint of the ARN's partition and region:
     * {@code arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo} is
     * {@code https://sqs.us-east-1.amazonaws.com/123456789012/voice-sessions.fifo}; the
     * {@code aws-cn} partition's domain is {@code amazonaws.com.cn}, {@code aws-us-gov}'s
     * {@code amazonaws.com} (domains as the SDK's partition metadata gives them).
     *
     * @throws IllegalArgumentException if {@code eventSourceArn} is not an SQS queue ARN; the
     *     message says which part is wrong
     */
    static String queueUrlOf(String eventSourceArn) {
        if (eventSourceArn == null || eventSourceArn.isBlank()) {
            throw new IllegalArgumentException(
                    "event source ARN is missing; expected arn:<partition>:sqs:<region>:<account>:<queue>");
        }
        String[] parts = eventSourceArn.split(":", -1);
        String problem;
        PartitionMetadata partition = null;
        if (parts.length != 6 || !parts[0].equals("arn")) {
            problem = "it must have six ':'-separated parts, arn:<partition>:sqs:<region>:<account>:<queue>";
        } else if (!PARTITION.matcher(parts[1]).matches() || (partition = PartitionMetadata.of(parts[1])) == null) {
            problem = "partition '" + parts[1] + "' is not a partition the AWS SDK knows (aws, aws-cn, aws-us-gov, ...)";
        } else if (!parts[2].equals("sqs")) {
            problem = "service '" + parts[2] + "' is not sqs";
        } else if (!REGION.matcher(parts[3]).matches()) {
            problem = "region '" + parts[3] + "' is not a region such as us-east-1";
        } else if (inOtherPartition(parts[3], parts[1])) {
            problem = "region '" + parts[3] + "' is not in partition '" + parts[1] + "'";
        } else if (!ACCOUNT.matcher(parts[4]).matches()) {
            problem = "account '" + parts[4] + "' is not a 12-digit account id";
        } else if (!isQueueName(parts[5])) {
            problem = "queue name must be 1-80 letters, digits, '-' or '_' (a FIFO queue's ending in .fifo)";
        } else {
            return "https://sqs." + parts[3] + "." + partition.dnsSuffix() + "/" + parts[4] + "/" + parts[5];
        }
        throw new IllegalArgumentException("'" + echo(eventSourceArn) + "' is not an SQS queue ARN: " + problem);
    }

    @Override
    public String toString() {
        return "SqsMessageVisibilityAdapter";
    }

    /** One call for at most ten changes on one queue; the message ids it changed. */
    private List<String> send(String queueUrl, List<VisibilityChange> batch) {
        Map<String, VisibilityChange> byEntryId = new LinkedHashMap<>();
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            VisibilityChange change = batch.get(i);
            String id = entryId(i, change.messageId());
            byEntryId.put(id, change);
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(id)
                    .receiptHandle(change.receiptHandle())
                    .visibilityTimeout(change.visibilityTimeoutSeconds())
                    .build());
        }
        ChangeMessageVisibilityBatchResponse response;
        try {
            response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            LogEvent line = failure("call", queueUrl, batch).with("errorType", e.getClass().getSimpleName());
            if (e instanceof AwsServiceException service) {
                line.with("httpStatus", service.statusCode()).with("requestId", service.requestId());
                if (service.awsErrorDetails() != null) {
                    line.with("errorCode", service.awsErrorDetails().errorCode());
                }
            }
            if (e instanceof SdkClientException && e.getCause() != null) {
                line.with("cause", e.getCause().getClass().getSimpleName());
            }
            line.warn(LOG);
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        for (ChangeMessageVisibilityBatchResultEntry ok : response.successful()) {
            VisibilityChange change = byEntryId.remove(ok.id());
            if (change != null) {
                changed.add(change.messageId());
            }
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            VisibilityChange change = byEntryId.remove(failed.id());
            if (change != null) {
                // failed.message() quotes the receipt handle: only the code goes into the line.
                failure("entry", queueUrl, List.of(change)).with("errorCode", failed.code())
                        .with("senderFault", failed.senderFault()).warn(LOG);
            }
        }
        if (!byEntryId.isEmpty()) {
            failure("entry", queueUrl, List.copyOf(byEntryId.values()))
                    .with("errorCode", "MissingFromResponse").warn(LOG);
        }
        return changed;
    }

    private static LogEvent failure(String scope, String queueUrl, List<VisibilityChange> changes) {
        return LogEvent.of(FAILURE_EVENT)
                .with("operation", OPERATION)
                .with("scope", scope)
                .with("queue", queueUrl == null ? null : queueUrl.substring(queueUrl.lastIndexOf('/') + 1))
                .with("messageIds", String.join(",", changes.stream().map(VisibilityChange::messageId).toList()))
                .with("messages", changes.size());
    }

    /**
     * An entry id SQS accepts (1-80 letters, digits, '-' or '_'), distinct within one call because
     * it starts with the entry's index, and readable because the message id follows.
     */
    private static String entryId(int index, String messageId) {
        String id = index + "-" + NOT_ENTRY_ID.matcher(messageId).replaceAll("_");
        return id.length() > MAX_ENTRY_ID ? id.substring(0, MAX_ENTRY_ID) : id;
    }

    /** A known region that belongs to another partition; a region the SDK does not know yet passes. */
    private static boolean inOtherPartition(String region, String partition) {
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata != null && metadata.partition() != null && !metadata.partition().id().equals(partition);
    }

    private static boolean isQueueName(String name) {
        String base = name.endsWith(FIFO_SUFFIX) ? name.substring(0, name.length() - FIFO_SUFFIX.length()) : name;
        return name.length() <= MAX_QUEUE_NAME && QUEUE_NAME_BASE.matcher(base).matches();
    }

    private static String echo(String arn) {
        return arn.length() > ECHO_LIMIT ? arn.substring(0, ECHO_LIMIT) + "..." : arn;
    }
}

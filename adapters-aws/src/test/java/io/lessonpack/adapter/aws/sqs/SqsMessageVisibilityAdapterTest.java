package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalSqs;
import io.lessonpack.application.testing.CapturedLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link SqsMessageVisibilityAdapter} against ElasticMQ, a real SQS server speaking the SDK's JSON
 * protocol over HTTP. The adapter sends the queue URL it derives from the ARN
 * ({@code https://sqs.us-east-1.amazonaws.com/<account>/<name>}) to the client's endpoint, exactly
 * as on AWS; ElasticMQ finds the queue by that URL's last path segment.
 */
class SqsMessageVisibilityAdapterTest {

    @RegisterExtension
    static final LocalSqs SQS = new LocalSqs();

    private static final Duration QUEUE_VISIBILITY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changeVisibility_twoOfThree_onlyThoseTwoComeBackWithinSecondsWithReceiveCountTwo() {
        LocalSqs.Queue queue = SQS.createFifoQueue("two-of-three", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, 3);
        assertThat(received).extracting(m -> m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .containsOnly("1");
        assertThat(received).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .containsExactlyInAnyOrder("group-0", "group-1", "group-2");
        List<Message> retried = received.subList(0, 2);
        Message kept = received.get(2);

        long before = System.nanoTime();
        List<String> changed = new SqsMessageVisibilityAdapter(SQS.client())
                .changeVisibility(changes(queue, retried, Duration.ofSeconds(1)));
        List<Message> early = receive(queue, 0);
        Duration earlyCheckedAfter = Duration.ofNanos(System.nanoTime() - before);

        assertThat(changed).containsExactlyElementsOf(ids(retried));
        if (earlyCheckedAfter.compareTo(Duration.ofMillis(800)) < 0) {
            // Only meaningful while the second has not passed (a loaded machine may stall longer).
            assertThat(early).as("nothing is visible before the second is up").isEmpty();
        }
        List<Message> again = receiveUntil(queue, 2, Duration.ofSeconds(3));
        assertThat(ids(again)).containsExactlyInAnyOrderElementsOf(ids(retried));
        assertThat(again).extracting(m -> m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .containsOnly("2");
        assertThat(receive(queue, 0)).as("%s keeps the queue's 30 s visibility timeout", kept.messageId()).isEmpty();
    }

    @Test
    void changeVisibility_unknownReceiptHandle_loggedWithoutHandlesWhileTheValidEntriesChange() throws IOException {
        LocalSqs.Queue queue = SQS.createFifoQueue("unknown-handle", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, 2);
        String forgedHandle = "forged-receipt-handle-" + "s3cr3t".repeat(4);
        List<VisibilityChange> changes = new ArrayList<>(changes(queue, received, Duration.ZERO));
        changes.add(1, new VisibilityChange("no-such-message", queue.arn(), forgedHandle, Duration.ZERO));

        List<String> changed;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            changed = new SqsMessageVisibilityAdapter(SQS.client()).changeVisibility(changes);
            lines = logs.lines();
        }

        assertThat(changed).containsExactlyElementsOf(ids(received));
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.get("event").textValue()).isEqualTo("sqs.visibility_change_failed");
        assertThat(line.get("level").textValue()).isEqualTo("WARNING");
        assertThat(line.get("scope").textValue()).isEqualTo("entry");
        assertThat(line.get("messageIds").textValue()).isEqualTo("no-such-message");
        assertThat(line.get("queue").textValue()).isEqualTo(queue.name());
        assertThat(line.get("errorCode").textValue()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(line.get("senderFault").booleanValue()).isTrue();
        assertThat(lines.getFirst()).doesNotContain(forgedHandle).doesNotContain("s3cr3t");
        for (Message message : received) {
            assertThat(lines.getFirst()).doesNotContain(message.receiptHandle());
        }
        assertThat(ids(receiveUntil(queue, 2, Duration.ofSeconds(3)))).as("visible again at once")
                .containsExactlyInAnyOrderElementsOf(ids(received));
    }

    @Test
    void changeVisibility_moreThanTenAndTwoQueues_callsPerQueueOfAtMostTenWithTheArnDerivedUrl() {
        LocalSqs.Queue first = SQS.createFifoQueue("split-a", QUEUE_VISIBILITY);
        LocalSqs.Queue second = SQS.createFifoQueue("split-b", QUEUE_VISIBILITY);
        List<Message> fromFirst = sendAndReceive(first, 12);
        List<Message> fromSecond = sendAndReceive(second, 3);
        List<VisibilityChange> changes = new ArrayList<>(changes(first, fromFirst.subList(0, 6), Duration.ofHours(1)));
        changes.addAll(changes(second, fromSecond, Duration.ofHours(1)));
        changes.addAll(changes(first, fromFirst.subList(6, 12), Duration.ofHours(1)));
        CallCounter calls = new CallCounter();
        RecordedBatches batches = new RecordedBatches();

        List<String> changed = new SqsMessageVisibilityAdapter(SQS.client(calls, batches)).changeVisibility(changes);

        assertThat(changed).containsExactlyElementsOf(changes.stream().map(VisibilityChange::messageId).toList());
        assertThat(calls.snapshot()).containsExactlyEntriesOf(Map.of("ChangeMessageVisibilityBatch", 3));
        String firstUrl = "https://sqs.us-east-1.amazonaws.com/" + LocalSqs.ACCOUNT_ID + "/" + first.name();
        String secondUrl = "https://sqs.us-east-1.amazonaws.com/" + LocalSqs.ACCOUNT_ID + "/" + second.name();
        assertThat(batches.requests).extracting(ChangeMessageVisibilityBatchRequest::queueUrl)
                .containsExactly(firstUrl, firstUrl, secondUrl);
        assertThat(batches.requests).extracting(r -> r.entries().size()).containsExactly(10, 2, 3);
        assertThat(batches.requests).flatExtracting(ChangeMessageVisibilityBatchRequest::entries)
                .extracting(ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout).containsOnly(3600);
    }

    @Test
    void changeVisibility_messageIdsThatAreNoEntryIds_safeDistinctEntryIdsAndEachIdReportedOnce() {
        LocalSqs.Queue queue = SQS.createFifoQueue("entry-ids", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, 4);
        String longId = "x".repeat(120);
        // Only the adapter reads messageId: any text stands in for SQS's own ids here.
        List<VisibilityChange> changes = List.of(
                new VisibilityChange("id with spaces/and:colons ü", queue.arn(), received.get(0).receiptHandle(), Duration.ZERO),
                new VisibilityChange(longId, queue.arn(), received.get(1).receiptHandle(), Duration.ZERO),
                new VisibilityChange(longId, queue.arn(), received.get(2).receiptHandle(), Duration.ZERO),
                new VisibilityChange("0-" + longId, queue.arn(), received.get(3).receiptHandle(), Duration.ZERO));
        RecordedBatches batches = new RecordedBatches();

        List<String> changed = new SqsMessageVisibilityAdapter(SQS.client(batches)).changeVisibility(changes);

        assertThat(changed).containsExactly("id with spaces/and:colons ü", longId, "0-" + longId);
        List<String> entryIds = batches.requests.getFirst().entries().stream()
                .map(ChangeMessageVisibilityBatchRequestEntry::id).toList();
        assertThat(entryIds).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9_-]{1,80}"));
        assertThat(entryIds.getFirst()).isEqualTo("0-id_with_spaces_and_colons__");
    }

    @Test
    void changeVisibility_sqsOutage_returnsNothingLogsTheCallAndDoesNotThrow() throws IOException {
        List<VisibilityChange> changes = List.of(
                new VisibilityChange("m-1", "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo", "handle-1-secret", Duration.ofSeconds(2)),
                new VisibilityChange("m-2", "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo", "handle-2-secret", Duration.ofSeconds(2)));
        List<String> changed;
        List<String> lines;
        try (SqsClient unreachable = LocalSqs.clientFor(closedPort());
                CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            changed = new SqsMessageVisibilityAdapter(unreachable).changeVisibility(changes);
            lines = logs.lines();
        }

        assertThat(changed).isEmpty();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.get("event").textValue()).isEqualTo("sqs.visibility_change_failed");
        assertThat(line.get("scope").textValue()).isEqualTo("call");
        assertThat(line.get("operation").textValue()).isEqualTo("ChangeMessageVisibilityBatch");
        assertThat(line.get("queue").textValue()).isEqualTo("voice-sessions.fifo");
        assertThat(line.get("messageIds").textValue()).isEqualTo("m-1,m-2");
        assertThat(line.get("messages").intValue()).isEqualTo(2);
        assertThat(line.get("errorType").textValue()).isEqualTo("SdkClientException");
        assertThat(lines.getFirst()).doesNotContain("secret");
    }

    @Test
    void changeVisibility_queueThatDoesNotExist_loggedWithSqsErrorCodeAndOtherQueuesStillChange() throws IOException {
        LocalSqs.Queue queue = SQS.createFifoQueue("missing-neighbour", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, 1);
        List<VisibilityChange> changes = new ArrayList<>();
        changes.add(new VisibilityChange("lost", "arn:aws:sqs:us-east-1:" + LocalSqs.ACCOUNT_ID + ":deleted-queue.fifo",
                "handle-of-a-deleted-queue", Duration.ZERO));
        changes.addAll(changes(queue, received, Duration.ZERO));
        List<String> changed;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            changed = new SqsMessageVisibilityAdapter(SQS.client()).changeVisibility(changes);
            lines = logs.lines();
        }

        assertThat(changed).containsExactlyElementsOf(ids(received));
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.get("scope").textValue()).isEqualTo("call");
        assertThat(line.get("queue").textValue()).isEqualTo("deleted-queue.fifo");
        assertThat(line.get("messageIds").textValue()).isEqualTo("lost");
        assertThat(line.get("errorType").textValue()).isEqualTo("QueueDoesNotExistException");
        assertThat(line.get("errorCode").textValue()).isNotBlank();
        assertThat(line.get("httpStatus").intValue()).isEqualTo(400);
        assertThat(lines.getFirst()).doesNotContain("handle-of-a-deleted-queue");
    }

    @Test
    void changeVisibility_eventSourceThatIsNoQueueArn_loggedAndNotSent() throws IOException {
        CallCounter calls = new CallCounter();
        List<String> changed;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            changed = new SqsMessageVisibilityAdapter(SQS.client(calls)).changeVisibility(List.of(
                    new VisibilityChange("m-1", "arn:aws:sns:us-east-1:123456789012:topic", "handle-secret", Duration.ZERO)));
            lines = logs.lines();
        }

        assertThat(changed).isEmpty();
        assertThat(calls.total()).isZero();
        assertThat(lines).singleElement().satisfies(l -> assertThat(l)
                .contains("\"event\":\"sqs.visibility_change_failed\"")
                .contains("\"scope\":\"arn\"")
                .contains("\"messageIds\":\"m-1\"")
                .contains("service 'sns' is not sqs")
                .doesNotContain("handle-secret"));
    }

    @Test
    void changeVisibility_nothingToChange_noCall() {
        CallCounter calls = new CallCounter();

        assertThat(new SqsMessageVisibilityAdapter(SQS.client(calls)).changeVisibility(List.of())).isEmpty();
        assertThat(calls.total()).isZero();
    }

    @Test
    void changeVisibility_nullList_isACallerBug() {
        SqsMessageVisibilityAdapter adapter = new SqsMessageVisibilityAdapter(SQS.client());

        assertThatThrownBy(() -> adapter.changeVisibility(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SqsMessageVisibilityAdapter(null)).isInstanceOf(NullPointerException.class);
    }

    /** Sends {@code count} messages, each in its own message group, and receives all of them once. */
    private static List<Message> sendAndReceive(LocalSqs.Queue queue, int count) {
        for (int from = 0; from < count; from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, count); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i)
                        .messageBody("{\"sessionId\":\"s-" + i + "\"}")
                        .messageGroupId("group-" + i)
                        .messageDeduplicationId("dedup-" + i)
                        .build());
            }
            assertThat(SQS.client().sendMessageBatch(b -> b.queueUrl(queue.url()).entries(entries)).failed()).isEmpty();
        }
        List<Message> received = receiveUntil(queue, count, Duration.ofSeconds(5));
        assertThat(received).hasSize(count);
        return received;
    }

    /** Receives until {@code count} messages came or {@code within} passed; long polls of up to a second. */
    private static List<Message> receiveUntil(LocalSqs.Queue queue, int count, Duration within) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(receive(queue, 1));
        }
        return received;
    }

    private static List<Message> receive(LocalSqs.Queue queue, int waitSeconds) {
        return SQS.client().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
    }

    private static List<VisibilityChange> changes(LocalSqs.Queue queue, List<Message> messages, Duration visibleAfter) {
        return messages.stream()
                .map(m -> new VisibilityChange(m.messageId(), queue.arn(), m.receiptHandle(), visibleAfter))
                .toList();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::messageId).toList();
    }

    /** A loopback port nothing listens on: it was free a moment ago and is closed again. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every ChangeMessageVisibilityBatch request a client sends, in order. */
    private static final class RecordedBatches implements ExecutionInterceptor {

        final List<ChangeMessageVisibilityBatchRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof ChangeMessageVisibilityBatchRequest request) {
                requests.add(request);
            }
        }
    }
}

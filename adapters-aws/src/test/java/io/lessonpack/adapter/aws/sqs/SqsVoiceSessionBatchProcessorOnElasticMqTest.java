package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.testing.LocalSqs;
import io.lessonpack.adapter.aws.testing.SqsRecords;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The processor against a real SQS server (ElasticMQ in this JVM): messages are sent to a FIFO
 * queue and received as Lambda would receive them, the batch is processed, and the queue itself
 * shows which messages come back and when.
 */
class SqsVoiceSessionBatchProcessorOnElasticMqTest {

    @RegisterExtension
    static final LocalSqs SQS = new LocalSqs();

    private static final Duration QUEUE_VISIBILITY = Duration.ofSeconds(30);
    /** A short schedule, so a test sees the retry within seconds. */
    private static final RedeliveryBackoff BACKOFF = new RedeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** Fails the sessions of one learner with a fixed reason; skips the rest. */
    private record FailLearner(String user, FailureReason reason) implements GenerateDailyPackageUseCase {
        @Override
        public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
            return command.userId().value().equals(user) ? new GenerationOutcome.Failed(reason, "scripted")
                    : new GenerationOutcome.Skipped(SkipReason.NO_NEW_ANALYSIS, "scripted");
        }
    }

    private static List<Message> sendAndReceive(LocalSqs.Queue queue, List<String[]> userAndGroup) {
        for (int i = 0; i < userAndGroup.size(); i++) {
            String user = userAndGroup.get(i)[0];
            GenerateDailyPackageCommand command = new GenerateDailyPackageCommand(SessionId.of("s" + i), UserId.of(user),
                    Language.of("es"), Instant.parse("2026-03-02T09:00:00Z"));
            int n = i;
            SQS.client().sendMessage(b -> b.queueUrl(queue.url()).messageBody(SqsRecords.body(command))
                    .messageGroupId(userAndGroup.get(n)[1]).messageDeduplicationId("dedup-" + n));
        }
        return receive(queue, userAndGroup.size(), Duration.ofSeconds(3));
    }

    private static List<Message> receive(LocalSqs.Queue queue, int atLeast, Duration within) {
        List<Message> received = new ArrayList<>();
        Instant end = Instant.now().plus(within);
        while (received.size() < atLeast && Instant.now().isBefore(end)) {
            received.addAll(SQS.client().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
        }
        return received;
    }

    /** The records Lambda would hand over for these received messages. */
    private static List<SqsRecord> records(LocalSqs.Queue queue, List<Message> messages) {
        return messages.stream().map(m -> {
            Map<String, String> attributes = new java.util.HashMap<>();
            m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            return new SqsRecord(m.messageId(), m.body(), attributes, m.receiptHandle(), queue.arn());
        }).toList();
    }

    private static SqsVoiceSessionBatchProcessor processor(GenerateDailyPackageUseCase useCase) {
        return new SqsVoiceSessionBatchProcessor(useCase, new SqsVoiceSessionMessageParser(),
                new SqsMessageVisibilityAdapter(SQS.client()), BACKOFF, Clock.systemUTC());
    }

    private static void acknowledge(LocalSqs.Queue queue, List<Message> received, List<String> failed) {
        received.stream().filter(m -> !failed.contains(m.messageId())).forEach(m ->
                SQS.client().deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(m.receiptHandle())));
    }

    @Test
    void waitingForAnalysis_theFailedGroupComesBackWithinSeconds_andTheOtherGroupIsDone() {
        LocalSqs.Queue queue = SQS.createFifoQueue("waiting", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, List.of(
                new String[] {"ana", "shared"}, new String[] {"ben", "shared"}, new String[] {"chika", "chika"}));
        assertThat(received).hasSize(3);

        BatchResult result = processor(new FailLearner("ana", FailureReason.AWAITING_ANALYSIS))
                .process(records(queue, received), Instant.now().plusSeconds(60));
        acknowledge(queue, received, result.failedMessageIds());

        assertThat(result.failedMessageIds()).hasSize(2);
        List<Message> back = receive(queue, 2, Duration.ofSeconds(4));
        assertThat(back).extracting(Message::messageId).containsExactlyInAnyOrderElementsOf(result.failedMessageIds());
        assertThat(back).extracting(m -> m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .containsOnly("2");
        assertThat(back).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .containsOnly("shared");
    }

    @Test
    void aFailureThatIsNotAboutTime_keepsTheQueuesVisibilityTimeout() {
        LocalSqs.Queue queue = SQS.createFifoQueue("not-time", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, List.<String[]>of(new String[] {"ana", "ana"}));

        BatchResult result = processor(new FailLearner("ana", FailureReason.AUTHOR_UNAVAILABLE))
                .process(records(queue, received), Instant.now().plusSeconds(60));

        assertThat(result.failedMessageIds()).hasSize(1);
        assertThat(receive(queue, 1, Duration.ofSeconds(3))).as("invisible for the queue's 30 s").isEmpty();
    }

    @Test
    void backoffGrowsWithTheReceiveCount() {
        LocalSqs.Queue queue = SQS.createFifoQueue("backoff", QUEUE_VISIBILITY);
        List<Message> received = sendAndReceive(queue, List.<String[]>of(new String[] {"ana", "ana"}));
        SqsVoiceSessionBatchProcessor processor = processor(new FailLearner("ana", FailureReason.DEFERRED_FOR_TIME));
        List<Duration> gaps = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            processor.process(records(queue, received), Instant.now().plusSeconds(60));
            Instant failedAt = Instant.now();
            received = receive(queue, 1, Duration.ofSeconds(5));
            gaps.add(Duration.between(failedAt, Instant.now()));
            assertThat(received).hasSize(1);
        }

        assertThat(received.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("3");
        assertThat(gaps.get(1)).isGreaterThan(Duration.ofMillis(1_500));
        assertThat(IntStream.range(0, gaps.size()).mapToObj(gaps::get)).allMatch(g -> g.compareTo(Duration.ofSeconds(4)) < 0);
    }
}

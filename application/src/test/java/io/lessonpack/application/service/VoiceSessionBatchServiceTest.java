package io.lessonpack.application.service;

import static io.lessonpack.application.service.Outcomes.failed;
import static io.lessonpack.application.service.Outcomes.generated;
import static io.lessonpack.application.service.Outcomes.skipped;
import static io.lessonpack.application.testing.GenerationFixture.LEARNER;
import static io.lessonpack.application.testing.GenerationFixture.SPANISH;
import static io.lessonpack.application.testing.GenerationFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.in.BatchReport;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.ProcessVoiceSessionBatchUseCase;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.application.testing.ScriptedAuthor;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceSessionBatchServiceTest {

    /** One message per learner, so each of them can get a lesson. */
    private static List<VoiceSessionMessage> fiveLearners(GenerationFixture f, String prefix) {
        return IntStream.rangeClosed(1, 5)
                .mapToObj(i -> (VoiceSessionMessage) message(prefix + i,
                        f.session(UserId.of("learner-" + i), "session-" + i, SPANISH)))
                .toList();
    }

    private static List<String> idsOf(List<VoiceSessionMessage> messages) {
        return messages.stream().map(VoiceSessionMessage::messageId).toList();
    }

    private static List<VoiceSessionMessage> withNewMessageIds(List<VoiceSessionMessage> messages, String prefix) {
        return messages.stream()
                .map(m -> (VoiceSessionMessage) message(prefix + m.messageId(),
                        ((VoiceSessionMessage.Parsed) m).command()))
                .toList();
    }

    @ParameterizedTest(name = "message {0} of 5 fails")
    @ValueSource(ints = {1, 3, 5})
    void process_messageKOfFiveFails_reportsKThroughFiveAndNeverTheMessagesBefore(int k) {
        GenerationFixture f = GenerationFixture.create();
        List<ScriptedAuthor.Reply> replies = new ArrayList<>();
        IntStream.range(1, k).forEach(i -> replies.add(ScriptedAuthor.valid()));
        replies.add(ScriptedAuthor.failure(LessonAuthorException.Kind.UNAVAILABLE));
        f.author().onWrite(replies.toArray(ScriptedAuthor.Reply[]::new));
        List<VoiceSessionMessage> messages = fiveLearners(f, "msg-");
        List<String> ids = idsOf(messages);

        BatchReport report = f.process(messages);

        assertThat(report.failedMessageIds()).containsExactlyElementsOf(ids.subList(k - 1, 5));
        assertThat(report.items()).extracting(BatchReport.Item::messageId).containsExactlyElementsOf(ids);
        for (int i = 0; i < k - 1; i++) {
            generated(report.items().get(i).outcome());
        }
        failed(report.items().get(k - 1).outcome(), FailureReason.AUTHOR_UNAVAILABLE);
        for (int i = k; i < 5; i++) {
            failed(report.items().get(i).outcome(), FailureReason.EARLIER_MESSAGE_FAILED);
        }
        assertThat(f.author().writeCalls()).isEqualTo(k);
        assertThat(f.packages()).hasSize(k - 1);
        assertThat(f.publishedEvents()).hasSize(k - 1);
    }

    @ParameterizedTest(name = "message {0} of 5 fails, then the queue redelivers from it")
    @ValueSource(ints = {1, 3, 5})
    void process_redeliveryOfTheReportedMessages_finishesTheBatchWithOneLessonPerLearner(int k) {
        GenerationFixture f = GenerationFixture.create();
        List<ScriptedAuthor.Reply> replies = new ArrayList<>();
        IntStream.range(1, k).forEach(i -> replies.add(ScriptedAuthor.valid()));
        replies.add(ScriptedAuthor.failure(LessonAuthorException.Kind.UNAVAILABLE));
        f.author().onWrite(replies.toArray(ScriptedAuthor.Reply[]::new));
        List<VoiceSessionMessage> messages = fiveLearners(f, "msg-");
        f.process(messages);

        BatchReport retry = f.process(messages.subList(k - 1, 5));

        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(f.packages()).hasSize(5).allMatch(p -> p.version() == 1);
        assertThat(f.publishedEvents()).hasSize(5);
        assertThat(f.author().writeCalls()).isEqualTo(6);
    }

    @Test
    void process_everyMessageSucceeds_reportsAnEmptyFailureList() {
        GenerationFixture f = GenerationFixture.create();

        BatchReport report = f.process(fiveLearners(f, "msg-"));

        assertThat(report.failedMessageIds()).isEmpty();
        assertThat(report.items()).hasSize(5).allMatch(i -> i.outcome().acknowledged());
        assertThat(f.packages()).hasSize(5);
    }

    @Test
    void process_emptyBatch_reportsNothing() {
        GenerationFixture f = GenerationFixture.create();

        BatchReport report = f.process(List.of());

        assertThat(report.items()).isEmpty();
        assertThat(report.failedMessageIds()).isEmpty();
    }

    @Test
    void process_failureAmongUnusableMessages_namesOnlyMessageIdsOfTheBatch() {
        GenerationFixture f = GenerationFixture.create();
        f.author().onWrite(ScriptedAuthor.failure(LessonAuthorException.Kind.REFUSED));
        List<VoiceSessionMessage> messages = List.of(
                new VoiceSessionMessage.Unusable("u-1", SkipReason.MISSING_FIELDS, "userId is missing"),
                message("p-2", f.session(UserId.of("learner-2"), "session-2", SPANISH)),
                message("p-3", f.session(UserId.of("learner-3"), "session-3", SPANISH)),
                new VoiceSessionMessage.Unusable("u-4", SkipReason.INVALID_MESSAGE, "body is not JSON"));

        BatchReport report = f.process(messages);

        Set<String> batchIds = messages.stream().map(VoiceSessionMessage::messageId).collect(Collectors.toSet());
        assertThat(report.failedMessageIds()).containsExactly("p-2", "p-3", "u-4")
                .allMatch(batchIds::contains).noneMatch(String::isBlank);
        skipped(report.items().get(0).outcome(), SkipReason.MISSING_FIELDS);
        failed(report.items().get(1).outcome(), FailureReason.AUTHOR_REFUSED);
    }

    @Test
    void process_unusableMessages_areSkippedAndAcknowledgedWithoutBlockingTheOthers() {
        GenerationFixture f = GenerationFixture.create();
        List<VoiceSessionMessage> messages = List.of(
                new VoiceSessionMessage.Unusable("m-1", SkipReason.MISSING_FIELDS, "targetLanguage is missing"),
                message("m-2", f.session("s1")),
                new VoiceSessionMessage.Unusable("m-3", SkipReason.INVALID_MESSAGE, "createdAt is not a string"));

        BatchReport report = f.process(messages);

        assertThat(report.failedMessageIds()).isEmpty();
        assertThat(skipped(report.items().get(0).outcome(), SkipReason.MISSING_FIELDS).detail())
                .isEqualTo("targetLanguage is missing");
        generated(report.items().get(1).outcome());
        skipped(report.items().get(2).outcome(), SkipReason.INVALID_MESSAGE);
        assertThat(f.author().writeCalls()).isEqualTo(1);
    }

    @Test
    void process_secondSessionOfTheSameLearnerInTheBatch_isSkippedWithoutASecondAuthorCall() {
        GenerationFixture f = GenerationFixture.create();
        UserId other = UserId.of("learner-2");
        List<VoiceSessionMessage> messages = List.of(
                message("m-1", f.session("a1")),
                message("m-2", f.session(other, "b1", SPANISH)),
                message("m-3", f.session("a2")),
                message("m-4", f.session(other, "b2", SPANISH)));

        BatchReport report = f.process(messages);

        assertThat(report.failedMessageIds()).isEmpty();
        generated(report.items().get(0).outcome());
        generated(report.items().get(1).outcome());
        skipped(report.items().get(2).outcome(), SkipReason.ALREADY_HAD_LESSON_TODAY);
        skipped(report.items().get(3).outcome(), SkipReason.ALREADY_HAD_LESSON_TODAY);
        assertThat(f.author().writeCalls()).isEqualTo(2);
        assertThat(f.packages()).hasSize(2);
    }

    @Test
    void process_sameSessionTwiceWithDifferentMessageIds_producesOneLessonAndOneEvent() {
        GenerationFixture f = GenerationFixture.create();
        GenerateDailyPackageCommand session = f.session("s1");

        BatchReport report = f.process(List.of(message("m-1", session), message("m-2", session)));

        assertThat(report.failedMessageIds()).isEmpty();
        generated(report.items().get(0).outcome());
        skipped(report.items().get(1).outcome(), SkipReason.ALREADY_PROCESSED);
        BatchReport later = f.process(List.of(message("m-3", session)));
        skipped(later.items().get(0).outcome(), SkipReason.ALREADY_PROCESSED);
        assertThat(f.author().calls()).isEqualTo(1);
        assertThat(f.publishedEvents()).hasSize(1);
    }

    @Test
    void process_moreThanTenMessages_throwsIllegalArgumentExceptionBeforeProcessingAny() {
        GenerationFixture f = GenerationFixture.create();
        List<VoiceSessionMessage> eleven = IntStream.rangeClosed(1, ProcessVoiceSessionBatchUseCase.MAX_BATCH_SIZE + 1)
                .mapToObj(i -> (VoiceSessionMessage) message("m-" + i,
                        f.session(UserId.of("learner-" + i), "session-" + i, SPANISH)))
                .toList();

        assertThatThrownBy(() -> f.process(eleven)).isInstanceOf(IllegalArgumentException.class);

        assertThat(f.author().calls()).isZero();
        assertThat(f.process(eleven.subList(0, ProcessVoiceSessionBatchUseCase.MAX_BATCH_SIZE)).failedMessageIds())
                .isEmpty();
    }

    @Test
    void process_repeatedMessageId_throwsIllegalArgumentExceptionBeforeProcessingAny() {
        GenerationFixture f = GenerationFixture.create();
        List<VoiceSessionMessage> messages = List.of(
                message("m-1", f.session("s1")),
                message("m-1", f.session(UserId.of("learner-2"), "s2", SPANISH)));

        assertThatThrownBy(() -> f.process(messages)).isInstanceOf(IllegalArgumentException.class);

        assertThat(f.author().calls()).isZero();
        assertThat(f.packages()).isEmpty();
    }

    @Test
    void process_replayOfABatchThatSucceeded_changesNothingThatDayOrLater() {
        GenerationFixture f = GenerationFixture.create();
        List<VoiceSessionMessage> messages = fiveLearners(f, "msg-");
        assertThat(f.process(messages).failedMessageIds()).isEmpty();
        List<LessonPackage> packages = f.packages();
        List<PackageGeneratedEvent> events = f.publishedEvents();
        int authorCalls = f.author().calls();

        BatchReport replay = f.process(messages);
        f.nextDay();
        BatchReport redrive = f.process(withNewMessageIds(messages, "redrive-"));

        for (BatchReport report : List.of(replay, redrive)) {
            assertThat(report.failedMessageIds()).isEmpty();
            assertThat(report.items()).allSatisfy(i -> skipped(i.outcome(), SkipReason.ALREADY_PROCESSED));
        }
        assertThat(f.packages()).isEqualTo(packages);
        assertThat(f.publishedEvents()).isEqualTo(events);
        assertThat(f.author().calls()).isEqualTo(authorCalls);
    }

    @Test
    void process_deadlineAlreadyPassed_failsTheFirstSessionAndEveryMessageAfterIt() {
        GenerationFixture f = GenerationFixture.create();
        List<VoiceSessionMessage> messages = List.of(
                new VoiceSessionMessage.Unusable("m-1", SkipReason.INVALID_MESSAGE, "bad JSON"),
                message("m-2", f.session("s1")),
                message("m-3", f.session(UserId.of("learner-2"), "s2", SPANISH)));

        BatchReport report = f.batch().process(messages, f.clock().instant());

        assertThat(report.failedMessageIds()).containsExactly("m-2", "m-3");
        failed(report.items().get(1).outcome(), FailureReason.DEADLINE_EXCEEDED);
        assertThat(f.author().calls()).isZero();
        assertThat(f.store().findPackage(LEARNER, SPANISH)).isEmpty();
    }
}

package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.aws.testing.SqsRecords;
import io.lessonpack.application.logging.GenerationOutcomeLog;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.EmfDocument;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue side: lanes per learner run in parallel, failures follow message groups, time-only
 * failures come back soon. Most tests drive a scripted use case whose answers are fixed per
 * session; the redelivery tests drive the real service on in-memory ports.
 */
class SqsVoiceSessionBatchProcessorTest {

    private static final Language SPANISH = Language.of("es");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant INVOCATION_END = NOW.plusSeconds(60);

    /** A use case that answers per session, records what it was asked, and may block to show overlap. */
    private static final class ScriptedUseCase implements GenerateDailyPackageUseCase {
        private final Map<String, Function<GenerateDailyPackageCommand, GenerationOutcome>> answers =
                new ConcurrentHashMap<>();
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final List<Instant> deadlines = new CopyOnWriteArrayList<>();

        ScriptedUseCase answer(String sessionId, GenerationOutcome outcome) {
            answers.put(sessionId, c -> outcome);
            return this;
        }

        ScriptedUseCase answer(String sessionId, Function<GenerateDailyPackageCommand, GenerationOutcome> answer) {
            answers.put(sessionId, answer);
            return this;
        }

        @Override
        public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
            calls.add(command.sessionId().value());
            deadlines.add(deadline);
            return answers.getOrDefault(command.sessionId().value(),
                    c -> new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "scripted")).apply(command);
        }
    }

    /** Records visibility changes instead of calling SQS. */
    private static final class RecordingVisibility implements MessageVisibility {
        final List<VisibilityChange> changes = new CopyOnWriteArrayList<>();

        @Override
        public List<String> changeVisibility(List<VisibilityChange> requested) {
            changes.addAll(requested);
            return requested.stream().map(VisibilityChange::messageId).toList();
        }
    }

    private static GenerateDailyPackageCommand command(String user, String session) {
        return new GenerateDailyPackageCommand(SessionId.of(session), UserId.of(user), SPANISH, NOW);
    }

    private static SqsRecord message(String messageId, String user, String session, String group) {
        return SqsRecords.message(messageId, command(user, session)).inGroup(group).build();
    }

    private static SqsVoiceSessionBatchProcessor processor(GenerateDailyPackageUseCase useCase,
            MessageVisibility visibility) {
        return new SqsVoiceSessionBatchProcessor(useCase, new SqsVoiceSessionMessageParser(), visibility,
                RedeliveryBackoff.defaults(), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private static Failed fails(FailureReason reason) {
        return new Failed(reason, "scripted");
    }

    @Nested
    class MessageGroups {

        @ParameterizedTest
        @ValueSource(ints = {1, 3, 5})
        void oneGroupForEveryone_messageKFails_reportsKAndEveryLaterMessageAndNeverAnEarlierOne(int k) {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s" + k, fails(FailureReason.AUTHOR_UNAVAILABLE));
            List<SqsRecord> batch = IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> message("m" + i, "learner-" + i, "s" + i, "everyone")).toList();

            BatchResult result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(result.failedMessageIds())
                    .containsExactlyElementsOf(IntStream.rangeClosed(k, 5).mapToObj(i -> "m" + i).toList());
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 3, 5})
        void oneGroupPerLearner_messageKFails_reportsOnlyK(int k) {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s" + k, fails(FailureReason.AUTHOR_UNAVAILABLE));
            List<SqsRecord> batch = IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> message("m" + i, "learner-" + i, "s" + i, "learner-" + i)).toList();

            BatchResult result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(result.failedMessageIds()).containsExactly("m" + k);
            assertThat(useCase.calls).hasSize(5);
        }

        @Test
        void aLearnersLaterMessageOfTheFailedGroup_isNotAttemptedButStillGetsItsOutcomeLine() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.AUTHOR_UNAVAILABLE));
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "ana"), message("m2", "ana", "s2", "ana"));

            BatchResult result;
            List<String> lines;
            try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
                result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);
                lines = logs.lines();
            }

            assertThat(useCase.calls).containsExactly("s1");
            assertThat(result.items().get(1).outcome()).isInstanceOfSatisfying(Failed.class,
                    f -> assertThat(f.reason()).isEqualTo(FailureReason.EARLIER_MESSAGE_FAILED));
            assertThat(result.failedMessageIds()).containsExactly("m1", "m2");
            assertThat(lines).filteredOn(l -> l.contains("\"event\":\"generation.outcome\"") && l.contains("\"s2\""))
                    .singleElement().satisfies(l -> {
                        assertThat(l).contains("\"messageId\":\"m2\"", "\"failedMessageId\":\"m1\"",
                                "EARLIER_MESSAGE_FAILED", "\"messageGroupId\":\"ana\"");
                        // Counted as a failure, at the processor's clock, but not as the learner's second one.
                        EmfDocument emf = EmfDocument.parse(l);
                        assertThat(emf.units()).containsOnlyKeys(GenerationOutcomeLog.FAILURES);
                        assertThat(emf.timestamp()).isEqualTo(NOW.toEpochMilli());
                    });
        }

        @Test
        void aLearnersMessageInAnotherGroup_isStillAttemptedAfterTheLearnersFailure() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.AUTHOR_UNAVAILABLE));
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "g1"), message("m2", "ana", "s2", "g2"));

            BatchResult result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(useCase.calls).containsExactly("s1", "s2");
            assertThat(result.failedMessageIds()).containsExactly("m1");
        }

        @Test
        void aFailureNoRedeliveryCanMend_isReleasedAndTheLearnersLaterMessagesGoOn() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.PACKAGE_UNREADABLE))
                    .answer("s2", fails(FailureReason.AUTHOR_UNAVAILABLE));
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "ana"), message("m2", "ana", "s2", "ana"),
                    message("m3", "ana", "s3", "ana"));

            BatchResult result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(useCase.calls).containsExactly("s1", "s2");
            assertThat(result.items().get(0).outcome()).isInstanceOfSatisfying(Failed.class,
                    f -> assertThat(f.reason()).isEqualTo(FailureReason.PACKAGE_UNREADABLE));
            assertThat(result.failedMessageIds()).containsExactly("m2", "m3");
        }

        @Test
        void aMessageProcessedMeanwhileButReportedForItsGroup_isLoggedAsReportedFailed() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.AUTHOR_UNAVAILABLE))
                    .answer("s2", new Skipped(SkipReason.NO_NEW_ANALYSIS, "scripted"));
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "all"), message("m2", "ben", "s2", "all"));

            List<String> lines;
            try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
                processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);
                lines = logs.lines();
            }

            assertThat(lines).filteredOn(l -> l.contains("\"event\":\"message.reported_failed\"")).singleElement()
                    .satisfies(l -> assertThat(l).contains("\"messageId\":\"m2\"", "\"failedMessageId\":\"m1\"",
                            "\"ownOutcome\":\"Skipped\""));
        }

        @Test
        void unusableMessage_isSkippedAndAcknowledgedAndNeverFailsItsGroup() {
            ScriptedUseCase useCase = new ScriptedUseCase();
            List<SqsRecord> batch = List.of(SqsRecords.raw("m1", "not json").inGroup("g").build(),
                    message("m2", "ana", "s2", "g"));

            BatchResult result;
            List<String> lines;
            try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
                result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);
                lines = logs.lines();
            }

            assertThat(result.failedMessageIds()).isEmpty();
            assertThat(result.items().get(0).outcome()).isInstanceOfSatisfying(Skipped.class,
                    s -> assertThat(s.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
            assertThat(useCase.calls).containsExactly("s2");
            // It has no generation.outcome line: its own line counts it as a skip, so every message counts once.
            assertThat(lines).filteredOn(l -> l.contains("\"event\":\"message.unusable\"")).singleElement()
                    .satisfies(l -> {
                        EmfDocument emf = EmfDocument.parse(l);
                        assertThat(emf.units()).containsOnlyKeys(GenerationOutcomeLog.SKIPS);
                        assertThat(emf.dimensionSets(GenerationOutcomeLog.SKIPS))
                                .containsExactly(List.of(), List.of("reason"));
                        assertThat(emf.text("reason")).isEqualTo("INVALID_MESSAGE");
                    });
        }

        @Test
        void repeatedMessageId_isRefusedBeforeAnythingRuns() {
            ScriptedUseCase useCase = new ScriptedUseCase();
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "g"), message("m1", "ben", "s2", "g"));

            assertThatThrownBy(() -> processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m1");
            assertThat(useCase.calls).isEmpty();
        }

        @Test
        void emptyBatch_reportsNothing() {
            assertThat(processor(new ScriptedUseCase(), new RecordingVisibility()).process(List.of(), INVOCATION_END)
                    .failedMessageIds()).isEmpty();
        }
    }

    @Nested
    class Lanes {

        @Test
        void differentLearners_runAtTheSameTime() {
            CyclicBarrier allThreeInside = new CyclicBarrier(3);
            Function<GenerateDailyPackageCommand, GenerationOutcome> meetTheOthers = c -> {
                try {
                    allThreeInside.await(5, TimeUnit.SECONDS);
                    return new Skipped(SkipReason.NO_NEW_ANALYSIS, "met");
                } catch (Exception e) {
                    return fails(FailureReason.UNEXPECTED);
                }
            };
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", meetTheOthers).answer("s2", meetTheOthers)
                    .answer("s3", meetTheOthers);
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "all"), message("m2", "ben", "s2", "all"),
                    message("m3", "chika", "s3", "all"));

            BatchResult result = processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(result.failedMessageIds()).as("only three lanes running at once could pass the barrier").isEmpty();
        }

        @Test
        void oneLearnersMessages_runOneAfterAnotherInArrivalOrder() {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            Function<GenerateDailyPackageCommand, GenerationOutcome> slowly = c -> {
                order.add("start " + c.sessionId().value());
                sleep(Duration.ofMillis(100));
                order.add("end " + c.sessionId().value());
                return new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "scripted");
            };
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", slowly).answer("s2", slowly)
                    .answer("s3", slowly);
            List<SqsRecord> batch = List.of(message("m1", "ana", "s1", "g1"), message("m2", "ben", "s2", "g2"),
                    message("m3", "ana", "s3", "g3"));

            processor(useCase, new RecordingVisibility()).process(batch, INVOCATION_END);

            assertThat(order.indexOf("end s1")).isLessThan(order.indexOf("start s3"));
        }

        @Test
        void everyGenerationGetsTheInvocationsEndMinusTheClosingTime() {
            ScriptedUseCase useCase = new ScriptedUseCase();

            processor(useCase, new RecordingVisibility()).process(List.of(message("m1", "ana", "s1", "g"),
                    message("m2", "ben", "s2", "g")), INVOCATION_END);

            assertThat(useCase.deadlines).containsOnly(INVOCATION_END.minus(SqsVoiceSessionBatchProcessor.CLOSING_TIME));
        }

        @Test
        void aLaneStillRunningAtTheInvocationsEnd_isReportedFailedAndTheBatchAnswersInTime() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", c -> {
                sleep(Duration.ofSeconds(10));
                return new Skipped(SkipReason.NO_NEW_ANALYSIS, "too late");
            });
            SqsVoiceSessionBatchProcessor onRealTime = new SqsVoiceSessionBatchProcessor(useCase,
                    new SqsVoiceSessionMessageParser(), new RecordingVisibility(), RedeliveryBackoff.defaults(),
                    Clock.systemUTC());
            Instant end = Instant.now().plusMillis(2_500);

            BatchResult result = onRealTime.process(List.of(message("m1", "ana", "s1", "ana"),
                    message("m2", "ben", "s2", "ben")), end);

            assertThat(Instant.now()).isBefore(end.plusMillis(500));
            assertThat(result.failedMessageIds()).containsExactly("m1");
            assertThat(result.items().get(0).outcome()).isInstanceOfSatisfying(Failed.class,
                    f -> assertThat(f.reason()).isEqualTo(FailureReason.DEADLINE_EXCEEDED));
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    class RetrySoon {

        @Test
        void timeOnlyFailure_makesEveryReportedMessageOfItsGroupVisibleAfterTheBackoffOfItsReceiveCount() {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.AWAITING_ANALYSIS));
            RecordingVisibility visibility = new RecordingVisibility();
            List<SqsRecord> batch = List.of(
                    SqsRecords.message("m1", command("ana", "s1")).inGroup("all").receivedTimes(3).build(),
                    SqsRecords.message("m2", command("ben", "s2")).inGroup("all").receivedTimes(1).build(),
                    SqsRecords.message("m3", command("chika", "s3")).inGroup("other").build());

            processor(useCase, visibility).process(batch, INVOCATION_END);

            Duration expected = RedeliveryBackoff.defaults().after(3);
            assertThat(visibility.changes).extracting(VisibilityChange::messageId).containsExactlyInAnyOrder("m1", "m2");
            assertThat(visibility.changes).extracting(VisibilityChange::visibleAfter).containsOnly(expected);
            assertThat(visibility.changes).extracting(VisibilityChange::eventSourceArn).containsOnly(SqsRecords.QUEUE_ARN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AWAITING_ANALYSIS", "DEFERRED_FOR_TIME", "OTHER_SESSION_IN_PROGRESS",
                "DUPLICATE_IN_PROGRESS", "DEADLINE_EXCEEDED"})
        void eachTimeOnlyReason_isRetriedSoon(String reason) {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.valueOf(reason)));
            RecordingVisibility visibility = new RecordingVisibility();

            processor(useCase, visibility).process(List.of(message("m1", "ana", "s1", "ana")), INVOCATION_END);

            assertThat(visibility.changes).extracting(VisibilityChange::messageId).containsExactly("m1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AUTHOR_UNAVAILABLE", "STORAGE_UNAVAILABLE", "DRAFT_BREAKS_RULES", "UNEXPECTED",
                "AUTHOR_REJECTED_REQUEST", "PUBLISH_FAILED"})
        void otherFailures_keepTheQueuesVisibilityTimeout(String reason) {
            ScriptedUseCase useCase = new ScriptedUseCase().answer("s1", fails(FailureReason.valueOf(reason)));
            RecordingVisibility visibility = new RecordingVisibility();

            BatchResult result = processor(useCase, visibility)
                    .process(List.of(message("m1", "ana", "s1", "ana")), INVOCATION_END);

            assertThat(result.failedMessageIds()).containsExactly("m1");
            assertThat(visibility.changes).isEmpty();
        }
    }

    @Nested
    class RedeliveryThroughTheRealService {

        @Test
        void oneGroupForEveryone_aLessonMadeMeanwhileIsReportedFailed_andItsRedeliveryChangesNothing() {
            GenerationFixture f = GenerationFixture.create();
            GenerateDailyPackageCommand waiting = f.command(UserId.of("ana"), "s1", SPANISH);
            GenerateDailyPackageCommand ready = f.session(UserId.of("ben"), "s2", SPANISH);
            SqsVoiceSessionBatchProcessor processor = new SqsVoiceSessionBatchProcessor(f.service(),
                    new SqsVoiceSessionMessageParser(), new RecordingVisibility(), RedeliveryBackoff.defaults(),
                    f.clock());
            List<SqsRecord> batch = List.of(SqsRecords.message("m1", waiting).inGroup("all").build(),
                    SqsRecords.message("m2", ready).inGroup("all").build());

            BatchResult first = processor.process(batch, f.deadline());
            assertThat(first.failedMessageIds()).containsExactly("m1", "m2");
            assertThat(first.items().get(1).outcome()).isInstanceOf(GenerationOutcome.Generated.class);

            BatchResult redelivered = processor.process(List.of(SqsRecords.message("m2-again", ready).inGroup("all")
                    .receivedTimes(2).build()), f.deadline());

            assertThat(redelivered.failedMessageIds()).isEmpty();
            assertThat(redelivered.items().get(0).outcome()).isInstanceOfSatisfying(Skipped.class,
                    s -> assertThat(s.reason()).isEqualTo(SkipReason.ALREADY_PROCESSED));
            assertThat(f.author().calls()).isEqualTo(1);
            assertThat(f.publishedEvents()).hasSize(1);
        }

        @Test
        void oneGroupPerLearner_aFailingLearnerNeverFailsAnotherLearnersMessage() {
            GenerationFixture f = GenerationFixture.create();
            GenerateDailyPackageCommand waiting = f.command(UserId.of("ana"), "s1", SPANISH);
            GenerateDailyPackageCommand ready = f.session(UserId.of("ben"), "s2", SPANISH);
            SqsVoiceSessionBatchProcessor processor = new SqsVoiceSessionBatchProcessor(f.service(),
                    new SqsVoiceSessionMessageParser(), new RecordingVisibility(), RedeliveryBackoff.defaults(),
                    f.clock());

            BatchResult result = processor.process(List.of(SqsRecords.message("m1", waiting).build(),
                    SqsRecords.message("m2", ready).build()), f.deadline());

            assertThat(result.failedMessageIds()).containsExactly("m1");
            assertThat(f.publishedEvents()).hasSize(1);
        }
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.aws.sqs.RedeliveryBackoff;
import io.lessonpack.adapter.aws.sqs.SqsRecord;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.adapter.aws.testing.SqsRecords;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.application.testing.CrashingLessonDays;
import io.lessonpack.application.testing.FailingPublisher;
import io.lessonpack.application.testing.ScriptedAuthor;
import io.lessonpack.application.testing.SequentialIds;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The real {@link GenerateDailyPackageService} and {@link SqsVoiceSessionBatchProcessor} over the
 * DynamoDB adapters on DynamoDB Local, replaying the reliability scenarios of docs/reliability.md
 * ("The test list") end to end: what the in-memory store promises, the tables keep with conditions.
 */
class DynamoDbGenerationContractTest {

    private static final UserId LEARNER = UserId.of("learner-1");
    private static final Language SPANISH = Language.of("es-MX");
    private static final Duration TIME_LEFT = Duration.ofSeconds(50);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * Throws a client-side failure (as a timeout would) on the next calls of one operation, before
     * sending; for TransactWriteItems only on the lesson's commit (the one with a client request
     * token), not on the writes that bring evidence words in before it.
     */
    private static final class FailNext implements ExecutionInterceptor {
        private final String operation;
        private final AtomicInteger left = new AtomicInteger();

        FailNext(String operation) {
            this.operation = operation;
        }

        private static boolean isCommit(Object request) {
            return !(request instanceof TransactWriteItemsRequest t) || t.clientRequestToken() != null;
        }

        void failNext(int count) {
            left.set(count);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                    && isCommit(context.request()) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw SdkClientException.create("injected: the " + operation + " call timed out");
            }
        }
    }

    /** The services wired over the DynamoDB adapters, as the Lambda wires them. */
    private static final class Harness {
        final FailNext commitFailure = new FailNext("TransactWriteItems");
        final CallCounter calls = new CallCounter();
        final DynamoDbStores stores = DynamoDbStores.create("contract", LocalDynamoDb.client(commitFailure, calls));
        final ScriptedAuthor author = new ScriptedAuthor();
        final InMemoryEventPublisher events = new InMemoryEventPublisher();
        final FailingPublisher publisher = new FailingPublisher(events);
        final CrashingLessonDays lessonDays = new CrashingLessonDays(stores.days);
        final GenerationSettings settings = GenerationSettings.defaults();
        final GenerateDailyPackageUseCase service = GenerateDailyPackageService.create(new GenerationPorts(stores.days,
                lessonDays, lessonDays, stores.days, stores.states, stores.packages, stores.results, stores.curriculum,
                stores.saver, publisher, author), settings, Fsrs.withDefaults(), stores.clock, new SequentialIds());
        final SqsVoiceSessionBatchProcessor batch = new SqsVoiceSessionBatchProcessor(service,
                new SqsVoiceSessionMessageParser(), MessageVisibility.none(), RedeliveryBackoff.defaults(), stores.clock);
        private final Map<UserId, Instant> lastAnalysisAt = new java.util.concurrent.ConcurrentHashMap<>();

        GenerateDailyPackageCommand session(String sessionId) {
            return session(LEARNER, sessionId);
        }

        /**
         * A session that ended now, with its analysis stored as the analysis service would. The
         * results table is keyed on (userId, createdAt), so a second session of the learner at the
         * same instant moves the clock on by a millisecond rather than overwrite the first's analysis.
         */
        GenerateDailyPackageCommand session(UserId user, String sessionId) {
            Instant last = lastAnalysisAt.get(user);
            if (last != null && !stores.clock.instant().isAfter(last)) {
                stores.clock.advance(Duration.ofMillis(1));
            }
            Instant now = stores.clock.instant();
            lastAnalysisAt.put(user, now);
            stores.putResult(AnalysisResult.builder(user, now).analysisId("analysis-" + sessionId).sessionId(sessionId)
                    .targetLanguage(SPANISH).targetsMissed(List.of("gato")).targetsHit(List.of("perro"))
                    .wordsUsed(List.of("casa")).feedback("Clear pronunciation.").build());
            return command(user, sessionId);
        }

        GenerateDailyPackageCommand command(String sessionId) {
            return command(LEARNER, sessionId);
        }

        GenerateDailyPackageCommand command(UserId user, String sessionId) {
            return new GenerateDailyPackageCommand(SessionId.of(sessionId), user, SPANISH, stores.clock.instant());
        }

        GenerationOutcome generate(GenerateDailyPackageCommand command) {
            return service.generate(command, stores.clock.instant().plus(TIME_LEFT));
        }

        List<Map<String, AttributeValue>> items(String prefix) {
            return stores.stateItems(LEARNER, prefix);
        }

        LessonPackage storedPackage(Generated generated) {
            return ((StoredPackage.Current) stores.packages.loadPackage(generated.lessonPackage().id()).orElseThrow())
                    .lessonPackage();
        }

        List<String> publishedEventIds() {
            return events.events().stream().map(PackageGeneratedEvent::eventId).toList();
        }
    }

    private static Generated generated(GenerationOutcome outcome) {
        assertThat(outcome).isInstanceOf(Generated.class);
        return (Generated) outcome;
    }

    private static void skipped(GenerationOutcome outcome, SkipReason reason) {
        assertThat(outcome).isInstanceOfSatisfying(Skipped.class, s -> assertThat(s.reason()).isEqualTo(reason));
    }

    private static Failed failed(GenerationOutcome outcome, FailureReason reason) {
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason()).isEqualTo(reason));
        return (Failed) outcome;
    }

    @Test
    void firstLesson_createsVersionOneAndWritesEveryItemAndPublishesOnce() {
        Harness h = new Harness();

        Generated g = generated(h.generate(h.session("s1")));

        LessonPackage pkg = h.storedPackage(g);
        assertThat(g.created()).isTrue();
        assertThat(pkg).isEqualTo(g.lessonPackage());
        assertThat(pkg.version()).isEqualTo(1);
        assertThat(pkg.language()).isEqualTo(SPANISH);
        assertThat(pkg.reviewTopics()).isNotEmpty();
        assertThat(h.stores.states.loadLearnerState(LEARNER, SPANISH).packageId()).contains(pkg.id());
        assertThat(h.items("WORD#es#")).hasSize(g.record().newWords() + g.record().wordsAdded()).isNotEmpty();
        assertThat(h.items("WORD#es#1#gato")).singleElement().satisfies(w -> {
            assertThat(w.get("origin").s()).isEqualTo("TESTED");
            assertThat(w.get("history").l()).extracting(AttributeValue::s).containsExactly("2026-03-02:1");
            assertThat(w.get("dueOn").s()).isEqualTo("2026-03-03");
        });
        assertThat(h.items("WORD#es#1#casa")).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("origin", AttributeValue.fromS("USED")).doesNotContainKeys("dueUser", "dueOn"));
        assertThat(h.items("SESSION#s1")).hasSize(1);
        assertThat(h.items("RUN#2026-03-02#s1")).hasSize(1);
        assertThat(h.publishedEventIds()).containsExactly(pkg.id().value() + ":1");
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY"))
                .containsKey("lastLessonDate").doesNotContainKeys("pendingEvent#" + pkg.id().value() + ":1", "claimToken",
                        "claimDraft");
        assertThat(h.author.calls()).isEqualTo(1);
    }

    @Test
    void nextDay_evolvesTheSamePackageAndTheCurriculumNeverHoldsAKeyTwiceEvenWhenTheAuthorRepeatsAWord() {
        Harness h = new Harness();
        Generated first = generated(h.generate(h.session("s1")));
        String known = first.lessonPackage().newLesson().words().get(0);
        h.stores.clock.advance(Duration.ofDays(1));
        h.author.onWrite(ScriptedAuthor.duplicateWord(known));

        Generated second = generated(h.generate(h.session("s2")));

        assertThat(second.created()).isFalse();
        assertThat(second.lessonPackage().id()).isEqualTo(first.lessonPackage().id());
        assertThat(h.storedPackage(second).version()).isEqualTo(2);
        assertThat(h.author.repairCalls()).isEqualTo(1);
        assertThat(second.lessonPackage().newLesson().words()).doesNotContain(known);
        List<Map<String, AttributeValue>> words = h.items("WORD#es#");
        Set<String> keys = new HashSet<>();
        words.forEach(w -> assertThat(keys.add(w.get("keyValue").s())).as("unique key").isTrue());
        assertThat(words).hasSize(first.record().newWords() + second.record().newWords() + first.record().wordsAdded()
                + second.record().wordsAdded());
        assertThat(h.publishedEventIds()).containsExactly(first.event().eventId(), second.event().eventId());
        assertThat(h.stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt())
                .contains(h.stores.clock.instant());
    }

    @Test
    void sameDay_secondSessionIsSkippedAndItsAnalysisIsLeftForTomorrow() {
        Harness h = new Harness();
        generated(h.generate(h.session("s1")));
        h.stores.clock.advance(Duration.ofHours(2));
        Instant lastProcessed = h.stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt().orElseThrow();

        skipped(h.generate(h.session("s2")), SkipReason.ALREADY_HAD_LESSON_TODAY);

        assertThat(h.stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt()).contains(lastProcessed);
        h.stores.clock.advance(Duration.ofDays(1));
        Generated tomorrow = generated(h.generate(h.command("s2")));
        assertThat(tomorrow.record().resultsConsumed()).isEqualTo(1);
    }

    @Test
    void midnight_lastMillisecondOfADayAndTheNextMidnightAreTwoLessons() {
        Harness h = new Harness();
        h.stores.clock.set(Instant.parse("2026-03-02T23:59:59.999Z"));
        generated(h.generate(h.session("late")));
        h.stores.clock.set(Instant.parse("2026-03-03T00:00:00Z"));

        Generated early = generated(h.generate(h.session("early")));

        assertThat(early.lessonPackage().lessonDate()).isEqualTo(LessonDay.parse("2026-03-03"));
        assertThat(early.lessonPackage().version()).isEqualTo(2);
    }

    @Test
    void duplicateDelivery_isSkippedWithOneAuthorCallOneVersionAndOneReadOnly() {
        Harness h = new Harness();
        GenerateDailyPackageCommand session = h.session("s1");
        generated(h.generate(session));
        h.calls.reset();

        skipped(h.generate(session), SkipReason.ALREADY_PROCESSED);

        assertThat(h.calls.snapshot()).isEqualTo(Map.of("BatchGetItem", 1));
        assertThat(h.author.calls()).isEqualTo(1);
        assertThat(h.publishedEventIds()).hasSize(1);
        assertThat(h.items("RUN#")).hasSize(1);
    }

    @RepeatedTest(3)
    void concurrency_twoSessionsOfOneLearnerAtOnce_produceExactlyOneLesson() throws Exception {
        race(false);
    }

    @RepeatedTest(3)
    void concurrency_twoDeliveriesOfOneSessionAtOnce_produceExactlyOneLesson() throws Exception {
        race(true);
    }

    private void race(boolean sameSession) throws Exception {
        Harness h = new Harness();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        h.author.onWrite(ScriptedAuthor.awaiting(entered, proceed));
        GenerateDailyPackageCommand a = h.session("s-a");
        GenerateDailyPackageCommand b = sameSession ? a : h.session("s-b");
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<GenerationOutcome> first = CompletableFuture.supplyAsync(() -> afterBarrier(start, h, a), pool);
        CompletableFuture<GenerationOutcome> second = CompletableFuture.supplyAsync(() -> afterBarrier(start, h, b), pool);

        assertThat(entered.await(10, SECONDS)).as("one attempt reached the author").isTrue();
        GenerationOutcome loser = (GenerationOutcome) CompletableFuture.anyOf(first, second).get(10, SECONDS);
        proceed.countDown();
        List<GenerationOutcome> outcomes = List.of(first.get(10, SECONDS), second.get(10, SECONDS));

        assertThat(outcomes).filteredOn(Generated.class::isInstance).hasSize(1);
        assertThat(loser).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason()).isEqualTo(sameSession
                ? FailureReason.DUPLICATE_IN_PROGRESS : FailureReason.OTHER_SESSION_IN_PROGRESS));
        assertThat(h.author.writeCalls()).isEqualTo(1);
        assertThat(h.publishedEventIds()).hasSize(1);
        assertThat(h.items("RUN#")).hasSize(1);
        assertThat(h.items("SESSION#")).hasSize(1);
        assertThat(h.storedPackage((Generated) outcomes.stream().filter(Generated.class::isInstance).findFirst()
                .orElseThrow()).version()).isEqualTo(1);
    }

    private static GenerationOutcome afterBarrier(CyclicBarrier start, Harness h, GenerateDailyPackageCommand command) {
        try {
            start.await(10, SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the race did not start", e);
        }
        return h.generate(command);
    }

    @Test
    void crashAfterTheAuthorAnswered_retryResumesTheStoredDraftWithoutASecondAuthorCall() {
        Harness h = new Harness();
        h.commitFailure.failNext(1);
        GenerateDailyPackageCommand session = h.session("s1");

        Failed crash = failed(h.generate(session), FailureReason.STORAGE_UNAVAILABLE);
        assertThat(crash.retryable()).isTrue();
        assertThat(h.items("RUN#")).isEmpty();
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY")).containsKeys("claimDraft", "claimDraftSessionId");

        Generated retry = generated(h.generate(session));

        assertThat(retry.record().resumed()).isTrue();
        assertThat(h.author.calls()).isEqualTo(1);
        assertThat(retry.lessonPackage().conversations()).isEqualTo(h.author.answers().get(0).conversations());
        assertThat(h.storedPackage(retry).version()).isEqualTo(1);
        assertThat(h.publishedEventIds()).hasSize(1);
        assertThat(h.items("RUN#")).hasSize(1);
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKeys("claimDraft", "claimDraftSessionId");
    }

    @Test
    void processDiesHoldingTheClaim_duplicatesWaitForTheLeaseThenTheSessionResumesItsDraft() {
        Harness h = new Harness();
        h.lessonDays.dropReleases(true);
        h.commitFailure.failNext(1);
        GenerateDailyPackageCommand session = h.session("s1");
        failed(h.generate(session), FailureReason.STORAGE_UNAVAILABLE);
        h.lessonDays.dropReleases(false);
        h.stores.clock.advance(Duration.ofMinutes(1));

        failed(h.generate(session), FailureReason.DUPLICATE_IN_PROGRESS);
        failed(h.generate(h.session("s2")), FailureReason.OTHER_SESSION_IN_PROGRESS);
        h.stores.clock.advance(h.settings.claimLeaseMargin());
        Generated takeover = generated(h.generate(session));

        assertThat(takeover.record().resumed()).isTrue();
        assertThat(h.author.calls()).isEqualTo(1);
        assertThat(h.publishedEventIds()).hasSize(1);
        skipped(h.generate(h.command("s2")), SkipReason.ALREADY_HAD_LESSON_TODAY);
    }

    @Test
    void publishFails_theRetryPublishesTheSameEventIdAndWritesNoSecondVersion() {
        Harness h = new Harness();
        h.publisher.failNext(1);
        GenerateDailyPackageCommand session = h.session("s1");

        failed(h.generate(session), FailureReason.PUBLISH_FAILED);
        LessonPackage saved = ((StoredPackage.Current) h.stores.packages.findPackage(LEARNER, SPANISH).orElseThrow())
                .lessonPackage();
        String eventId = saved.id().value() + ":1";
        assertThat(h.events.events()).isEmpty();
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY")).containsKey("pendingEvent#" + eventId);

        skipped(h.generate(session), SkipReason.ALREADY_PROCESSED);
        skipped(h.generate(session), SkipReason.ALREADY_PROCESSED);

        assertThat(h.publishedEventIds()).containsExactly(eventId);
        assertThat(h.events.events().get(0)).isEqualTo(PackageGeneratedEvent.of(saved));
        assertThat(h.stores.packages.loadPackage(saved.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(h.items("RUN#")).hasSize(1);
        assertThat(h.author.calls()).isEqualTo(1);
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKey("pendingEvent#" + eventId);
    }

    @Test
    void batch_ofThreeMessages_givesOneLessonPerLearnerAndSkipsTheSecondSessionOfTheDay() {
        Harness h = new Harness();
        UserId other = UserId.of("learner-2");
        List<SqsRecord> messages = List.of(
                SqsRecords.message("m1", h.session("s1")).build(),
                SqsRecords.message("m2", h.session("s2")).build(),
                SqsRecords.message("m3", h.session(other, "s3")).build());

        BatchResult report = h.batch.process(messages, h.stores.clock.instant().plus(TIME_LEFT));

        assertThat(report.failedMessageIds()).as(report.items().toString()).isEmpty();
        assertThat(report.items()).extracting(i -> i.outcome().getClass().getSimpleName())
                .containsExactly("Generated", "Skipped", "Generated");
        assertThat(h.publishedEventIds()).hasSize(2);
        assertThat(h.stores.packages.findPackage(other, SPANISH)).isPresent();
    }

    @Test
    void aPackageOfTheOriginalService_isAdoptedInPlaceAndItsWordsAreNeverIntroducedAgain() {
        Harness h = new Harness();
        h.stores.putPackageItem(TestData.originalServicePackage("legacy-1", LEARNER, "es"));
        h.author.onWrite(ScriptedAuthor.duplicateWord("vecino"));

        Generated g = generated(h.generate(h.session("s1")));

        assertThat(g.lessonPackage().id().value()).isEqualTo("legacy-1");
        assertThat(g.lessonPackage().name()).isEqualTo("Daily conversation practice");
        assertThat(g.event().updated()).isTrue();
        assertThat(h.publishedEventIds()).containsExactly("legacy-1:1");
        Map<String, AttributeValue> item = h.stores.packageItem("legacy-1");
        assertThat(item.get("schemaVersion").s()).isEqualTo("package.v1");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("beginner", "migrated");
        assertThat(item.get("lastPracticedAt").s()).isEqualTo("2026-02-27T18:30:00Z");
        assertThat(h.items("WORD#es#1#vecino")).singleElement()
                .satisfies(w -> assertThat(w.get("introducedOn").s()).isEqualTo("2026-02-19"));
        assertThat(h.items("WORD#es#1#hola")).hasSize(1);
        assertThat(h.items("WORD#es#1#encantado")).hasSize(1);
        assertThat(h.author.repairViolations()).hasSize(1);
        assertThat(g.lessonPackage().newLesson().words()).doesNotContain("vecino", "hola", "encantado");
        assertThat(h.stores.states.loadLearnerState(LEARNER, SPANISH).packageId()).contains(g.lessonPackage().id());
    }

    @Test
    void aPackageThatCannotBeReadEvenAsTheOriginalShape_failsItsMessageButReleasesIt() {
        Harness h = new Harness();
        Map<String, AttributeValue> odd = new java.util.HashMap<>(TestData.originalServicePackage("legacy-1", LEARNER, "es"));
        odd.put("conversations", AttributeValue.fromS("a lesson in another shape"));
        h.stores.putPackageItem(odd);

        BatchResult report = h.batch.process(List.of(SqsRecords.message("m1", h.session("s1")).build()),
                h.stores.clock.instant().plus(TIME_LEFT));

        assertThat(report.items().get(0).outcome()).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.PACKAGE_UNREADABLE));
        assertThat(report.failedMessageIds()).isEmpty();
        assertThat(h.stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKey("lastLessonDate");
        assertThat(h.items("WORD#")).isEmpty();
    }
}

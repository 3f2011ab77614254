package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.JAPANESE;
import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.MEXICAN_SPANISH;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.aws.event.PackageGeneratedEventJson;
import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.LearnerMemoryModel;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

class DynamoDbGenerationCommitAdapterTest {

    private static final Instant NOW = DynamoDbStores.START;
    private static final Instant RESULT_AT = Instant.parse("2026-03-02T08:59:30.123456Z");
    private static final LessonDay TODAY = LessonDay.of(NOW);

    private final DynamoDbStores stores = DynamoDbStores.create("commit");

    private String claimToday(String session) {
        String token = UUID.randomUUID().toString();
        Instant now = stores.clock.instant();
        ClaimResult result = stores.days.claim(new DayClaim(LEARNER, LessonDay.of(now), SessionId.of(session), SPANISH,
                token, now, now.plus(Duration.ofMinutes(3))));
        assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
        return token;
    }

    private static CurriculumEntry reviewed(CurriculumEntry entry, double stability, LocalDate lastReview) {
        return CurriculumEntry.restore(entry.key(), entry.writing(), entry.pronunciation(), entry.meaning(),
                entry.introducedOn(), CurriculumEntry.Origin.LESSON, new MemoryState(stability, 5.5, lastReview),
                RecallHistory.empty());
    }

    /** Commits version 1 of p-1 today with the words "gato" and "perro" added. */
    private GenerationCommit firstLesson() {
        String token = claimToday("s1");
        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, NOW);
        GenerationCommit commit = TestData.commit(token, "s1", pkg, 0, RESULT_AT, new CurriculumChange(
                List.of(TestData.entry(SPANISH, "gato", TODAY), TestData.entry(SPANISH, "perro", TODAY)), List.of()));
        assertThat(stores.saver.commit(LEARNER, commit)).isEqualTo(CommitResult.COMMITTED);
        return commit;
    }

    @Test
    void commit_firstLesson_writesTheDayThePackageTheStateTheWordsTheMarkerAndTheRunRecord() {
        GenerationCommit commit = firstLesson();

        Map<String, AttributeValue> day = stores.stateItem(LEARNER, "LAST_LESSON_DAY");
        assertThat(day.get("lastLessonDate").s()).isEqualTo("2026-03-02");
        assertThat(day.get("lastLessonSessionId").s()).isEqualTo("s1");
        assertThat(PackageGeneratedEventJson.fromJson(day.get("pendingEvent#p-1:1").s())).isEqualTo(commit.event());
        assertThat(day).containsKey("updatedAt").doesNotContainKeys("claimDay", "claimSessionId", "claimToken",
                "claimLanguage", "claimLeaseExpiresAt", "claimDraft", "claimDraftSessionId");

        assertThat(stores.packages.loadPackage(PackageId.of("p-1"))).contains(new StoredPackage.Current(commit.lessonPackage()));

        Map<String, AttributeValue> language = stores.stateItem(LEARNER, "LANGUAGE#es");
        assertThat(language.get("language").s()).isEqualTo("es");
        assertThat(language.get("lastProcessedAt").s()).isEqualTo("2026-03-02T08:59:30.123456000Z");
        assertThat(language.get("packageId").s()).isEqualTo("p-1");
        assertThat(language.get("packageVersion").n()).isEqualTo("1");
        assertThat(language.get("updatedAt").s()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(language.get("analysisVersion").n()).isEqualTo("1");
        assertThat(language.get("handledAnalyses").m())
                .containsOnly(Map.entry(RESULT_AT.toString(), AttributeValue.fromS("2026-03-02T08:59:30.123456000Z")));
        assertThat(stores.states.loadLearnerState(LEARNER, MEXICAN_SPANISH)).isEqualTo(new LearnerState(
                RESULT_AT, PackageId.of("p-1"), Map.of(RESULT_AT.toString(), RESULT_AT), 1,
                LearnerMemoryModel.defaults()));

        Map<String, AttributeValue> gato = stores.stateItem(LEARNER, "WORD#es#1#gato");
        assertThat(gato.get("writing").s()).isEqualTo("gato");
        assertThat(gato.get("pronunciation").s()).isEqualTo("/gato/");
        assertThat(gato.get("meaning").s()).isEqualTo("meaning of gato");
        assertThat(gato.get("introducedOn").s()).isEqualTo("2026-03-02");
        assertThat(gato.get("keyValue").s()).isEqualTo("gato");
        assertThat(gato.get("keyVersion").n()).isEqualTo("1");
        assertThat(gato.get("dueUser").s()).isEqualTo("USER#learner-1#LANGUAGE#es");
        assertThat(gato.get("dueOn").s()).isEqualTo("2026-03-02");
        assertThat(gato).doesNotContainKeys("stability", "difficulty", "lastReview", "readingKey");
        assertThat(stores.stateItems(LEARNER, "WORD#")).hasSize(2);
        assertThat(stores.stateItems(LEARNER, "READING#")).isEmpty();

        Map<String, AttributeValue> marker = stores.stateItem(LEARNER, "SESSION#s1");
        assertThat(marker.get("packageId").s()).isEqualTo("p-1");
        assertThat(marker.get("packageVersion").n()).isEqualTo("1");
        assertThat(marker.get("lessonDate").s()).isEqualTo("2026-03-02");
        assertThat(marker.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));

        Map<String, AttributeValue> run = stores.stateItem(LEARNER, "RUN#2026-03-02#s1");
        assertThat(run.get("author").s()).isEqualTo("scripted");
        assertThat(run.get("authorCalls").n()).isEqualTo("2");
        assertThat(run.get("promptTokens").n()).isEqualTo("2400");
        assertThat(run.get("cachedTokens").n()).isEqualTo("1024");
        assertThat(run.get("completionTokens").n()).isEqualTo("800");
        assertThat(new java.math.BigDecimal(run.get("estimatedCostUsd").n())).isEqualByComparingTo("0.01248");
        assertThat(run.get("repairRounds").n()).isEqualTo("1");
        assertThat(run.get("resumed").bool()).isFalse();
        assertThat(run.get("reviewWords").n()).isEqualTo("2");
        assertThat(run.get("newWords").n()).isEqualTo("2");
        assertThat(run.get("resultsConsumed").n()).isEqualTo("3");
        assertThat(run.get("packageId").s()).isEqualTo("p-1");
        assertThat(run.get("packageVersion").n()).isEqualTo("1");
        assertThat(run.get("createdAt").s()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(run.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(180)).getEpochSecond()));
    }

    @Test
    void commit_nextDay_updatesThePackageTheStateAndTheMovedWords() {
        firstLesson();
        stores.clock.advance(Duration.ofDays(1));
        Instant now = stores.clock.instant();
        String token = claimToday("s2");
        CurriculumEntry gato = reviewed(TestData.entry(SPANISH, "gato", TODAY), 2.3065, LocalDate.parse("2026-03-03"));
        LessonPackage v2 = TestData.pkg("p-1", SPANISH, 2, now);
        Instant resultAt = Instant.parse("2026-03-03T08:00:00Z");

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s2", v2, 1,
                resultAt, new CurriculumChange(List.of(TestData.entry(SPANISH, "casa", LessonDay.of(now))), List.of(gato))));

        assertThat(result).isEqualTo(CommitResult.COMMITTED);
        assertThat(stores.packages.loadPackage(PackageId.of("p-1"))).contains(new StoredPackage.Current(v2));
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt()).contains(resultAt);
        Map<String, AttributeValue> stored = stores.stateItem(LEARNER, "WORD#es#1#gato");
        assertThat(stored.get("stability").n()).isEqualTo("2.3065");
        assertThat(stored.get("difficulty").n()).isEqualTo("5.5");
        assertThat(stored.get("lastReview").s()).isEqualTo("2026-03-03");
        assertThat(stored.get("dueOn").s()).isEqualTo("2026-03-05");
        assertThat(stores.curriculum.entries(LEARNER, SPANISH, java.util.Set.of(gato.key()))).containsExactly(gato);
        assertThat(stores.stateItems(LEARNER, "WORD#")).hasSize(3);
        assertThat(stores.stateItems(LEARNER, "RUN#")).hasSize(2);
    }

    @Test
    void commit_afterTheClaimWasTakenOver_isClaimLostAndWritesNothing() {
        String token = claimToday("s1");
        stores.clock.advance(Duration.ofMinutes(3));
        claimToday("s2");
        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, NOW);

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", pkg, 0, RESULT_AT,
                new CurriculumChange(List.of(TestData.entry(SPANISH, "gato", TODAY)), List.of())));

        assertThat(result).isEqualTo(CommitResult.CLAIM_LOST);
        assertNothingCommitted();
    }

    @Test
    void commit_withoutAnyClaim_isClaimLost() {
        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, NOW);

        assertThat(stores.saver.commit(LEARNER, TestData.commit("never-claimed", "s1", pkg, 0, RESULT_AT,
                CurriculumChange.none()))).isEqualTo(CommitResult.CLAIM_LOST);
        assertNothingCommitted();
    }

    @Test
    void commit_packageCreatedMeanwhile_isStalePackage() {
        String token = claimToday("s1");
        stores.putPackageItem(PackageItems.item(TestData.pkg("p-1", SPANISH, 1, NOW)));

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.STALE_PACKAGE);
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).containsKey("claimToken").doesNotContainKey("lastLessonDate");
    }

    @Test
    void commit_packageVersionMovedMeanwhile_isStalePackage() {
        firstLesson();
        stores.clock.advance(Duration.ofDays(1));
        stores.putPackageItem(PackageItems.item(TestData.pkg("p-1", SPANISH, 2, stores.clock.instant())));
        String token = claimToday("s2");

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s2",
                TestData.pkg("p-1", SPANISH, 2, stores.clock.instant()), 1, RESULT_AT.plusSeconds(60),
                CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.STALE_PACKAGE);
    }

    @Test
    void commit_analysisProgressRecordedMeanwhile_isStaleState() {
        String token = claimToday("s1");
        assertThat(stores.saver.recordAnalysisProgress(LEARNER, SPANISH, 0, TestData.progress(RESULT_AT.minusSeconds(1))))
                .isTrue();

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.STALE_STATE);
        assertThat(stores.packageItem("p-1")).isEmpty();
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt()).contains(RESULT_AT.minusSeconds(1));
    }

    @Test
    void commit_languageItemFromBeforeProgressVersions_countsAsVersionZero() {
        String token = claimToday("s1");
        Instant previous = Instant.parse("2026-03-01T10:00:00.100Z");
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LANGUAGE#es"),
                "lastProcessedAt", AttributeValue.fromS("2026-03-01T10:00:00.1+00:00")));
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH))
                .isEqualTo(new LearnerState(previous, null, Map.of(), 0,
                        LearnerMemoryModel.defaults()));

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.COMMITTED);
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).analysisVersion()).isEqualTo(1);
    }

    @Test
    void commit_aNewWordAddedMeanwhile_isStaleStateAndWritesNothing() {
        String token = claimToday("s1");
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, TestData.entry(SPANISH, "perro", LessonDay.parse("2026-03-01"))));

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, new CurriculumChange(
                        List.of(TestData.entry(SPANISH, "gato", TODAY), TestData.entry(SPANISH, "perro", TODAY)), List.of())));

        assertThat(result).isEqualTo(CommitResult.STALE_STATE);
        assertNothingCommitted();
        assertThat(stores.stateItem(LEARNER, "WORD#es#1#perro").get("introducedOn").s()).isEqualTo("2026-03-01");
    }

    @Test
    void commit_sentTwiceAtTheSameInstant_isAppliedOnceAndAnsweredCommittedTwice() {
        RecordingInterceptor recorder = new RecordingInterceptor();
        DynamoDbStores recorded = stores.withClient(LocalDynamoDb.client(recorder));
        String token = claimToday("s1");
        GenerationCommit commit = TestData.commit(token, "s1", TestData.pkg("p-1", SPANISH, 1, NOW), 0,
                RESULT_AT, new CurriculumChange(List.of(TestData.entry(SPANISH, "gato", TODAY)), List.of()));

        assertThat(recorded.saver.commit(LEARNER, commit)).isEqualTo(CommitResult.COMMITTED);
        assertThat(recorded.saver.commit(LEARNER, commit)).isEqualTo(CommitResult.COMMITTED);

        List<String> tokens = recorder.transactions.stream().map(TransactWriteItemsRequest::clientRequestToken).toList();
        assertThat(tokens).hasSize(2).doesNotContainNull();
        assertThat(tokens.get(0)).isEqualTo(tokens.get(1)).hasSizeLessThanOrEqualTo(36);
        assertThat(stores.stateItems(LEARNER, "RUN#")).hasSize(1);
        assertThat(stores.packages.loadPackage(PackageId.of("p-1")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void commit_sameClaimTokenWithOtherContentWithinTheTokensWindow_failsAsARequestErrorAndWritesNothingMore() {
        GenerationCommit first = firstLesson();
        stores.clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> stores.saver.commit(LEARNER, first))
                .isInstanceOf(DynamoDbRequestException.class)
                .hasMessageContaining("IdempotentParameterMismatch");
        assertThat(stores.stateItems(LEARNER, "RUN#")).hasSize(1);
    }

    @Test
    void requestToken_isAUuidScopedToTableLearnerAndClaim() {
        String token = DynamoDbGenerationCommitAdapter.requestToken("state", LEARNER, "id-1");

        assertThat(UUID.fromString(token).toString()).isEqualTo(token);
        assertThat(DynamoDbGenerationCommitAdapter.requestToken("state", LEARNER, "id-1")).isEqualTo(token);
        assertThat(DynamoDbGenerationCommitAdapter.requestToken("state", LEARNER, "id-2")).isNotEqualTo(token);
        assertThat(DynamoDbGenerationCommitAdapter.requestToken("other", LEARNER, "id-1")).isNotEqualTo(token);
    }

    @Test
    void commit_japaneseWords_writesOneReadingPerReadingAndNoneForKanaWords() {
        String token = claimToday("s1");
        CurriculumEntry bridge = CurriculumEntry.introduced(WordKey.of(JAPANESE, "橋"), "橋", "はし", "bridge", TODAY);
        CurriculumEntry chopsticks = CurriculumEntry.introduced(WordKey.of(JAPANESE, "箸"), "箸", "はし", "chopsticks", TODAY);
        CurriculumEntry cat = CurriculumEntry.introduced(WordKey.of(JAPANESE, "ねこ"), "ねこ", "neko", "cat", TODAY);
        CurriculumEntry dog = CurriculumEntry.introduced(WordKey.of(JAPANESE, "犬"), "犬", "ネコ", "not a cat", TODAY);

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1", TestData.pkg("p-ja", JAPANESE, 1, NOW),
                0, RESULT_AT, new CurriculumChange(List.of(bridge, chopsticks, cat, dog), List.of())));

        assertThat(result).isEqualTo(CommitResult.COMMITTED);
        List<Map<String, AttributeValue>> readings = stores.stateItems(LEARNER, "READING#");
        assertThat(readings).extracting(i -> i.get("SK").s()).containsExactly("READING#ja#1#はし");
        assertThat(readings.get(0).get("wordKey").s()).isEqualTo("WORD#ja#1#橋");
        assertThat(stores.stateItem(LEARNER, "WORD#ja#1#橋").get("readingKey").s()).isEqualTo("はし");
        assertThat(stores.curriculum.existingKeys(LEARNER, JAPANESE, java.util.Set.of(WordKey.readingKey(JAPANESE, "ハシ")
                .orElseThrow(), WordKey.of(JAPANESE, "ねこ"), WordKey.of(JAPANESE, "いぬ")))).hasSize(2);
    }

    @Test
    void commit_moreWritesThanOneTransactionHolds_isRefusedBeforeSending() {
        CallCounter calls = new CallCounter();
        DynamoDbStores counted = stores.withClient(LocalDynamoDb.client(calls));
        List<CurriculumEntry> updated = new ArrayList<>();
        IntStream.range(0, 96).forEach(i -> updated.add(TestData.entry(SPANISH, "palabra" + i, TODAY)));

        assertThatThrownBy(() -> counted.saver.commit(LEARNER, TestData.commit("t", "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, new CurriculumChange(List.of(), updated))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("101 writes");
        assertThat(calls.total()).isZero();
    }

    @Test
    void commit_anAddedWordAlsoUpdated_isRefusedBeforeSending() {
        CurriculumEntry gato = TestData.entry(SPANISH, "gato", TODAY);

        assertThatThrownBy(() -> stores.saver.commit(LEARNER, TestData.commit("t", "s1", TestData.pkg("p-1", SPANISH, 1, NOW),
                0, RESULT_AT, new CurriculumChange(List.of(gato), List.of(gato)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void recordAnalysisProgress_writesTheProgressAndCountsTheVersion() {
        Instant t1 = Instant.parse("2026-03-02T09:10:00.5Z");
        AnalysisProgress progress = new AnalysisProgress(t1, Map.of("k1", t1, "k0", t1.minusSeconds(60)));

        assertThat(stores.saver.recordAnalysisProgress(LEARNER, SPANISH, 0, progress)).isTrue();

        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH))
                .isEqualTo(new LearnerState(t1, null, progress.handled(), 1,
                        LearnerMemoryModel.defaults()));
        Map<String, AttributeValue> item = stores.stateItem(LEARNER, "LANGUAGE#es");
        assertThat(item.get("lastProcessedAt").s()).isEqualTo("2026-03-02T09:10:00.500000000Z");
        assertThat(item.get("language").s()).isEqualTo("es");
    }

    @Test
    void recordAnalysisProgress_afterAnotherWriter_writesNothingAndSaysSo() {
        Instant t1 = Instant.parse("2026-03-02T09:10:00Z");
        assertThat(stores.saver.recordAnalysisProgress(LEARNER, SPANISH, 0, TestData.progress(t1))).isTrue();

        assertThat(stores.saver.recordAnalysisProgress(LEARNER, SPANISH, 0, TestData.progress(t1.plusSeconds(5))))
                .isFalse();
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).lastProcessedAt()).contains(t1);

        assertThat(stores.saver.recordAnalysisProgress(LEARNER, SPANISH, 1, TestData.progress(t1.plusSeconds(5))))
                .isTrue();
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).analysisVersion()).isEqualTo(2);
    }

    @Test
    void recordAnalysisProgress_keepsThePackageOfTheLanguage() {
        firstLesson();

        assertThat(stores.saver.recordAnalysisProgress(LEARNER, MEXICAN_SPANISH, 1,
                TestData.progress(RESULT_AT.plusSeconds(1)))).isTrue();

        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH)).isEqualTo(new LearnerState(
                RESULT_AT.plusSeconds(1), PackageId.of("p-1"),
                Map.of(RESULT_AT.plusSeconds(1).toString(), RESULT_AT.plusSeconds(1)), 2, LearnerMemoryModel.defaults()));
    }

    @Test
    void loadLearnerState_handledAnalysesNotAMap_failsNamingTheItem() {
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LANGUAGE#es"),
                "handledAnalyses", AttributeValue.fromS("k1")));

        assertThatThrownBy(() -> stores.states.loadLearnerState(LEARNER, SPANISH))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("LANGUAGE#es");
    }

    @Test
    void commit_versionOneOverAPackageOfTheOriginalService_adoptsItInPlaceKeepingOtherServicesAttributes() {
        stores.putPackageItem(TestData.originalServicePackage("p-1", LEARNER, "es"));
        String token = claimToday("s1");

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1",
                TestData.pkg("p-1", SPANISH, 1, NOW), 0, RESULT_AT, CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.COMMITTED);
        Map<String, AttributeValue> item = stores.packageItem("p-1");
        assertThat(item.get("schemaVersion").s()).isEqualTo("package.v1");
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("lastPracticedAt").s()).isEqualTo("2026-02-27T18:30:00Z");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("beginner", "migrated");
        assertThat(item.get("conversations").l()).allSatisfy(c -> assertThat(c.m()).containsKey("kind")
                .doesNotContainKeys("type", "prompt", "vocabulary"));
        assertThat(stores.packages.loadPackage(PackageId.of("p-1"))).containsInstanceOf(StoredPackage.Current.class);
    }

    @Test
    void commit_versionOneWhenTheOriginalPackageWasAdoptedMeanwhile_isStalePackage() {
        stores.putPackageItem(TestData.originalServicePackage("p-1", LEARNER, "es"));
        stores.putPackageItem(PackageItems.item(TestData.pkg("p-1", SPANISH, 1, NOW)));
        String token = claimToday("s1");

        CommitResult result = stores.saver.commit(LEARNER, TestData.commit(token, "s1",
                TestData.pkg("p-1", SPANISH, 1, NOW), 0, RESULT_AT, CurriculumChange.none()));

        assertThat(result).isEqualTo(CommitResult.STALE_PACKAGE);
    }

    @Test
    void addAbsentWords_writesTheMissingWordsOnlyAndNeverTouchesOneThatIsThere() {
        firstLesson();
        CurriculumEntry gato = reviewed(TestData.entry(SPANISH, "gato", TODAY), 2.3065, LocalDate.parse("2026-03-02"));
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, gato));
        List<CurriculumEntry> adopted = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("gato", "perro").map(w -> TestData.entry(SPANISH, w, new LessonDay(TODAY.date().minusDays(9)))),
                java.util.stream.IntStream.range(0, 90).mapToObj(i -> TestData.entry(SPANISH, "vieja" + i,
                        new LessonDay(TODAY.date().minusDays(9))))).toList();

        int added = stores.saver.addAbsentWords(LEARNER, SPANISH, adopted);

        assertThat(added).isEqualTo(90);
        assertThat(stores.stateItems(LEARNER, "WORD#es#")).hasSize(92);
        assertThat(stores.stateItem(LEARNER, "WORD#es#1#gato").get("stability").n()).isEqualTo("2.3065");
        assertThat(stores.stateItem(LEARNER, "WORD#es#1#perro").get("introducedOn").s()).isEqualTo("2026-03-02");
        assertThat(stores.stateItem(LEARNER, "WORD#es#1#vieja7").get("introducedOn").s()).isEqualTo("2026-02-21");
        assertThat(stores.saver.addAbsentWords(LEARNER, SPANISH, adopted)).isZero();
    }

    @Test
    void addAbsentWords_japaneseWords_alsoGetTheirReadings() {
        CurriculumEntry neko = CurriculumEntry.introduced(WordKey.of(JAPANESE, "猫"), "猫", "ねこ", "cat", TODAY);

        assertThat(stores.saver.addAbsentWords(LEARNER, JAPANESE, List.of(neko))).isEqualTo(1);

        assertThat(stores.stateItems(LEARNER, "READING#ja#")).hasSize(1);
        assertThat(stores.curriculum.existingKeys(LEARNER, JAPANESE, java.util.Set.of(WordKey.of(JAPANESE, "ねこ"))))
                .containsExactly(WordKey.of(JAPANESE, "ねこ"));
    }

    @Test
    void commit_addsTheLessonsOutcomesToTheCountTowardsARefit() {
        String token = claimToday("s1");
        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, NOW);
        GenerationCommit first = TestData.commit(token, "s1", pkg, 0, RESULT_AT, CurriculumChange.none());
        assertThat(stores.saver.commit(LEARNER, new GenerationCommit(first.claimToken(), first.day(), pkg, 0, 0,
                first.analysis(), first.curriculumChange(), first.record(), first.event(), 7)))
                .isEqualTo(CommitResult.COMMITTED);

        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).memoryModel())
                .isEqualTo(new LearnerMemoryModel(null, null, 0, 7, 0));
    }

    @Test
    void recordFit_storesTheWeightsResetsTheCountAndExpectsTheVersionItRead() {
        FsrsParameters fitted = new FsrsParameters(java.util.stream.IntStream.range(0, FsrsParameters.COUNT)
                .mapToDouble(i -> FsrsParameters.defaults().w(i) * 1.01).toArray());
        LocalDate day = LocalDate.parse("2026-03-02");

        assertThat(stores.saver.recordFit(LEARNER, SPANISH, 0, fitted, day, 420)).isTrue();
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).memoryModel())
                .isEqualTo(new LearnerMemoryModel(fitted, day, 420, 0, 1));
        assertThat(stores.saver.recordFit(LEARNER, SPANISH, 0, null, day, 500)).isFalse();

        assertThat(stores.saver.recordFit(LEARNER, SPANISH, 1, null, day.plusDays(9), 600)).isTrue();
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH).memoryModel())
                .isEqualTo(new LearnerMemoryModel(null, day.plusDays(9), 600, 0, 2));
        assertThat(stores.stateItem(LEARNER, "LANGUAGE#es")).doesNotContainKey("fsrsWeights");
    }

    @Test
    void loadLearnerState_weightsThatCannotBeRead_areTheDefaultsNotAStuckLearner() {
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LANGUAGE#es"),
                "fsrsWeights", AttributeValue.fromL(List.of(AttributeValue.fromN("1.5"))), "fitVersion",
                AttributeValue.fromN("3")));

        LearnerMemoryModel model = stores.states.loadLearnerState(LEARNER, SPANISH).memoryModel();

        assertThat(model.fitted()).isEmpty();
        assertThat(model.fitVersion()).isEqualTo(3);
    }

    @Test
    void languages_areTheLanguagesTheLearnerHasAStateIn_withTheirTags() {
        firstLesson();
        stores.saver.recordAnalysisProgress(LEARNER, Language.of("fr-CA"), 0, TestData.progress(RESULT_AT));

        assertThat(stores.states.languages(LEARNER)).containsExactlyInAnyOrder(SPANISH, Language.of("fr-CA"));
        assertThat(stores.states.languages(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void loadLearnerState_neverSeen_isNone() {
        assertThat(stores.states.loadLearnerState(LEARNER, SPANISH)).isEqualTo(LearnerState.none());
    }

    @Test
    void loadLearnerState_lastProcessedAtNotAnInstant_failsNamingTheItem() {
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LANGUAGE#es"),
                "lastProcessedAt", AttributeValue.fromS("yesterday")));

        assertThatThrownBy(() -> stores.states.loadLearnerState(LEARNER, SPANISH))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("LANGUAGE#es").hasMessageContaining("learner-1");
    }

    @Test
    void commit_eventIsTheSnsBodyOfThePackage() {
        GenerationCommit commit = firstLesson();

        String stored = stores.stateItem(LEARNER, "LAST_LESSON_DAY").get("pendingEvent#p-1:1").s();

        assertThat(stored).isEqualTo(PackageGeneratedEventJson.toJson(PackageGeneratedEvent.of(commit.lessonPackage())));
    }

    private void assertNothingCommitted() {
        assertThat(stores.packageItem("p-1")).isEmpty();
        assertThat(stores.stateItem(LEARNER, "LANGUAGE#es")).isEmpty();
        assertThat(stores.stateItems(LEARNER, "SESSION#")).isEmpty();
        assertThat(stores.stateItems(LEARNER, "RUN#")).isEmpty();
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKeys("lastLessonDate", "pendingEvent#p-1:1");
        assertThat(stores.stateItem(LEARNER, "WORD#es#1#gato")).isEmpty();
    }

    /** Keeps every TransactWriteItems request the client sends. */
    private static final class RecordingInterceptor implements ExecutionInterceptor {
        final List<TransactWriteItemsRequest> transactions = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof TransactWriteItemsRequest t) {
                transactions.add(t);
            }
        }
    }
}

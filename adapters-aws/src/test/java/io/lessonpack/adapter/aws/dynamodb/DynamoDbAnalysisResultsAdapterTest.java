package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbAnalysisResultsAdapterTest {

    private static final String SECRET_FEEDBACK = "Learner said: my PIN is 1234";

    private final DynamoDbStores stores = DynamoDbStores.create("analysis");

    private Map<String, AttributeValue> item(String createdAt, String analysisId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(LEARNER.value()));
        item.put("createdAt", AttributeValue.fromS(createdAt));
        item.put("analysisId", AttributeValue.fromS(analysisId));
        item.put("sessionId", AttributeValue.fromS("session-" + analysisId));
        item.put("feedback", AttributeValue.fromS(SECRET_FEEDBACK));
        return item;
    }

    private void put(String createdAt, String analysisId) {
        stores.putResultItem(item(createdAt, analysisId));
    }

    private List<String> idsAfter(String after, int limit) {
        return stores.results.loadResultsAfter(LEARNER, Optional.ofNullable(after).map(Instant::parse), limit).stream()
                .map(AnalysisResult::analysisId).toList();
    }

    @Test
    void loadResultsAfter_listsAsLOrSsOrMissing_readAsStringLists() {
        Map<String, AttributeValue> asL = item("2026-03-02T09:00:00Z", "a-list");
        asL.put("targetsHit", AttributeValue.fromL(List.of(AttributeValue.fromS("perro"), AttributeValue.fromN("7"))));
        asL.put("targetsMissed", AttributeValue.fromL(List.of(AttributeValue.fromS("gato"))));
        asL.put("wordsUsed", AttributeValue.fromL(List.of(AttributeValue.fromS("casa"), AttributeValue.fromS("mesa"))));
        asL.put("targetLanguage", AttributeValue.fromS("es-MX"));
        Map<String, AttributeValue> asSs = item("2026-03-02T09:01:00Z", "b-set");
        asSs.put("targetsHit", AttributeValue.fromSs(List.of("perro")));
        asSs.put("targetsMissed", AttributeValue.fromSs(List.of("gato", "luna")));
        asSs.put("wordsUsed", AttributeValue.fromSs(List.of("casa")));
        Map<String, AttributeValue> missing = item("2026-03-02T09:02:00Z", "c-missing");
        missing.remove("feedback");
        missing.remove("sessionId");
        stores.putResultItem(asL);
        stores.putResultItem(asSs);
        stores.putResultItem(missing);

        List<AnalysisResult> results = stores.results.loadResultsAfter(LEARNER, Optional.empty(), 10);

        assertThat(results).extracting(AnalysisResult::analysisId).containsExactly("a-list", "b-set", "c-missing");
        AnalysisResult first = results.get(0);
        assertThat(first.userId()).isEqualTo(LEARNER);
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(first.sessionId()).isEqualTo("session-a-list");
        assertThat(first.targetLanguage()).contains(Language.of("es-MX"));
        assertThat(first.targetsHit()).containsExactly("perro");
        assertThat(first.targetsMissed()).containsExactly("gato");
        assertThat(first.wordsUsed()).containsExactly("casa", "mesa");
        assertThat(first.feedback()).isEqualTo(SECRET_FEEDBACK);
        assertThat(results.get(1).targetsMissed()).containsExactlyInAnyOrder("gato", "luna");
        assertThat(results.get(1).targetLanguage()).isEmpty();
        AnalysisResult bare = results.get(2);
        assertThat(bare.targetsHit()).isEmpty();
        assertThat(bare.targetsMissed()).isEmpty();
        assertThat(bare.wordsUsed()).isEmpty();
        assertThat(bare.feedback()).isEmpty();
        assertThat(bare.sessionId()).isEmpty();
    }

    @Test
    void loadResultsAfter_mixedFractionalPrecision_returnsExactlyTheLaterOnesInTimeOrder() {
        put("2026-03-02T09:09:59.999Z", "before");
        put("2026-03-02T09:10:00Z", "whole-second");
        put("2026-03-02T09:10:00.100Z", "equal");
        put("2026-03-02T09:10:00.123Z", "millis");
        put("2026-03-02T09:10:00.5Z", "tenths");
        put("2026-03-02T09:10:00.100000001Z", "one-nano-later");
        put("2026-03-02T09:10:01Z", "next-second");

        assertThat(idsAfter("2026-03-02T09:10:00.100Z", 10))
                .containsExactly("one-nano-later", "millis", "tenths", "next-second");
    }

    @Test
    void loadResultsAfter_fullPageWhoseLastSecondSortsOutOfTimeOrder_stillReturnsTheOldest() {
        put("2026-03-02T09:10:00.5Z", "later-in-the-second");
        put("2026-03-02T09:10:00Z", "start-of-the-second");
        put("2026-03-02T09:10:01Z", "next-second");

        assertThat(idsAfter("2026-03-02T09:09:00Z", 1)).containsExactly("start-of-the-second");
        assertThat(idsAfter("2026-03-02T09:10:00Z", 1)).containsExactly("later-in-the-second");
        assertThat(idsAfter("2026-03-02T09:10:00.5Z", 1)).containsExactly("next-second");
    }

    @Test
    void loadResultsAfter_limit_returnsTheOldestFirst() {
        for (int i = 0; i < 6; i++) {
            put("2026-03-02T09:1" + i + ":00Z", "r" + i);
        }

        assertThat(idsAfter(null, 4)).containsExactly("r0", "r1", "r2", "r3");
        assertThat(idsAfter("2026-03-02T09:11:00Z", 2)).containsExactly("r2", "r3");
        assertThat(idsAfter("2026-03-02T09:15:00Z", 2)).isEmpty();
    }

    @Test
    void loadResultsAfter_otherLearnersResults_areNotRead() {
        Map<String, AttributeValue> other = item("2026-03-02T09:00:00Z", "other");
        other.put("userId", AttributeValue.fromS("learner-2"));
        stores.putResultItem(other);
        put("2026-03-02T09:00:00Z", "mine");

        assertThat(idsAfter(null, 10)).containsExactly("mine");
        assertThat(stores.results.loadResultsAfter(UserId.of("learner-3"), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void loadResultsAfter_languageTags_areCanonicalisedAndABlankOneIsNoLanguage() {
        Map<String, AttributeValue> lower = item("2026-03-02T09:00:00Z", "lower");
        lower.put("targetLanguage", AttributeValue.fromS("pt_br"));
        Map<String, AttributeValue> blank = item("2026-03-02T09:01:00Z", "blank");
        blank.put("targetLanguage", AttributeValue.fromS(""));
        stores.putResultItem(lower);
        stores.putResultItem(blank);

        List<AnalysisResult> results = stores.results.loadResultsAfter(LEARNER, Optional.empty(), 10);

        assertThat(results.get(0).targetLanguage()).contains(Language.of("pt-BR"));
        assertThat(results.get(1).targetLanguage()).isEmpty();
    }

    @Test
    void loadResultsAfter_invalidLanguageOrCreatedAt_skipsTheResultAndLogsOnlyItsId() {
        Map<String, AttributeValue> klingon = item("2026-03-02T09:00:00Z", "bad-language");
        klingon.put("targetLanguage", AttributeValue.fromS("klingon"));
        stores.putResultItem(klingon);
        put("2026-03-02T09:00:30 in the morning", "bad-time");
        put("2026-03-02T09:01:00+00:00", "offset");

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            assertThat(idsAfter(null, 10)).containsExactly("offset");
            assertThat(logs.lines()).hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("bad-language").contains("targetLanguage"))
                    .anySatisfy(l -> assertThat(l).contains("bad-time").contains("createdAt"))
                    .allSatisfy(l -> assertThat(l).doesNotContain("PIN").doesNotContain("klingon"));
        }
    }
}

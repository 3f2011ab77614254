package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.port.out.AnalysisPage;
import io.lessonpack.application.port.out.StoredAnalysis;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-03T00:00:00Z");

    private AnalysisPage read(Instant from, Instant to, int maxItems) {
        return stores.results.loadRecent(LEARNER, from, to, maxItems);
    }

    private List<AnalysisResult> usable(AnalysisPage page) {
        return page.items().stream().filter(StoredAnalysis.Usable.class::isInstance)
                .map(i -> ((StoredAnalysis.Usable) i).result()).toList();
    }

    private List<String> ids(Instant from, Instant to, int maxItems) {
        return read(from, to, maxItems).items().stream().map(i -> switch (i) {
            case StoredAnalysis.Usable u -> u.result().analysisId();
            case StoredAnalysis.Unusable x -> x.analysisId();
        }).toList();
    }

    @Test
    void loadRecent_listsAsLOrSsOrMissing_readAsStringLists_newestFirst() {
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

        AnalysisPage page = read(FROM, TO, 10);
        List<AnalysisResult> results = usable(page).reversed();

        assertThat(page.complete()).isTrue();
        assertThat(page.items()).extracting(StoredAnalysis::key)
                .containsExactly("2026-03-02T09:02:00Z", "2026-03-02T09:01:00Z", "2026-03-02T09:00:00Z");
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
    void loadRecent_theWindowIsBoundedByWholeSecondsOfEverySpelling() {
        put("2026-03-02T09:09:59.999Z", "before");
        put("2026-03-02T09:10:00Z", "whole-second");
        put("2026-03-02T09:10:00.5Z", "tenths");
        put("2026-03-02T09:10:00.100000001+00:00", "offset-spelling");
        put("2026-03-02T09:10:01Z", "next-second");
        put("2026-03-02T09:10:02Z", "after");

        assertThat(ids(Instant.parse("2026-03-02T09:10:00.700Z"), Instant.parse("2026-03-02T09:10:01.200Z"), 10))
                .containsExactlyInAnyOrder("whole-second", "tenths", "offset-spelling", "next-second");
    }

    @Test
    void loadRecent_aResultDatedFarAheadOrInAnotherForm_isOutsideEveryWindow() {
        put("+1000000000-12-31T23:59:59Z", "end-of-time");
        put("2099-01-01T00:00:00Z", "far-ahead");
        put("2026-03-02T09:00:00Z", "today");

        assertThat(ids(FROM, TO, 10)).containsExactly("today");
    }

    @Test
    void loadRecent_bound_readsTheNewestAndSaysTheWindowWasNotReadToTheEnd() {
        CallCounter calls = new CallCounter();
        DynamoDbStores counted = DynamoDbStores.create("analysis-bound", LocalDynamoDb.client(calls));
        for (int i = 0; i < 250; i++) {
            counted.putResultItem(item(Instant.parse("2026-03-02T00:00:00Z").plusSeconds(i).toString(), "r" + i));
        }
        calls.reset();

        AnalysisPage page = counted.results.loadRecent(LEARNER, FROM, TO, 120);
        AnalysisPage all = counted.results.loadRecent(LEARNER, FROM, TO, 500);

        assertThat(page.complete()).isFalse();
        assertThat(page.items()).hasSize(120).first().extracting(StoredAnalysis::key).isEqualTo("2026-03-02T00:04:09Z");
        assertThat(all.complete()).isTrue();
        assertThat(all.items()).hasSize(250);
        assertThat(calls.count("Query")).isEqualTo(2 + 3);
    }

    @Test
    void loadRecent_anItemWithThousandsOfTargets_isReadOnlyUpToTheCapWithALogLineNamingIt() {
        Map<String, AttributeValue> huge = item("2026-03-02T09:00:00Z", "huge");
        List<AttributeValue> targets = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            targets.add(AttributeValue.fromS("palabra" + i));
        }
        huge.put("targetsMissed", AttributeValue.fromL(targets));
        huge.put("feedback", AttributeValue.fromS(SECRET_FEEDBACK + "x".repeat(10_000)));
        stores.putResultItem(huge);

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            AnalysisResult read = usable(read(FROM, TO, 10)).get(0);

            assertThat(read.targetsMissed()).hasSize(DynamoDbAnalysisResultsAdapter.MAX_LIST_ITEMS).first().isEqualTo("palabra0");
            assertThat(read.feedback()).hasSize(DynamoDbAnalysisResultsAdapter.MAX_FEEDBACK_CHARS);
            assertThat(logs.lines()).filteredOn(l -> l.contains("analysis.result_capped")).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("\"analysisId\":\"huge\"").doesNotContain("palabra", "PIN"));
        }
    }

    @Test
    void loadRecent_otherLearnersResults_areNotRead() {
        Map<String, AttributeValue> other = item("2026-03-02T09:00:00Z", "other");
        other.put("userId", AttributeValue.fromS("learner-2"));
        stores.putResultItem(other);
        put("2026-03-02T09:00:00Z", "mine");

        assertThat(ids(FROM, TO, 10)).containsExactly("mine");
        assertThat(stores.results.loadRecent(UserId.of("learner-3"), FROM, TO, 10).items()).isEmpty();
    }

    @Test
    void loadRecent_languageTags_areCanonicalisedAndABlankOneIsNoLanguage() {
        Map<String, AttributeValue> lower = item("2026-03-02T09:00:00Z", "lower");
        lower.put("targetLanguage", AttributeValue.fromS("pt_br"));
        Map<String, AttributeValue> blank = item("2026-03-02T09:01:00Z", "blank");
        blank.put("targetLanguage", AttributeValue.fromS(""));
        stores.putResultItem(lower);
        stores.putResultItem(blank);

        List<AnalysisResult> results = usable(read(FROM, TO, 10));

        assertThat(results.get(1).targetLanguage()).contains(Language.of("pt-BR"));
        assertThat(results.get(0).targetLanguage()).isEmpty();
    }

    @Test
    void loadRecent_anUnknownLanguageOrAnUnreadableTime_isReturnedAsUnusableWithItsIdAndAReasonOnly() {
        Map<String, AttributeValue> cantonese = item("2026-03-02T09:00:00Z", "bad-language");
        cantonese.put("targetLanguage", AttributeValue.fromS("yue"));
        stores.putResultItem(cantonese);
        put("2026-03-02T09:00:30 in the morning", "bad-time");
        put("2026-03-02T09:01:00+00:00", "offset");

        AnalysisPage page = read(FROM, TO, 10);

        assertThat(usable(page)).extracting(AnalysisResult::analysisId).containsExactly("offset");
        assertThat(page.items()).filteredOn(StoredAnalysis.Unusable.class::isInstance).hasSize(2)
                .anySatisfy(i -> assertThat((StoredAnalysis.Unusable) i).satisfies(x -> {
                    assertThat(x.analysisId()).isEqualTo("bad-language");
                    assertThat(x.reason()).contains("targetLanguage").doesNotContain("yue");
                    assertThat(x.createdAt()).contains(Instant.parse("2026-03-02T09:00:00Z"));
                }))
                .anySatisfy(i -> assertThat((StoredAnalysis.Unusable) i).satisfies(x -> {
                    assertThat(x.analysisId()).isEqualTo("bad-time");
                    assertThat(x.key()).isEqualTo("2026-03-02T09:00:30 in the morning");
                    assertThat(x.createdAt()).isEmpty();
                }));
    }
}

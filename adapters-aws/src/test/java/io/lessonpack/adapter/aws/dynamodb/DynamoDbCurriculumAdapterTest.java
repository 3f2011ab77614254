package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.JAPANESE;
import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.MEXICAN_SPANISH;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbCurriculumAdapterTest {

    private static final LessonDay TODAY = LessonDay.parse("2026-03-10");

    private final DynamoDbStores stores = DynamoDbStores.create("curriculum");

    private CurriculumEntry store(CurriculumEntry entry) {
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, entry));
        return entry;
    }

    private static CurriculumEntry word(String text, String introduced) {
        return TestData.entry(SPANISH, text, LessonDay.parse(introduced));
    }

    private static CurriculumEntry reviewed(String text, String introduced, double stability, String lastReview) {
        CurriculumEntry e = word(text, introduced);
        return CurriculumEntry.restore(e.key(), e.writing(), e.pronunciation(), e.meaning(), e.introducedOn(),
                CurriculumEntry.Origin.LESSON, new MemoryState(stability, 4.2, LocalDate.parse(lastReview)),
                RecallHistory.empty());
    }

    @Test
    void reviewCandidates_returnsTheSoonestDueFirstOnlyWordsIntroducedBeforeTodayAndAtMostTheLimit() {
        CurriculumEntry dueLongAgo = store(reviewed("uno", "2026-03-01", 2.0, "2026-03-02"));
        CurriculumEntry neverRecalled = store(word("dos", "2026-03-05"));
        CurriculumEntry dueSoon = store(reviewed("tres", "2026-03-01", 5.0, "2026-03-08"));
        CurriculumEntry dueLater = store(reviewed("cuatro", "2026-03-01", 30.0, "2026-03-08"));
        store(word("hoy", TODAY.toString()));
        store(word("hoy2", TODAY.toString()));
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, TestData.entry(Language.of("fr"), "chat", LessonDay.parse("2026-03-01"))));

        assertThat(stores.curriculum.reviewCandidates(LEARNER, MEXICAN_SPANISH, TODAY, 10))
                .containsExactly(dueLongAgo, neverRecalled, dueSoon, dueLater);
        assertThat(stores.curriculum.reviewCandidates(LEARNER, SPANISH, TODAY, 2)).containsExactly(dueLongAgo, neverRecalled);
        assertThat(stores.curriculum.reviewCandidates(UserId.of("someone-else"), SPANISH, TODAY, 10)).isEmpty();
    }

    @Test
    void reviewCandidates_wordsOfTodayAmongTheSoonestDue_areSkippedAndTheLimitStillFilled() {
        store(word("nuevo1", TODAY.toString()));
        store(word("nuevo2", TODAY.toString()));
        CurriculumEntry old = store(reviewed("viejo", "2026-02-01", 40.0, "2026-03-01"));
        CurriculumEntry older = store(reviewed("antiguo", "2026-02-01", 60.0, "2026-03-01"));

        assertThat(stores.curriculum.reviewCandidates(LEARNER, SPANISH, TODAY, 2)).containsExactly(old, older);
    }

    @Test
    void entries_returnsTheStoredEntriesWithTheirMemoryAndIgnoresUnknownKeys() {
        CurriculumEntry gato = store(reviewed("gato", "2026-03-01", 3.17, "2026-03-04"));
        CurriculumEntry perro = store(word("perro", "2026-03-02"));

        List<CurriculumEntry> found = stores.curriculum.entries(LEARNER, SPANISH,
                new LinkedHashSet<>(List.of(gato.key(), WordKey.of(SPANISH, "luna"), perro.key())));

        assertThat(found).containsExactly(gato, perro);
        assertThat(stores.curriculum.entries(LEARNER, Language.of("fr"), Set.of(gato.key()))).isEmpty();
        assertThat(stores.curriculum.entries(LEARNER, SPANISH, Set.of())).isEmpty();
    }

    @Test
    void entries_moreThanOneHundredKeys_areReadInChunksOfOneHundred() {
        List<CurriculumEntry> stored = IntStream.range(0, 150).mapToObj(i -> store(word("palabra" + i, "2026-03-01"))).toList();
        CallCounter calls = new CallCounter();
        DynamoDbStores counted = stores.withClient(LocalDynamoDb.client(calls));

        List<CurriculumEntry> found = counted.curriculum.entries(LEARNER, SPANISH,
                stored.stream().map(CurriculumEntry::key).collect(Collectors.toCollection(LinkedHashSet::new)));

        assertThat(found).containsExactlyElementsOf(stored);
        assertThat(calls.count("BatchGetItem")).isEqualTo(2);
    }

    @Test
    void existingKeys_findsKeysOfWordsAndOfJapaneseReadings() {
        store(word("gato", "2026-03-01"));
        CurriculumEntry bridge = CurriculumEntry.introduced(WordKey.of(JAPANESE, "橋"), "橋", "はし", "bridge",
                LessonDay.parse("2026-03-01"));
        stores.putStateItem(CurriculumItems.wordItem(LEARNER, bridge));
        stores.putStateItem(CurriculumItems.readingItem(LEARNER, bridge.readingKey().orElseThrow(), bridge.key()));

        assertThat(stores.curriculum.existingKeys(LEARNER, SPANISH,
                Set.of(WordKey.of(SPANISH, "el gato"), WordKey.of(SPANISH, "perro")))).containsExactly(WordKey.of(SPANISH, "gato"));
        WordKey hashi = WordKey.readingKey(JAPANESE, "ハシ").orElseThrow();
        assertThat(stores.curriculum.existingKeys(LEARNER, JAPANESE,
                Set.of(hashi, WordKey.of(JAPANESE, "橋"), WordKey.of(JAPANESE, "箸")))).containsExactlyInAnyOrder(hashi,
                WordKey.of(JAPANESE, "橋"));
        assertThat(stores.curriculum.existingKeys(LEARNER, Language.of("fr"), Set.of(WordKey.of(SPANISH, "gato")))).isEmpty();
    }

    @Test
    void existingKeysAndEntries_keyTooLongForASortKey_isAbsentInsteadOfFailingTheRead() {
        store(word("gato", "2026-03-01"));
        WordKey rambling = WordKey.of(SPANISH, "palabra ".repeat(200));

        assertThat(stores.curriculum.existingKeys(LEARNER, SPANISH, Set.of(rambling, WordKey.of(SPANISH, "gato"))))
                .containsExactly(WordKey.of(SPANISH, "gato"));
        assertThat(stores.curriculum.entries(LEARNER, SPANISH, Set.of(rambling))).isEmpty();
    }

    @Test
    void wordItem_dueOn_isLastReviewPlusTheIntervalAtNinetyPercentOrTheIntroductionDay() {
        assertThat(CurriculumItems.dueOn(reviewed("gato", "2026-03-01", 10.4, "2026-03-04"))).isEqualTo(LocalDate.parse("2026-03-14"));
        assertThat(CurriculumItems.dueOn(reviewed("gato", "2026-03-01", 0.2, "2026-03-04"))).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(CurriculumItems.dueOn(word("gato", "2026-03-01"))).isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void entries_originAndHistory_roundTrip_andAnItemFromBeforeThemReadsAsALessonWordWithoutHistory() {
        Fsrs fsrs = Fsrs.withDefaults();
        CurriculumEntry tested = CurriculumEntry.tested(fsrs, WordKey.of(SPANISH, "la erre"), "la erre", Rating.AGAIN,
                LessonDay.parse("2026-03-01")).recordOutcome(fsrs, Rating.GOOD, LessonDay.parse("2026-03-04"));
        store(tested);
        Map<String, AttributeValue> old = new HashMap<>(CurriculumItems.wordItem(LEARNER, word("gato", "2026-02-01")));
        old.remove("origin");
        stores.putStateItem(old);

        List<CurriculumEntry> read = stores.curriculum.entries(LEARNER, SPANISH,
                Set.of(tested.key(), WordKey.of(SPANISH, "gato")));

        assertThat(read).contains(tested);
        assertThat(read).filteredOn(e -> e.key().value().equals("gato")).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(CurriculumEntry.Origin.LESSON);
            assertThat(e.history().isEmpty()).isTrue();
        });
    }

    @Test
    void reviewCandidates_aWordTheLearnerOnlyUsed_isNotInTheIndexUntilItIsTested() {
        CurriculumEntry used = store(CurriculumEntry.used(WordKey.of(SPANISH, "mesa"), "mesa", LessonDay.parse("2026-03-01")));
        store(word("gato", "2026-03-02"));

        assertThat(stores.curriculum.reviewCandidates(LEARNER, SPANISH, TODAY, 10)).extracting(e -> e.key().value())
                .containsExactly("gato");
        store(used.recordOutcome(Fsrs.withDefaults(), Rating.GOOD, LessonDay.parse("2026-03-05")));
        assertThat(stores.curriculum.reviewCandidates(LEARNER, SPANISH, TODAY, 10)).extracting(e -> e.key().value())
                .containsExactlyInAnyOrder("gato", "mesa");
    }

    @Test
    void histories_readTheWordsOfTheLanguageWithAHistory_atMostTheBoundInOneQueryPass() {
        Fsrs fsrs = Fsrs.withDefaults();
        for (int i = 0; i < 30; i++) {
            CurriculumEntry e = word("palabra" + i, "2026-03-01");
            store(i % 3 == 0 ? e : e.recordOutcome(fsrs, Rating.GOOD, LessonDay.parse("2026-03-02")));
        }
        store(TestData.entry(Language.of("fr"), "chat", LessonDay.parse("2026-03-01"))
                .recordOutcome(fsrs, Rating.GOOD, LessonDay.parse("2026-03-02")));

        assertThat(stores.curriculum.histories(LEARNER, SPANISH, 1_000)).hasSize(20)
                .allSatisfy(h -> assertThat(h.recalls()).containsExactly(new Recall(LocalDate.parse("2026-03-02"),
                        Rating.GOOD)));
        assertThat(stores.curriculum.histories(LEARNER, SPANISH, 9)).hasSizeLessThanOrEqualTo(9);
        assertThat(stores.curriculum.histories(LEARNER, Language.of("fr"), 1_000)).hasSize(1);
    }

    @Test
    void words_readTheLanguagesEntriesWhole_atMostTheBound() {
        for (int i = 0; i < 12; i++) {
            store(word("palabra" + i, "2026-03-01"));
        }
        store(TestData.entry(Language.of("fr"), "chat", LessonDay.parse("2026-03-01")));

        assertThat(stores.curriculum.words(LEARNER, SPANISH, 100)).hasSize(12)
                .allSatisfy(e -> assertThat(e.pronunciation()).startsWith("/palabra"));
        assertThat(stores.curriculum.words(LEARNER, SPANISH, 5)).hasSize(5);
        assertThat(stores.curriculum.words(LEARNER, Language.of("fr"), 100)).extracting(CurriculumEntry::writing)
                .containsExactly("chat");
    }
}

package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.MEXICAN_SPANISH;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.port.out.UnreadablePackageException;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbPackageAdapterTest {

    private static final Instant NOW = DynamoDbStores.START;

    private final DynamoDbStores stores = DynamoDbStores.create("packages");

    private void commit(LessonPackage pkg, String session) {
        Instant now = stores.clock.instant();
        String token = UUID.randomUUID().toString();
        assertThat(stores.days.claim(new DayClaim(pkg.userId(), LessonDay.of(now), SessionId.of(session), pkg.language(),
                token, now, now.plus(Duration.ofMinutes(3))))).isInstanceOf(ClaimResult.Claimed.class);
        long analysisVersion = stores.states.loadLearnerState(pkg.userId(), pkg.language()).analysisVersion();
        assertThat(stores.saver.commit(pkg.userId(), new io.lessonpack.application.port.out.GenerationCommit(token,
                pkg.lessonDate(), pkg, pkg.version() - 1, analysisVersion, TestData.progress(now.minusSeconds(30)),
                CurriculumChange.none(),
                TestData.record(session), io.lessonpack.application.port.out.PackageGeneratedEvent.of(pkg), 0)))
                .isEqualTo(CommitResult.COMMITTED);
    }

    @Test
    void loadPackage_afterACommit_givesBackEveryField() {
        LessonPackage pkg = TestData.pkg("p-1", MEXICAN_SPANISH, 1, NOW);
        commit(pkg, "s1");

        LessonPackage loaded = ((StoredPackage.Current) stores.packages.loadPackage(PackageId.of("p-1")).orElseThrow())
                .lessonPackage();

        assertThat(loaded).isEqualTo(pkg);
        assertThat(loaded.reviewTopics()).extracting(ReviewTopic::openingWord).containsExactly("gato", "casa");
        assertThat(loaded.newLesson().words()).containsExactly("manzana", "pera");
        assertThat(loaded.notes().words()).hasSize(2);
        Map<String, AttributeValue> item = stores.packageItem("p-1");
        assertThat(item.get("schemaVersion").s()).isEqualTo("package.v1");
        assertThat(item.get("language").s()).isEqualTo("es-MX");
        assertThat(item.get("userId").s()).isEqualTo("learner-1");
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("lessonDate").s()).isEqualTo("2026-03-02");
        assertThat(item.get("createdAt").s()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(item.get("author").s()).isEqualTo("scripted");
        Map<String, AttributeValue> review = item.get("conversations").l().get(0).m();
        assertThat(review.get("kind").s()).isEqualTo("review");
        assertThat(review.get("openingWord").s()).isEqualTo("gato");
        assertThat(review.get("words").l()).extracting(AttributeValue::s).containsExactly("gato", "perro");
        Map<String, AttributeValue> lesson = item.get("conversations").l().get(2).m();
        assertThat(lesson.get("kind").s()).isEqualTo("new_lesson");
        assertThat(lesson).doesNotContainKey("openingWord");
        Map<String, AttributeValue> notes = item.get("notes").m();
        assertThat(notes.get("learning").s()).isEqualTo("Everyday conversation.");
        assertThat(notes.get("workOn").l()).extracting(AttributeValue::s).containsExactly("Past tense", "Rolled r");
        assertThat(notes.get("words").l().get(0).m().get("pronunciation").s()).isEqualTo("/manˈθana/");
    }

    @Test
    void loadPackage_unknownId_isEmpty() {
        assertThat(stores.packages.loadPackage(PackageId.of("nope"))).isEmpty();
    }

    @Test
    void commit_nextVersion_keepsAttributesAnotherServiceAddedToTheItem() {
        commit(TestData.pkg("p-1", SPANISH, 1, NOW), "s1");
        Map<String, AttributeValue> item = new HashMap<>(stores.packageItem("p-1"));
        item.put("lastOpenedAt", AttributeValue.fromS("2026-03-02T18:00:00Z"));
        item.put("favourite", AttributeValue.fromBool(true));
        stores.putPackageItem(item);
        stores.clock.advance(Duration.ofDays(1));

        LessonPackage v2 = TestData.pkg("p-1", SPANISH, 2, stores.clock.instant());
        commit(v2, "s2");

        Map<String, AttributeValue> updated = stores.packageItem("p-1");
        assertThat(updated.get("lastOpenedAt").s()).isEqualTo("2026-03-02T18:00:00Z");
        assertThat(updated.get("favourite").bool()).isTrue();
        assertThat(updated.get("version").n()).isEqualTo("2");
        assertThat(stores.packages.loadPackage(PackageId.of("p-1"))).contains(new StoredPackage.Current(v2));
    }

    @Test
    void findPackage_byTagOrByAnotherTagOfTheSameLanguage_findsItThroughTheIndex() {
        LessonPackage pkg = TestData.pkg("p-1", MEXICAN_SPANISH, 1, NOW);
        commit(pkg, "s1");

        assertThat(stores.packages.findPackage(LEARNER, MEXICAN_SPANISH)).contains(new StoredPackage.Current(pkg));
        assertThat(stores.packages.findPackage(LEARNER, SPANISH)).contains(new StoredPackage.Current(pkg));
        assertThat(stores.packages.findPackage(LEARNER, Language.of("es-ES"))).contains(new StoredPackage.Current(pkg));
        assertThat(stores.packages.findPackage(LEARNER, Language.of("fr"))).isEmpty();
        assertThat(stores.packages.findPackage(UserId.of("someone-else"), SPANISH)).isEmpty();
    }

    @Test
    void findPackage_packagesOfTwoTagsOfOneLanguage_prefersTheExactTag() {
        stores.putPackageItem(PackageItems.item(TestData.pkg("p-es", SPANISH, 1, NOW)));
        stores.putPackageItem(PackageItems.item(TestData.pkg("p-mx", MEXICAN_SPANISH, 1, NOW)));

        assertThat(stores.packages.findPackage(LEARNER, MEXICAN_SPANISH).orElseThrow().id()).isEqualTo(PackageId.of("p-mx"));
        assertThat(stores.packages.findPackage(LEARNER, SPANISH).orElseThrow().id()).isEqualTo(PackageId.of("p-es"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"schemaVersion", "notes", "conversations", "kind", "openingWord", "version", "createdAt",
        "lessonDate", "shape"})
    void loadPackage_itemThatIsNotAValidPackage_failsNamingThePackageNotItsTexts(String fault) {
        Map<String, AttributeValue> item = new HashMap<>(PackageItems.item(TestData.pkg("p-bad", SPANISH, 1, NOW)));
        Consumer<Map<String, AttributeValue>> breakIt = switch (fault) {
            case "schemaVersion" -> i -> i.put("schemaVersion", AttributeValue.fromS("package.v0"));
            case "notes" -> i -> i.remove("notes");
            case "conversations" -> i -> i.put("conversations", AttributeValue.fromS("Everyday conversation."));
            case "kind" -> i -> i.put("conversations", AttributeValue.fromL(List.of(AttributeValue.fromM(
                    Map.of("kind", AttributeValue.fromS("quiz"), "title", AttributeValue.fromS("At the market"),
                            "instructions", AttributeValue.fromS("Everyday conversation."))))));
            case "openingWord" -> i -> i.put("conversations", AttributeValue.fromL(List.of(AttributeValue.fromM(
                    Map.of("kind", AttributeValue.fromS("review"), "title", AttributeValue.fromS("At the market"),
                            "instructions", AttributeValue.fromS("Everyday conversation."))))));
            case "version" -> i -> i.put("version", AttributeValue.fromS("one"));
            case "createdAt" -> i -> i.put("createdAt", AttributeValue.fromS("Everyday conversation."));
            case "lessonDate" -> i -> i.put("lessonDate", AttributeValue.fromS("Everyday conversation."));
            case "shape" -> i -> i.put("conversations", AttributeValue.fromL(List.of(AttributeValue.fromM(
                    Map.of("kind", AttributeValue.fromS("new_lesson"), "title", AttributeValue.fromS("At the market"),
                            "instructions", AttributeValue.fromS("Everyday conversation."))))));
            default -> throw new IllegalArgumentException(fault);
        };
        breakIt.accept(item);
        stores.putPackageItem(item);

        assertThatThrownBy(() -> stores.packages.loadPackage(PackageId.of("p-bad")))
                .isInstanceOf(UnreadablePackageException.class)
                .hasMessageContaining("p-bad")
                .hasMessageNotContaining("Everyday conversation")
                .hasMessageNotContaining("At the market");
    }

    @Test
    void loadPackage_anItemOfTheOriginalService_isAForeignPackageWithEveryWordItTaught() {
        stores.putPackageItem(TestData.originalServicePackage("legacy-1", LEARNER, "es-MX"));

        StoredPackage stored = stores.packages.loadPackage(PackageId.of("legacy-1")).orElseThrow();

        assertThat(stored).isInstanceOf(StoredPackage.Foreign.class);
        assertThat(stored.version()).isZero();
        ForeignPackage legacy = ((StoredPackage.Foreign) stored).foreignPackage();
        assertThat(legacy.id()).isEqualTo(PackageId.of("legacy-1"));
        assertThat(legacy.userId()).isEqualTo(LEARNER);
        assertThat(legacy.language()).isEqualTo(MEXICAN_SPANISH);
        assertThat(legacy.name()).isEqualTo("Daily conversation practice");
        assertThat(legacy.createdAt()).isEqualTo(Instant.parse("2026-01-20T10:00:00Z"));
        assertThat(legacy.taughtAt()).isEqualTo(Instant.parse("2026-02-19T10:00:30Z"));
        assertThat(legacy.lastLessonTitle()).isEqualTo("Meeting someone");
        assertThat(legacy.lastLessonWords()).containsExactlyInAnyOrder("vecino", "encantado");
        assertThat(legacy.words()).containsExactly(new WordNote("vecino", "/beˈθino/", "neighbour"),
                new WordNote("hola", "", ""), new WordNote("encantado", "", ""));
        assertThat(stores.packages.findPackage(LEARNER, SPANISH)).contains(stored);
    }

    @Test
    void loadPackage_anOriginalItemWithoutNameTimesOrLessons_isStillAdoptable() {
        stores.putPackageItem(Map.of("id", AttributeValue.fromS("legacy-2"), "userId", AttributeValue.fromS("learner-1"),
                "language", AttributeValue.fromS("es"), "createdAt", AttributeValue.fromS("last spring")));

        ForeignPackage legacy = ((StoredPackage.Foreign) stores.packages.loadPackage(PackageId.of("legacy-2"))
                .orElseThrow()).foreignPackage();

        assertThat(legacy.keptName()).isEmpty();
        assertThat(legacy.createdAt()).isNull();
        assertThat(legacy.words()).isEmpty();
    }

    @Test
    void loadPackage_anOriginalItemWithMoreWordsThanAreAdopted_keepsTheBoundAndSaysSo() {
        Map<String, AttributeValue> item = new HashMap<>(TestData.originalServicePackage("legacy-3", LEARNER, "es"));
        item.put("notes", AttributeValue.fromM(Map.of("vocabulary", AttributeValue.fromL(
                java.util.stream.IntStream.range(0, 600).mapToObj(i -> AttributeValue.fromM(
                        Map.of("word", AttributeValue.fromS("palabra" + i)))).toList()))));
        stores.putPackageItem(item);

        ForeignPackage legacy;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            legacy = ((StoredPackage.Foreign) stores.packages.loadPackage(PackageId.of("legacy-3")).orElseThrow())
                    .foreignPackage();
            lines = logs.lines();
        }

        assertThat(legacy.words()).hasSize(ForeignPackage.MAX_WORDS);
        assertThat(lines).filteredOn(l -> l.contains("package.foreign_words_over_bound")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"packageId\":\"legacy-3\"", "\"adopted\":500"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userId", "language", "conversations", "conversation", "vocabulary", "notes",
        "notesVocabulary", "laterSchema"})
    void loadPackage_anItemNeitherCurrentNorOfTheOriginalShape_failsNamingThePackageNotItsTexts(String fault) {
        Map<String, AttributeValue> item = new HashMap<>(TestData.originalServicePackage("p-odd", LEARNER, "es"));
        AttributeValue text = AttributeValue.fromS("Role-play meeting a new neighbour.");
        switch (fault) {
            case "userId" -> item.remove("userId");
            case "language" -> item.put("language", AttributeValue.fromS("Spanish, mostly"));
            case "conversations" -> item.put("conversations", text);
            case "conversation" -> item.put("conversations", AttributeValue.fromL(List.of(text)));
            case "vocabulary" -> item.put("conversations", AttributeValue.fromL(List.of(AttributeValue.fromM(
                    Map.of("type", AttributeValue.fromS("lesson"), "vocabulary", text)))));
            case "notes" -> item.put("notes", text);
            case "notesVocabulary" -> item.put("notes", AttributeValue.fromM(Map.of("vocabulary", text)));
            case "laterSchema" -> item.put("schemaVersion", AttributeValue.fromS("package.v2"));
            default -> throw new IllegalArgumentException(fault);
        }
        stores.putPackageItem(item);

        assertThatThrownBy(() -> stores.packages.loadPackage(PackageId.of("p-odd")))
                .isInstanceOfSatisfying(UnreadablePackageException.class,
                        e -> assertThat(e.packageId()).isEqualTo("p-odd"))
                .hasMessageContaining("p-odd")
                .hasMessageNotContaining("neighbour")
                .hasMessageNotContaining("mostly");
    }

    @Test
    void packageItem_maximalPackageAtPackageLimits_staysUnder64KBInAsciiAndUnder80KBInTwoByteLetters() {
        assertThat(ItemSize.of(PackageItems.item(TestData.maximal("a")))).isLessThan(64 * 1024);
        assertThat(ItemSize.of(PackageItems.item(TestData.maximal("é")))).isLessThan(80 * 1024);
    }

    @Test
    void packageItem_maximalPackageInAThreeByteScript_isWrittenAndReadBackWellUnder400KB() {
        LessonPackage maximal = TestData.maximal("語");

        assertThat(ItemSize.of(PackageItems.item(maximal))).isLessThan(150 * 1024);
        stores.putPackageItem(PackageItems.item(maximal));
        assertThat(stores.packages.loadPackage(maximal.id())).contains(new StoredPackage.Current(maximal));
    }

    @Test
    void packageItem_ofAnyPackage_holdsExactlyTheDocumentedAttributes() {
        assertThat(PackageItems.item(TestData.pkg("p-1", SPANISH, 1, NOW)).keySet()).containsExactlyInAnyOrder("id",
                "userId", "language", "name", "schemaVersion", "version", "createdAt", "updatedAt", "lessonDate",
                "conversations", "notes", "author");
        assertThat(TestData.pkg("p-1", SPANISH, 1, NOW).conversations().get(2)).isInstanceOf(NewLesson.class);
    }
}

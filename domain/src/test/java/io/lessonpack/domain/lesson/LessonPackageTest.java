package io.lessonpack.domain.lesson;

import static io.lessonpack.domain.lesson.DraftFixtures.FIVE_NEW_WORDS;
import static io.lessonpack.domain.lesson.DraftFixtures.SPANISH;
import static io.lessonpack.domain.lesson.DraftFixtures.newLesson;
import static io.lessonpack.domain.lesson.DraftFixtures.notes;
import static io.lessonpack.domain.lesson.DraftFixtures.plan;
import static io.lessonpack.domain.lesson.DraftFixtures.review;
import static io.lessonpack.domain.lesson.DraftFixtures.spanishPlan;
import static io.lessonpack.domain.lesson.DraftFixtures.valid;
import static io.lessonpack.domain.lesson.DraftFixtures.validDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonPackageTest {

    private static final PackageId ID = PackageId.of("pkg-1");
    private static final UserId USER = UserId.of("user-1");
    private static final Instant CREATED = Instant.parse("2026-03-01T23:59:59.999Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-03-02T00:00:00Z");

    private static ValidDraft firstDraft() {
        LessonPlan plan = spanishPlan();
        return valid(validDraft(plan), plan);
    }

    private static ValidDraft secondDraft(Language language) {
        LessonPlan plan = plan(language, NewWordCount.of(3), "uva");
        List<String> words = List.of("leche", "pan", "queso");
        PackageDraft draft = new PackageDraft("A name the author made up",
                List.of(review("uva"), newLesson(words)), notes(words));
        return valid(draft, plan);
    }

    private static LessonPackage created() {
        return LessonPackage.create(ID, USER, firstDraft(), CREATED, "offline");
    }

    private static LessonPackage withConversations(List<Conversation> conversations, long version) {
        return new LessonPackage(ID, USER, SPANISH, "Spanish", version, CREATED, CREATED, LessonDay.of(CREATED),
                conversations, notes(FIVE_NEW_WORDS), "offline");
    }

    @Test
    void create_startsAtVersionOneOnTheUtcDayOfNow() {
        ValidDraft draft = firstDraft();

        LessonPackage pkg = LessonPackage.create(ID, USER, draft, CREATED, "openai:gpt-4o-2024-08-06");

        assertThat(pkg.id()).isEqualTo(ID);
        assertThat(pkg.userId()).isEqualTo(USER);
        assertThat(pkg.language()).isEqualTo(SPANISH);
        assertThat(pkg.name()).isEqualTo("Spanish with Ana");
        assertThat(pkg.version()).isEqualTo(1);
        assertThat(pkg.createdAt()).isEqualTo(CREATED);
        assertThat(pkg.updatedAt()).isEqualTo(pkg.createdAt());
        assertThat(pkg.lessonDate()).isEqualTo(LessonDay.parse("2026-03-01"));
        assertThat(pkg.conversations()).isEqualTo(draft.draft().conversations());
        assertThat(pkg.notes()).isEqualTo(draft.draft().notes());
        assertThat(pkg.author()).isEqualTo("openai:gpt-4o-2024-08-06");
    }

    @Test
    void create_exposesReviewTopicsInOrderAndTheNewLesson() {
        LessonPackage pkg = created();

        assertThat(pkg.reviewTopics()).extracting(ReviewTopic::openingWord).containsExactly("gato", "perro");
        assertThat(pkg.newLesson().words()).containsExactlyElementsOf(FIVE_NEW_WORDS);
    }

    @Test
    void evolve_keepsIdentityAndRaisesVersion() {
        LessonPackage first = created();
        ValidDraft next = secondDraft(SPANISH);

        LessonPackage second = first.evolve(next, NEXT_DAY, "openai:gpt-4o");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.userId()).isEqualTo(first.userId());
        assertThat(second.language()).isEqualTo(first.language());
        assertThat(second.name()).isEqualTo("Spanish with Ana");
        assertThat(second.createdAt()).isEqualTo(CREATED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.updatedAt()).isEqualTo(NEXT_DAY);
        assertThat(second.lessonDate()).isEqualTo(LessonDay.parse("2026-03-02"));
        assertThat(second.conversations()).isEqualTo(next.draft().conversations());
        assertThat(second.notes()).isEqualTo(next.draft().notes());
        assertThat(second.author()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void evolve_repeatedly_raisesVersionByOneEachTime() {
        LessonPackage pkg = created();
        for (int day = 1; day <= 5; day++) {
            pkg = pkg.evolve(secondDraft(SPANISH), NEXT_DAY.plusSeconds(86_400L * day), "offline");
        }

        assertThat(pkg.version()).isEqualTo(6);
        assertThat(pkg.createdAt()).isEqualTo(CREATED);
        assertThat(pkg.lessonDate()).isEqualTo(LessonDay.parse("2026-03-07"));
    }

    @Test
    void evolve_doesNotChangeTheOriginal() {
        LessonPackage first = created();

        first.evolve(secondDraft(SPANISH), NEXT_DAY, "offline");

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.reviewTopics()).hasSize(2);
    }

    @Test
    void evolve_draftForAnotherLanguage_isRefused() {
        LessonPackage pkg = created();
        ValidDraft french = secondDraft(Language.of("fr"));

        assertThatThrownBy(() -> pkg.evolve(french, NEXT_DAY, "offline"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("uva").hasMessageNotContaining("leche");
    }

    @Test
    void evolve_draftForARegionalVariantOfTheSameLanguage_isAcceptedAndKeepsThePackagesLanguage() {
        LessonPackage pkg = created();

        LessonPackage evolved = pkg.evolve(secondDraft(Language.of("es-MX")), NEXT_DAY, "offline");

        assertThat(evolved.language()).isEqualTo(SPANISH);
        assertThat(evolved.version()).isEqualTo(2);
    }

    @Test
    void evolve_clockBehindCreation_neverPutsUpdatedAtBeforeCreatedAt() {
        LessonPackage pkg = created();
        Instant earlier = CREATED.minusSeconds(3_600);

        LessonPackage evolved = pkg.evolve(secondDraft(SPANISH), earlier, "offline");

        assertThat(evolved.updatedAt()).isEqualTo(CREATED);
        assertThat(evolved.lessonDate()).isEqualTo(LessonDay.of(earlier));
    }

    @Test
    void constructor_reviewAfterTheNewLesson_isRefused() {
        assertThatThrownBy(() -> withConversations(
                List.of(review("gato"), newLesson(FIVE_NEW_WORDS), review("perro")), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the new lesson");
    }

    @Test
    void constructor_noReview_isRefused() {
        assertThatThrownBy(() -> withConversations(List.of(newLesson(FIVE_NEW_WORDS)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 review(s)");
    }

    @Test
    void constructor_threeReviews_isRefused() {
        assertThatThrownBy(() -> withConversations(
                List.of(review("gato"), review("perro"), review("casa"), newLesson(FIVE_NEW_WORDS)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 review(s)");
    }

    @Test
    void constructor_noNewLesson_isRefused() {
        assertThatThrownBy(() -> withConversations(List.of(review("gato")), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 new lesson(s)");
    }

    @Test
    void constructor_twoNewLessons_isRefused() {
        assertThatThrownBy(() -> withConversations(
                List.of(review("gato"), newLesson(FIVE_NEW_WORDS), newLesson(FIVE_NEW_WORDS)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 new lesson(s)");
    }

    @Test
    void constructor_blankOpeningWord_isRefused() {
        ReviewTopic blank = new ReviewTopic("Cats", "Ask about cats.", "   ", List.of("gato"));

        assertThatThrownBy(() -> withConversations(List.of(blank, newLesson(FIVE_NEW_WORDS)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opening word");
    }

    @Test
    void constructor_versionZeroOrBelow_isRefused() {
        List<Conversation> ok = List.of(review("gato"), newLesson(FIVE_NEW_WORDS));

        assertThatThrownBy(() -> withConversations(ok, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> withConversations(ok, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_oneOrTwoReviewsThenOneNewLesson_isAccepted() {
        assertThat(withConversations(List.of(review("gato"), newLesson(FIVE_NEW_WORDS)), 1).reviewTopics()).hasSize(1);
        assertThat(withConversations(List.of(review("gato"), review("perro"), newLesson(FIVE_NEW_WORDS)), 7)
                .version()).isEqualTo(7);
    }

    @Test
    void constructor_blankNameOrAuthor_isRefused() {
        List<Conversation> ok = List.of(review("gato"), newLesson(FIVE_NEW_WORDS));
        Notes notes = notes(FIVE_NEW_WORDS);

        assertThatThrownBy(() -> new LessonPackage(ID, USER, SPANISH, " ", 1, CREATED, CREATED,
                LessonDay.of(CREATED), ok, notes, "offline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonPackage(ID, USER, SPANISH, "Spanish", 1, CREATED, CREATED,
                LessonDay.of(CREATED), ok, notes, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonPackage(ID, USER, SPANISH, null, 1, CREATED, CREATED,
                LessonDay.of(CREATED), ok, notes, "offline")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_updatedBeforeCreated_isRefused() {
        List<Conversation> ok = List.of(review("gato"), newLesson(FIVE_NEW_WORDS));

        assertThatThrownBy(() -> new LessonPackage(ID, USER, SPANISH, "Spanish", 1, CREATED, CREATED.minusMillis(1),
                LessonDay.of(CREATED), ok, notes(FIVE_NEW_WORDS), "offline"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_copiesConversations() {
        List<Conversation> conversations = new ArrayList<>(List.of(review("gato"), newLesson(FIVE_NEW_WORDS)));
        LessonPackage pkg = withConversations(conversations, 1);
        conversations.add(0, review("perro"));

        assertThat(pkg.conversations()).hasSize(2);
    }

    @Test
    void schemaVersion_isSharedWithTheConversationPackageService() {
        assertThat(LessonPackage.SCHEMA_VERSION).isEqualTo("package.v1");
    }
}

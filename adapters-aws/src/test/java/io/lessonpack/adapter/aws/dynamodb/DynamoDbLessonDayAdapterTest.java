package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.event.PackageGeneratedEventJson;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.lesson.LessonPackage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbLessonDayAdapterTest {

    private static final Duration LEASE = Duration.ofMinutes(3);

    private final DynamoDbStores stores = DynamoDbStores.create("lessonday");

    private DayClaim claim(String session, String token) {
        Instant now = stores.clock.instant();
        return new DayClaim(LEARNER, LessonDay.of(now), SessionId.of(session), SPANISH, token, now, now.plus(LEASE));
    }

    private ClaimResult.Claimed claimed(ClaimResult result) {
        assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
        return (ClaimResult.Claimed) result;
    }

    /** Commits a lesson for today under {@code token}, as a generation would. */
    private void commitLessonToday(String token, String session) {
        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, stores.clock.instant());
        assertThat(stores.saver.commit(LEARNER, TestData.commit(token, session, pkg, 0,
                stores.clock.instant().minusSeconds(60), CurriculumChange.none()))).isEqualTo(CommitResult.COMMITTED);
    }

    @Test
    void status_learnerNeverSeen_isNone() {
        assertThat(stores.days.status(LEARNER, SessionId.of("s1"))).isEqualTo(LessonDayStatus.none());
    }

    @Test
    void claim_firstOfTheDay_isClaimedWithoutDraftAndWritesTheClaimAttributes() {
        ClaimResult.Claimed result = claimed(stores.days.claim(claim("s1", "t1")));

        assertThat(result.resumedDraft()).isEmpty();
        Map<String, AttributeValue> item = stores.stateItem(LEARNER, "LAST_LESSON_DAY");
        assertThat(item.get("claimDay").s()).isEqualTo("2026-03-02");
        assertThat(item.get("claimSessionId").s()).isEqualTo("s1");
        assertThat(item.get("claimToken").s()).isEqualTo("t1");
        assertThat(item.get("claimLanguage").s()).isEqualTo("es");
        assertThat(item.get("claimLeaseExpiresAt").n())
                .isEqualTo(Long.toString(stores.clock.instant().plus(LEASE).toEpochMilli()));
        assertThat(item).containsKey("updatedAt").doesNotContainKey("lastLessonDate");
    }

    @Test
    void claim_afterTodaysLessonWasCommitted_isAlreadyHadLesson() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");

        assertThat(stores.days.claim(claim("s2", "t2"))).isInstanceOf(ClaimResult.AlreadyHadLesson.class);
        assertThat(stores.days.claim(claim("s1", "t3"))).isInstanceOf(ClaimResult.AlreadyHadLesson.class);
    }

    @Test
    void claim_theNextDayAfterALesson_isClaimed() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");
        stores.clock.set(Instant.parse("2026-03-03T00:00:00Z"));

        claimed(stores.days.claim(claim("s2", "t2")));
    }

    @Test
    void claim_liveClaimOfAnotherSession_isHeldByAnotherNotSameSession() {
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.clock.advance(Duration.ofMinutes(1));

        assertThat(stores.days.claim(claim("s2", "t2"))).isEqualTo(new ClaimResult.HeldByAnother(false));
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY").get("claimToken").s()).isEqualTo("t1");
    }

    @Test
    void claim_liveClaimOfTheSameSession_isHeldByAnotherSameSession() {
        claimed(stores.days.claim(claim("s1", "t1")));

        assertThat(stores.days.claim(claim("s1", "t2"))).isEqualTo(new ClaimResult.HeldByAnother(true));
    }

    @Test
    void claim_leaseEndedWithoutRelease_isTakenOverAndTheOldTokenCanNoLongerStoreADraft() {
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.clock.advance(LEASE);

        claimed(stores.days.claim(claim("s2", "t2")));

        assertThat(stores.days.storeDraft(LEARNER, "t1", TestData.draft("late"))).isFalse();
        assertThat(stores.days.storeDraft(LEARNER, "t2", TestData.draft("current"))).isTrue();
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY").get("claimDraftSessionId").s()).isEqualTo("s2");
    }

    @Test
    void claim_claimOfYesterdayStillLive_isClaimedToday() {
        stores.clock.set(Instant.parse("2026-03-02T23:59:00Z"));
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.clock.set(Instant.parse("2026-03-03T00:00:00Z"));

        claimed(stores.days.claim(claim("s2", "t2")));
    }

    @Test
    void claim_sameSessionAfterItsAttemptStoredADraftAndReleased_resumesTheDraft() {
        AuthoredDraft draft = TestData.draft("first");
        claimed(stores.days.claim(claim("s1", "t1")));
        assertThat(stores.days.storeDraft(LEARNER, "t1", draft)).isTrue();
        stores.days.release(LEARNER, "t1", stores.clock.instant());

        ClaimResult.Claimed retry = claimed(stores.days.claim(claim("s1", "t2")));

        assertThat(retry.resumedDraft()).contains(draft);
    }

    @Test
    void claim_sameSessionAfterItsAttemptDiedAndTheLeaseEnded_resumesTheDraft() {
        AuthoredDraft draft = TestData.draft("first");
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.days.storeDraft(LEARNER, "t1", draft);
        stores.clock.advance(LEASE.plusSeconds(1));

        assertThat(claimed(stores.days.claim(claim("s1", "t2"))).resumedDraft()).contains(draft);
    }

    @Test
    void claim_sameSessionTheNextDay_resumesTheDraftAcrossMidnight() {
        stores.clock.set(Instant.parse("2026-03-02T23:50:00Z"));
        AuthoredDraft draft = TestData.draft("late");
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.days.storeDraft(LEARNER, "t1", draft);
        stores.days.release(LEARNER, "t1", stores.clock.instant());
        stores.clock.set(Instant.parse("2026-03-03T00:05:00Z"));

        assertThat(claimed(stores.days.claim(claim("s1", "t2"))).resumedDraft()).contains(draft);
    }

    @Test
    void claim_anotherSessionAfterADraftWasStored_doesNotResumeIt() {
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.days.storeDraft(LEARNER, "t1", TestData.draft("s1's"));
        stores.days.release(LEARNER, "t1", stores.clock.instant());

        assertThat(claimed(stores.days.claim(claim("s2", "t2"))).resumedDraft()).isEmpty();
    }

    @Test
    void claim_unreadableStoredDraft_isClaimedWithoutDraft() {
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.days.release(LEARNER, "t1", stores.clock.instant());
        Map<String, AttributeValue> item = new java.util.HashMap<>(stores.stateItem(LEARNER, "LAST_LESSON_DAY"));
        item.put("claimDraft", AttributeValue.fromS("{\"format\":\"draft.v0\"}"));
        item.put("claimDraftSessionId", AttributeValue.fromS("s1"));
        stores.putStateItem(item);

        assertThat(claimed(stores.days.claim(claim("s1", "t2"))).resumedDraft()).isEmpty();
    }

    @Test
    void storeDraft_withoutAnyClaim_isFalse() {
        assertThat(stores.days.storeDraft(LEARNER, "t1", TestData.draft("x"))).isFalse();
    }

    @Test
    void release_ownClaim_letsAnotherSessionClaimAtTheSameInstant() {
        claimed(stores.days.claim(claim("s1", "t1")));

        stores.days.release(LEARNER, "t1", stores.clock.instant());

        claimed(stores.days.claim(claim("s2", "t2")));
    }

    @Test
    void release_withATokenThatLostTheClaim_changesNothing() {
        claimed(stores.days.claim(claim("s1", "t1")));
        stores.clock.advance(LEASE);
        claimed(stores.days.claim(claim("s2", "t2")));
        Map<String, AttributeValue> before = stores.stateItem(LEARNER, "LAST_LESSON_DAY");

        stores.days.release(LEARNER, "t1", stores.clock.instant());

        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).isEqualTo(before);
        assertThat(stores.days.claim(claim("s3", "t3"))).isEqualTo(new ClaimResult.HeldByAnother(false));
    }

    @Test
    void status_afterACommit_hasTheDayTheSessionAndTheUnpublishedEvent() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");

        LessonDayStatus status = stores.days.status(LEARNER, SessionId.of("s1"));

        LessonPackage pkg = TestData.pkg("p-1", SPANISH, 1, stores.clock.instant());
        assertThat(status.lastLessonDay()).contains(LessonDay.parse("2026-03-02"));
        assertThat(status.sessionAlreadyGenerated()).isTrue();
        assertThat(status.unpublishedEvents()).containsExactly(PackageGeneratedEvent.of(pkg));
        assertThat(stores.days.status(LEARNER, SessionId.of("s2")).sessionAlreadyGenerated()).isFalse();
    }

    @Test
    void markPublished_theEventsId_removesTheEventAndAnotherIdChangesNothing() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");

        stores.days.markPublished(LEARNER, "p-1:2");
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).unpublishedEvents()).hasSize(1);

        stores.days.markPublished(LEARNER, "p-1:1");
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).unpublishedEvents()).isEmpty();
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKey("pendingEvent#p-1:1");

        stores.days.markPublished(LEARNER, "p-1:1");
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).containsKey("lastLessonDate");
    }

    @Test
    void commit_theNextDayWhileAnEventIsUnpublished_keepsBothEvents() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");
        PackageGeneratedEvent first = PackageGeneratedEvent.of(TestData.pkg("p-1", SPANISH, 1, stores.clock.instant()));
        stores.clock.advance(Duration.ofDays(1));
        Instant now = stores.clock.instant();
        claimed(stores.days.claim(new DayClaim(LEARNER, LessonDay.of(now), SessionId.of("s2"), SPANISH, "t2", now,
                now.plus(Duration.ofMinutes(3)))));
        LessonPackage second = TestData.pkg("p-1", SPANISH, 2, now);
        assertThat(stores.saver.commit(LEARNER, TestData.commit("t2", "s2", second, 1, now.minusSeconds(60),
                CurriculumChange.none()))).isEqualTo(CommitResult.COMMITTED);

        assertThat(stores.days.status(LEARNER, SessionId.of("s3")).unpublishedEvents())
                .containsExactly(first, PackageGeneratedEvent.of(second));

        stores.days.markPublished(LEARNER, first.eventId());
        assertThat(stores.days.status(LEARNER, SessionId.of("s3")).unpublishedEvents())
                .containsExactly(PackageGeneratedEvent.of(second));
    }

    @Test
    void status_anEventSavedInTheSingleAttributeOfOldItems_isReadAndCleared() {
        PackageGeneratedEvent old = PackageGeneratedEvent.of(TestData.pkg("p-1", SPANISH, 1, stores.clock.instant()));
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LAST_LESSON_DAY"),
                "lastLessonDate", AttributeValue.fromS("2026-03-01"),
                "pendingEvent", AttributeValue.fromS(PackageGeneratedEventJson.toJson(old)),
                "pendingEventId", AttributeValue.fromS(old.eventId())));

        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).unpublishedEvents()).containsExactly(old);

        stores.days.markPublished(LEARNER, "p-0:7");
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).unpublishedEvents()).containsExactly(old);
        stores.days.markPublished(LEARNER, old.eventId());
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).unpublishedEvents()).isEmpty();
        assertThat(stores.stateItem(LEARNER, "LAST_LESSON_DAY")).doesNotContainKeys("pendingEvent", "pendingEventId")
                .containsKey("lastLessonDate");
    }

    @Test
    void status_sessionMarkerPastItsExpiry_countsAsAbsent() {
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("SESSION#old"),
                "expiresAt", AttributeValue.fromN(Long.toString(stores.clock.instant().getEpochSecond() - 1))));
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("SESSION#live"),
                "expiresAt", AttributeValue.fromN(Long.toString(stores.clock.instant().getEpochSecond() + 60))));

        assertThat(stores.days.status(LEARNER, SessionId.of("old")).sessionAlreadyGenerated()).isFalse();
        assertThat(stores.days.status(LEARNER, SessionId.of("live")).sessionAlreadyGenerated()).isTrue();
    }

    @Test
    void status_commitMarksTheSessionForThirtyDays() {
        claimed(stores.days.claim(claim("s1", "t1")));
        commitLessonToday("t1", "s1");

        stores.clock.advance(Duration.ofDays(30));
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).sessionAlreadyGenerated()).isTrue();
        stores.clock.advance(Duration.ofSeconds(1));
        assertThat(stores.days.status(LEARNER, SessionId.of("s1")).sessionAlreadyGenerated()).isFalse();
    }

    @Test
    void status_pendingEventThatIsNotAnEvent_failsNamingTheItemNotItsText() {
        stores.putStateItem(Map.of("PK", AttributeValue.fromS("USER#learner-1"), "SK", AttributeValue.fromS("LAST_LESSON_DAY"),
                "pendingEvent#p-1:1", AttributeValue.fromS("{\"event\":\"secret learner text\"}")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stores.days.status(LEARNER, SessionId.of("s1")))
                .isInstanceOf(UnreadableItemException.class)
                .hasMessageContaining("LAST_LESSON_DAY").hasMessageContaining("learner-1")
                .hasMessageNotContaining("secret");
    }
}

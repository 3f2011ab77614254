package io.lessonpack.adapter.aws.dynamodb;

/**
 * The attributes of the {@code USER#<userId>} / {@code LAST_LESSON_DAY} item: the day of the last
 * lesson, the claim on a day (one at a time), the draft stored under a claim and the event saved
 * but not yet published.
 * <pre>
 * lastLessonDate S (YYYY-MM-DD) · lastLessonSessionId S
 * claimDay S · claimSessionId S · claimToken S · claimLanguage S (tag) · claimLeaseExpiresAt N (epoch ms)
 * claimDraft S (JSON, see DraftJson) · claimDraftSessionId S
 * pendingEvent S (JSON, see PackageGeneratedEventJson) · pendingEventId S
 * updatedAt S (ISO-8601)
 * </pre>
 */
final class LessonDayItem {

    static final String LAST_LESSON_DATE = "lastLessonDate";
    static final String LAST_LESSON_SESSION_ID = "lastLessonSessionId";
    static final String CLAIM_DAY = "claimDay";
    static final String CLAIM_SESSION_ID = "claimSessionId";
    static final String CLAIM_TOKEN = "claimToken";
    static final String CLAIM_LANGUAGE = "claimLanguage";
    static final String CLAIM_LEASE_EXPIRES_AT = "claimLeaseExpiresAt";
    static final String CLAIM_DRAFT = "claimDraft";
    static final String CLAIM_DRAFT_SESSION_ID = "claimDraftSessionId";
    static final String PENDING_EVENT = "pendingEvent";
    static final String PENDING_EVENT_ID = "pendingEventId";
    static final String UPDATED_AT = "updatedAt";

    private LessonDayItem() {
    }
}

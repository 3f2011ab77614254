package io.lessonpack.adapter.aws.dynamodb;

/**
 * The attributes of the {@code USER#<userId>} / {@code LAST_LESSON_DAY} item: the day of the last
 * lesson, the claim on a day (one at a time), the draft stored under a claim and the events saved
 * but not yet published.
 * <pre>
 * lastLessonDate S (YYYY-MM-DD) · lastLessonSessionId S
 * claimDay S · claimSessionId S · claimToken S · claimLanguage S (tag) · claimLeaseExpiresAt N (epoch ms)
 * claimDraft S (JSON, see DraftJson) · claimDraftSessionId S
 * pendingEvent#&lt;eventId&gt; S (JSON, see PackageGeneratedEventJson), one attribute per unpublished event
 * updatedAt S (ISO-8601)
 * </pre>
 * Each unpublished event has its own attribute, so a commit adds its event without touching one
 * saved before (two lessons either side of midnight while SNS fails keep both). Items written before
 * that hold at most one, as {@code pendingEvent} and {@code pendingEventId}; they are still read and
 * cleared.
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
    /** The prefix of the attribute holding one unpublished event; the event id follows it. */
    static final String PENDING_EVENT_PREFIX = "pendingEvent#";
    /** The single unpublished event of an item written before events had an attribute each. */
    static final String LEGACY_PENDING_EVENT = "pendingEvent";
    static final String LEGACY_PENDING_EVENT_ID = "pendingEventId";
    static final String UPDATED_AT = "updatedAt";

    private LessonDayItem() {
    }

    /** The attribute holding the unpublished event {@code eventId}. */
    static String pendingEvent(String eventId) {
        return PENDING_EVENT_PREFIX + eventId;
    }
}

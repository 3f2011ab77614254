package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.Attributes.n;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.s;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DAY;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DRAFT;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_DRAFT_SESSION_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_LANGUAGE;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_LEASE_EXPIRES_AT;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_SESSION_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.CLAIM_TOKEN;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.LAST_LESSON_DATE;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.LEGACY_PENDING_EVENT;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.LEGACY_PENDING_EVENT_ID;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.PENDING_EVENT_PREFIX;
import static io.lessonpack.adapter.aws.dynamodb.LessonDayItem.UPDATED_AT;

import io.lessonpack.adapter.aws.event.PackageGeneratedEventJson;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.ClaimLessonDayPort;
import io.lessonpack.application.port.out.DraftCheckpointPort;
import io.lessonpack.application.port.out.EventOutboxPort;
import io.lessonpack.application.port.out.LoadLessonDayPort;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The learner's lesson day on the state table's {@code LAST_LESSON_DAY} item (see
 * {@link LessonDayItem}) and the {@code SESSION#<sessionId>} markers. Every write is one
 * conditional UpdateItem, so the promises of its ports (status, claims, the draft checkpoint, the
 * event outbox) hold across processes:
 * <ul>
 *   <li>{@link #status}: one strongly consistent BatchGetItem of the day item and the session marker;
 *       a marker whose {@code expiresAt} has passed counts as absent (TTL deletes late);</li>
 *   <li>{@link #claim}: one UpdateItem, condition "no lesson on or after the day, and no live claim
 *       on the day" (a lease that ended at or before the claim's time may be taken over); the old
 *       item comes back either way and says whether a draft is resumed or who holds the day;</li>
 *   <li>{@link #storeDraft}, {@link #release}, {@link #markPublished}: one UpdateItem each,
 *       conditional on the claim token or the event id.</li>
 * </ul>
 * A draft stored by another session stays in the item until it is overwritten or a lesson is
 * committed; it is never resumed by anyone but its own session.
 *
 * <pre>{@code
 * DynamoDbLessonDayAdapter days = new DynamoDbLessonDayAdapter(dynamoDb, tables, Clock.systemUTC());
 * }</pre>
 */
public final class DynamoDbLessonDayAdapter
        implements LoadLessonDayPort, ClaimLessonDayPort, DraftCheckpointPort, EventOutboxPort {

    private static final Logger LOG = System.getLogger(DynamoDbLessonDayAdapter.class.getName());

    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final Clock clock;
    private final BatchReader batch;

    public DynamoDbLessonDayAdapter(DynamoDbClient client, DynamoDbTables tables, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batch = new BatchReader(client);
    }

    @Override
    public LessonDayStatus status(UserId userId, SessionId sessionId) {
        String sessionSk = StateKeys.session(sessionId);
        List<Map<String, AttributeValue>> items = batch.read("status BatchGetItem", tables.stateTable(),
                List.of(StateKeys.lastLessonDay(userId), StateKeys.key(userId, sessionSk)), true);
        Map<String, AttributeValue> day = withSortKey(items, StateKeys.LAST_LESSON_DAY).orElse(Map.of());
        boolean generated = withSortKey(items, sessionSk).filter(this::notExpired).isPresent();
        return new LessonDayStatus(lastLessonDay(userId, day).orElse(null), generated, unpublishedEvents(userId, day));
    }

    private static Optional<Map<String, AttributeValue>> withSortKey(List<Map<String, AttributeValue>> items, String sk) {
        return items.stream().filter(i -> Attributes.string(i, StateKeys.SK).filter(sk::equals).isPresent()).findFirst();
    }

    private boolean notExpired(Map<String, AttributeValue> item) {
        return Attributes.longNumber(item, StateKeys.EXPIRES_AT)
                .map(expiresAt -> expiresAt >= clock.instant().getEpochSecond())
                .orElse(true);
    }

    private Optional<LessonDay> lastLessonDay(UserId userId, Map<String, AttributeValue> day) {
        try {
            return Attributes.string(day, LAST_LESSON_DATE).map(LessonDay::parse);
        } catch (DateTimeParseException e) {
            throw unreadableDay(userId, LAST_LESSON_DATE + " is not a YYYY-MM-DD date", e);
        }
    }

    private List<PackageGeneratedEvent> unpublishedEvents(UserId userId, Map<String, AttributeValue> day) {
        List<PackageGeneratedEvent> events = new ArrayList<>();
        day.forEach((name, value) -> {
            if (name.startsWith(PENDING_EVENT_PREFIX) || name.equals(LEGACY_PENDING_EVENT)) {
                events.add(event(userId, name, value));
            }
        });
        return events;
    }

    private PackageGeneratedEvent event(UserId userId, String attribute, AttributeValue value) {
        try {
            if (value.s() == null) {
                throw new IllegalArgumentException("not a string");
            }
            return PackageGeneratedEventJson.fromJson(value.s());
        } catch (IllegalArgumentException e) {
            // Not skipped: an unreadable saved event would be lost for good. An operator fixes the item.
            throw unreadableDay(userId, attribute + ": " + e.getMessage(), e);
        }
    }

    private UnreadableItemException unreadableDay(UserId userId, String what, Exception cause) {
        return new UnreadableItemException("the LAST_LESSON_DAY item of user " + userId.value() + " in table "
                + tables.stateTable() + " cannot be read: " + what, cause);
    }

    @Override
    public ClaimResult claim(DayClaim claim) {
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.lastLessonDay(claim.userId()))
                .updateExpression("SET " + CLAIM_DAY + " = :day, " + CLAIM_SESSION_ID + " = :session, "
                        + CLAIM_TOKEN + " = :token, " + CLAIM_LANGUAGE + " = :language, "
                        + CLAIM_LEASE_EXPIRES_AT + " = :lease, " + UPDATED_AT + " = :updatedAt")
                .conditionExpression("(attribute_not_exists(" + LAST_LESSON_DATE + ") OR " + LAST_LESSON_DATE + " < :day)"
                        + " AND (attribute_not_exists(" + CLAIM_TOKEN + ") OR " + CLAIM_DAY + " <> :day OR "
                        + CLAIM_LEASE_EXPIRES_AT + " <= :now)")
                .expressionAttributeValues(Map.of(
                        ":day", s(claim.day().toString()),
                        ":session", s(claim.sessionId().value()),
                        ":token", s(claim.token()),
                        ":language", s(claim.language().tag()),
                        ":lease", n(claim.leaseExpires().toEpochMilli()),
                        ":now", n(claim.now().toEpochMilli()),
                        ":updatedAt", s(Instants.iso(clock.instant()))))
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            UpdateItemResponse response = client.updateItem(request);
            return new ClaimResult.Claimed(resumedDraft(claim, response.attributes()).orElse(null));
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> held = refused.hasItem() ? refused.item() : Map.of();
            boolean hadLesson = Attributes.string(held, LAST_LESSON_DATE)
                    .filter(last -> last.compareTo(claim.day().toString()) >= 0).isPresent();
            if (hadLesson) {
                return new ClaimResult.AlreadyHadLesson();
            }
            return new ClaimResult.HeldByAnother(
                    Attributes.string(held, CLAIM_SESSION_ID).filter(claim.sessionId().value()::equals).isPresent());
        } catch (SdkException e) {
            throw DynamoDbFailures.translate("claim UpdateItem", e);
        }
    }

    /**
     * The draft the same session stored under an earlier claim, from the item as it was before this
     * claim. Across midnight too: the service validates it against the new day's plan.
     */
    private Optional<AuthoredDraft> resumedDraft(DayClaim claim, Map<String, AttributeValue> old) {
        if (old == null || Attributes.string(old, CLAIM_DRAFT_SESSION_ID).filter(claim.sessionId().value()::equals).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> json = Attributes.string(old, CLAIM_DRAFT);
        try {
            return json.map(DraftJson::fromJson);
        } catch (RuntimeException e) {
            // A draft this version cannot read costs one more author call, never the lesson.
            LogEvent.of("dynamodb.stored_draft_unreadable").with("userId", claim.userId())
                    .with("sessionId", claim.sessionId()).with("errorType", e.getClass().getName()).warn(LOG);
            return Optional.empty();
        }
    }

    @Override
    public boolean storeDraft(UserId userId, String token, AuthoredDraft draft) {
        return conditionalUpdate("storeDraft UpdateItem", UpdateItemRequest.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.lastLessonDay(userId))
                // The session comes from the claim itself: the token proves it is this attempt's.
                .updateExpression("SET " + CLAIM_DRAFT + " = :draft, " + CLAIM_DRAFT_SESSION_ID + " = " + CLAIM_SESSION_ID
                        + ", " + UPDATED_AT + " = :updatedAt")
                .conditionExpression(CLAIM_TOKEN + " = :token")
                .expressionAttributeValues(Map.of(":draft", s(DraftJson.toJson(draft)), ":token", s(token),
                        ":updatedAt", s(Instants.iso(clock.instant()))))
                .build());
    }

    @Override
    public void release(UserId userId, String token, Instant now) {
        conditionalUpdate("release UpdateItem", UpdateItemRequest.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.lastLessonDay(userId))
                .updateExpression("SET " + CLAIM_LEASE_EXPIRES_AT + " = :now, " + UPDATED_AT + " = :updatedAt")
                .conditionExpression(CLAIM_TOKEN + " = :token")
                .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":token", s(token),
                        ":updatedAt", s(Instants.iso(clock.instant()))))
                .build());
    }

    /**
     * Removes the event's attribute; when the item has none (it was written before events had an
     * attribute each), a second UpdateItem clears the single event of the old form if it is this one.
     */
    @Override
    public void markPublished(UserId userId, String eventId) {
        boolean removed = conditionalUpdate("markPublished UpdateItem", UpdateItemRequest.builder()
                .tableName(tables.stateTable())
                .key(StateKeys.lastLessonDay(userId))
                .updateExpression("REMOVE #event")
                .conditionExpression("attribute_exists(#event)")
                .expressionAttributeNames(Map.of("#event", LessonDayItem.pendingEvent(eventId)))
                .build());
        if (!removed) {
            conditionalUpdate("markPublished UpdateItem", UpdateItemRequest.builder()
                    .tableName(tables.stateTable())
                    .key(StateKeys.lastLessonDay(userId))
                    .updateExpression("REMOVE " + LEGACY_PENDING_EVENT + ", " + LEGACY_PENDING_EVENT_ID)
                    .conditionExpression(LEGACY_PENDING_EVENT_ID + " = :eventId")
                    .expressionAttributeValues(Map.of(":eventId", s(eventId)))
                    .build());
        }
    }

    /** Sends an update whose failed condition is an answer (false), not an error. */
    private boolean conditionalUpdate(String operation, UpdateItemRequest request) {
        try {
            client.updateItem(request);
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(operation, e);
        }
    }
}

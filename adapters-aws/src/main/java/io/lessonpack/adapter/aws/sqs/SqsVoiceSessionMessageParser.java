package io.lessonpack.adapter.aws.sqs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.domain.learner.InvalidIdException;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.InvalidLanguageException;
import io.lessonpack.domain.word.Language;
import java.nio.charset.StandardCharsets;
import java.lang.System.Logger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the body of one message from the voice-session SQS queue,
 * {@code {"sessionId","userId","targetLanguage","createdAt"}}, into a command, or into a reasoned
 * refusal that never blocks the queue: a message without {@code userId} or {@code targetLanguage}
 * is {@link SkipReason#MISSING_FIELDS} (as the original service did); bad JSON, wrong types, an
 * unknown language, an id that is not well-formed text, a repeated field, text after the
 * object, deep nesting or an absurd size is {@link SkipReason#INVALID_MESSAGE}. Refusal details name the field, never echo the body. Unknown
 * extra fields are ignored, so producers may add to the event without breaking this consumer.
 *
 * <p>Fallbacks: a message without {@code sessionId} is keyed on its message id (idempotent per
 * delivery only). {@code createdAt} is not trusted for time: when it is missing, not a string, not
 * an ISO-8601 instant, or outside a sane window around the time the queue received the message
 * (more than {@link #CREATED_AT_MAX_AHEAD} after it, or more than {@link #CREATED_AT_MAX_BEFORE}
 * before it), the time the queue received the message stands in, with a
 * {@code message.created_at_replaced} log line naming the message and the reason. A session's
 * lesson is never lost, and never made to wait for years, because of its timestamp.
 *
 * <p>Contract with the caller: {@code messageId} and {@code receivedAt} come from SQS itself
 * ({@code SQSMessage.getMessageId()} and the {@code SentTimestamp} attribute), which always sets
 * them, never from the body. A missing one is a bug in the caller, not a poison message, so the
 * parser throws instead of skipping: without a message id the batch response could not even name
 * the message it reports.
 *
 * <pre>{@code
 * SqsVoiceSessionMessageParser parser = new SqsVoiceSessionMessageParser();
 * VoiceSessionMessage m = parser.parse(sqsMessage.getMessageId(), sqsMessage.getBody(), sentAt);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SqsVoiceSessionMessageParser {

    /** Bodies larger than this are refused unread: a voice-session event is ~200 bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /**
     * Deepest nesting of arrays and objects accepted. The event is flat; the limit leaves room for
     * producers' extra metadata while a hostile body of nested brackets fails fast, in the parser's
     * own check, long before recursion could exhaust the stack.
     */
    public static final int MAX_NESTING_DEPTH = 32;

    /** A {@code createdAt} later than this after the queue received the message is not believed. */
    public static final Duration CREATED_AT_MAX_AHEAD = Duration.ofMinutes(5);

    /** A {@code createdAt} earlier than this before the queue received the message is not believed. */
    public static final Duration CREATED_AT_MAX_BEFORE = Duration.ofDays(30);

    private static final Logger LOG = System.getLogger(SqsVoiceSessionMessageParser.class.getName());
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxDocumentLength(MAX_BODY_BYTES)
                    .build())
            // {"userId":"a","userId":"b"} is ambiguous: another reader may take the other value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            // A body is one JSON document; "{...} junk" is not, though readTree would stop after the object.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses one message.
     *
     * @param messageId  the SQS message id; always present on an SQS message
     * @param body       the message body as SQS delivered it; may be anything
     * @param receivedAt when the queue received the message; stands in for a missing createdAt
     * @return the command, or the reason the message is skipped
     * @throws IllegalArgumentException if {@code messageId} is null or blank (a caller bug)
     * @throws NullPointerException     if {@code receivedAt} is null (a caller bug)
     */
    public VoiceSessionMessage parse(String messageId, String body, Instant receivedAt) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is missing: pass the SQS message's own id, which SQS always sets");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (body == null || body.isBlank()) {
            return invalid(messageId, "the body is empty");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            return invalid(messageId, "the body has " + bytes + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        JsonNode root;
        try {
            root = json.readTree(withoutByteOrderMark(body));
        } catch (StreamConstraintsException e) {
            return invalid(messageId, "the body nests deeper than " + MAX_NESTING_DEPTH + " levels or exceeds another parser limit");
        } catch (JacksonException e) {
            // The parser's message quotes the input, so only the fact goes into the detail.
            return invalid(messageId, "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return invalid(messageId, "the body is not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("userId", "targetLanguage")) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return new VoiceSessionMessage.Unusable(messageId, SkipReason.MISSING_FIELDS,
                    "missing " + String.join(" and ", missing));
        }
        for (String field : List.of("sessionId", "userId", "targetLanguage")) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return invalid(messageId, field + " must be a string, was " + value.getNodeType().name().toLowerCase());
            }
            if (value != null && value.isTextual() && !isWellFormedUnicode(value.asText())) {
                // A lone surrogate cannot be encoded as UTF-8: DynamoDB would store a different key.
                return invalid(messageId, field + " is not well-formed Unicode (it holds an unpaired surrogate)");
            }
        }
        try {
            UserId userId = UserId.of(root.get("userId").asText());
            Language language = Language.of(root.get("targetLanguage").asText());
            String rawSession = text(root, "sessionId");
            SessionId sessionId = SessionId.of(rawSession.isBlank() ? "message:" + messageId : rawSession);
            Instant createdAt = createdAt(messageId, root.get("createdAt"), receivedAt);
            return new VoiceSessionMessage.Parsed(messageId,
                    new GenerateDailyPackageCommand(sessionId, userId, language, createdAt));
        } catch (InvalidIdException e) {
            return invalid(messageId, e.getMessage());
        } catch (InvalidLanguageException e) {
            return invalid(messageId, "targetLanguage is not a known ISO 639-1 language tag");
        }
    }

    /** The session's end: its {@code createdAt} when it is believable, else when the queue received it. */
    private static Instant createdAt(String messageId, JsonNode value, Instant receivedAt) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return receivedAt;
        }
        String problem;
        if (!value.isTextual()) {
            problem = "not a string";
        } else {
            try {
                Instant claimed = parseInstant(value.asText().strip());
                if (claimed.isAfter(receivedAt.plus(CREATED_AT_MAX_AHEAD))) {
                    problem = "after the time the queue received the message";
                } else if (claimed.isBefore(receivedAt.minus(CREATED_AT_MAX_BEFORE))) {
                    problem = "more than " + CREATED_AT_MAX_BEFORE.toDays() + " days before the queue received the message";
                } else {
                    return claimed;
                }
            } catch (DateTimeException | ArithmeticException e) {
                problem = "not an ISO-8601 instant";
            }
        }
        LogEvent.of("message.created_at_replaced").with("messageId", messageId).with("reason", "createdAt is " + problem)
                .with("usedInstead", "SentTimestamp").warn(LOG);
        return receivedAt;
    }

    /** Some producers (and editors) put a BOM in front of JSON; it is not part of the document. */
    private static String withoutByteOrderMark(String body) {
        return body.charAt(0) == BYTE_ORDER_MARK ? body.substring(1) : body;
    }

    private static boolean isWellFormedUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Instant parseInstant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(raw).toInstant();
        }
    }

    private static VoiceSessionMessage invalid(String messageId, String detail) {
        return new VoiceSessionMessage.Unusable(messageId, SkipReason.INVALID_MESSAGE, detail);
    }
}

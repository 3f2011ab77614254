package io.lessonpack.bootstrap.local.message;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import io.lessonpack.domain.learner.InvalidIdException;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.InvalidLanguageException;
import io.lessonpack.domain.word.Language;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a voice-session message body, {@code {"sessionId","userId","targetLanguage","createdAt"}},
 * into a command, or into a reasoned refusal that never blocks the queue: a message without
 * {@code userId} or {@code targetLanguage} is {@link SkipReason#MISSING_FIELDS} (as the original
 * service did); bad JSON, wrong types, an unknown language, an unparseable {@code createdAt} or an
 * absurd size is {@link SkipReason#INVALID_MESSAGE}. Refusal details name the field, never echo
 * the body.
 *
 * <p>Fallbacks: a message without {@code sessionId} is keyed on its message id (idempotent per
 * delivery only); one without {@code createdAt} uses the time the queue received it.
 */
public final class VoiceSessionMessageParser {

    /** Bodies larger than this are refused unread: a voice-session event is ~200 bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Parses one message.
     *
     * @param receivedAt when the queue received the message; stands in for a missing createdAt
     */
    public VoiceSessionMessage parse(String messageId, String body, Instant receivedAt) {
        if (body == null || body.isBlank()) {
            return invalid(messageId, "the body is empty");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            return invalid(messageId, "the body has " + bytes + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
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
        for (String field : List.of("sessionId", "userId", "targetLanguage", "createdAt")) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return invalid(messageId, field + " must be a string, was " + value.getNodeType().name().toLowerCase());
            }
        }
        try {
            UserId userId = UserId.of(root.get("userId").asText());
            Language language = Language.of(root.get("targetLanguage").asText());
            String rawSession = text(root, "sessionId");
            SessionId sessionId = SessionId.of(rawSession.isBlank() ? "message:" + messageId : rawSession);
            String rawCreatedAt = text(root, "createdAt");
            Instant createdAt = rawCreatedAt.isBlank() ? receivedAt : parseInstant(rawCreatedAt);
            return new VoiceSessionMessage.Parsed(messageId,
                    new GenerateDailyPackageCommand(sessionId, userId, language, createdAt));
        } catch (InvalidIdException e) {
            return invalid(messageId, e.getMessage());
        } catch (InvalidLanguageException e) {
            return invalid(messageId, "targetLanguage is not a known ISO 639-1 language tag");
        } catch (DateTimeParseException e) {
            return invalid(messageId, "createdAt is not an ISO-8601 instant");
        }
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

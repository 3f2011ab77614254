package io.lessonpack.adapter.aws.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.learner.InvalidIdException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.InvalidLanguageException;
import io.lessonpack.domain.word.Language;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The wire form of {@link PackageGeneratedEvent}: the JSON body of the {@code package.generated}
 * SNS message, which other services consume, and the form in which an unpublished event is kept
 * for crash recovery. One codec serves both, so what is recovered is exactly what would have been
 * published.
 *
 * <p>Fields, in this order: {@code event} ({@code "package.generated"}), {@code userId},
 * {@code language} (the canonical BCP-47 tag), {@code packageId}, {@code packageName},
 * {@code generatedAt} (ISO-8601 UTC instant), {@code updated} (boolean), {@code eventId},
 * {@code packageVersion} (number).
 *
 * <pre>{@code
 * String body = PackageGeneratedEventJson.toJson(event);
 * PackageGeneratedEvent same = PackageGeneratedEventJson.fromJson(body);   // equals event
 * }</pre>
 */
public final class PackageGeneratedEventJson {

    /** An event is a few hundred bytes; a far larger document is not one. */
    private static final int MAX_DOCUMENT_CHARS = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxNestingDepth(8)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PackageGeneratedEventJson() {
    }

    /**
     * The JSON body of {@code event}, fields in the documented order.
     *
     * @param event the event; not null
     * @return a compact JSON object
     */
    public static String toJson(PackageGeneratedEvent event) {
        Objects.requireNonNull(event, "event");
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("event", PackageGeneratedEvent.TYPE);
            json.writeStringField("userId", event.userId().value());
            json.writeStringField("language", event.language().tag());
            json.writeStringField("packageId", event.packageId().value());
            json.writeStringField("packageName", event.packageName());
            json.writeStringField("generatedAt", event.generatedAt().toString());
            json.writeBooleanField("updated", event.updated());
            json.writeStringField("eventId", event.eventId());
            json.writeNumberField("packageVersion", event.packageVersion());
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; this is only the checked signature of the generator.
            throw new UncheckedIOException("could not write a package.generated event", e);
        }
        return out.toString();
    }

    /**
     * Reads a body written by {@link #toJson}, checking every field: all present, of the right
     * JSON type, {@code event} equal to {@code package.generated}, ids and language valid,
     * {@code generatedAt} an ISO-8601 instant, {@code packageVersion} a whole number of at least 1.
     * Fields it does not know are ignored, so a newer writer does not break an older reader.
     *
     * @param json the JSON body
     * @return the event
     * @throws IllegalArgumentException if the body is not such an event; the message names the
     *     field and the problem, never a value (a package name is model-written text)
     */
    public static PackageGeneratedEvent fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("the body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            // Jackson's message quotes the input, so it is neither kept nor chained.
            throw invalid("the body is not a single valid JSON document within the size and nesting limits");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the body is not a JSON object");
        }
        String type = text(root, "event");
        if (!PackageGeneratedEvent.TYPE.equals(type)) {
            throw invalid("event must be \"" + PackageGeneratedEvent.TYPE + "\"");
        }
        UserId userId;
        PackageId packageId;
        try {
            userId = UserId.of(text(root, "userId"));
            packageId = PackageId.of(text(root, "packageId"));
        } catch (InvalidIdException e) {
            throw invalid(e.getMessage());
        }
        Language language;
        try {
            language = Language.of(text(root, "language"));
        } catch (InvalidLanguageException e) {
            throw invalid("language is not a supported language tag");
        }
        String packageName = text(root, "packageName");
        if (packageName.isBlank()) {
            throw invalid("packageName is blank");
        }
        Instant generatedAt;
        try {
            generatedAt = Instant.parse(text(root, "generatedAt"));
        } catch (DateTimeParseException e) {
            throw invalid("generatedAt is not an ISO-8601 instant such as 2026-03-02T10:00:00Z");
        }
        JsonNode updated = field(root, "updated");
        if (!updated.isBoolean()) {
            throw invalid("updated must be a boolean, was " + typeOf(updated));
        }
        String eventId = text(root, "eventId");
        if (eventId.isBlank()) {
            throw invalid("eventId is blank");
        }
        JsonNode version = field(root, "packageVersion");
        if (!version.isIntegralNumber()) {
            throw invalid("packageVersion must be a whole number, was " + typeOf(version));
        }
        if (!version.canConvertToLong() || version.longValue() < 1) {
            throw invalid("packageVersion must be between 1 and " + Long.MAX_VALUE);
        }
        return new PackageGeneratedEvent(eventId, userId, language, packageId, packageName, generatedAt,
                updated.booleanValue(), version.longValue());
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            throw invalid(name + " is missing");
        }
        return value;
    }

    private static String text(JsonNode root, String name) {
        JsonNode value = field(root, name);
        if (!value.isTextual()) {
            throw invalid(name + " must be a string, was " + typeOf(value));
        }
        return value.textValue();
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> value.isIntegralNumber() ? "a whole number" : "a fraction";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("not a package.generated event: " + problem);
    }
}

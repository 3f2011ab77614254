package io.lessonpack.bootstrap.local.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file of your own voice-session events for {@code demo --events}: a JSON array of message bodies,
 * or an object with {@code events} (the bodies) and {@code analysisResults} (rows of the analysis
 * table to seed first). A body that is not a JSON object (a string, say) is sent as its text, so
 * malformed messages can be tried too.
 */
record EventsFile(List<Event> events, List<AnalysisResult> analysisResults) {

    /**
     * One message: its body as sent, and what the demo shows about it.
     *
     * @param usableUserId   the body's userId when it is a usable id; null otherwise ({@link #userId()}
     *                       reads it as an {@code Optional})
     * @param parsedLanguage the body's targetLanguage when it names a language; null otherwise
     *                       ({@link #language()} reads it as an {@code Optional})
     */
    record Event(String body, String sessionId, String label, String usableUserId, Language parsedLanguage) {

        /** The body's userId when it is a usable id; empty otherwise. */
        Optional<String> userId() {
            return Optional.ofNullable(usableUserId);
        }

        /** The body's targetLanguage when it names a language; empty otherwise. */
        Optional<Language> language() {
            return Optional.ofNullable(parsedLanguage);
        }
    }

    /** The file cannot be used; the message says where and why. */
    static final class UnreadableEventsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableEventsException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static EventsFile read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path));
        } catch (JacksonException e) {
            throw new UnreadableEventsException(path + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UnreadableEventsException("cannot read " + path + ": " + e.getClass().getSimpleName());
        }
        JsonNode events;
        JsonNode analyses = null;
        if (root != null && root.isArray()) {
            events = root;
        } else if (root != null && root.isObject() && root.path("events").isArray()) {
            events = root.get("events");
            analyses = root.get("analysisResults");
            if (analyses != null && !analyses.isArray()) {
                throw new UnreadableEventsException(path + ": analysisResults must be an array");
            }
        } else {
            throw new UnreadableEventsException(path + " must hold a JSON array of message bodies, or an object with an"
                    + " \"events\" array (and optionally \"analysisResults\")");
        }
        if (events.isEmpty()) {
            throw new UnreadableEventsException(path + " holds no events");
        }
        List<Event> parsedEvents = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            parsedEvents.add(event(events.get(i), i));
        }
        List<AnalysisResult> results = new ArrayList<>();
        if (analyses != null) {
            for (int i = 0; i < analyses.size(); i++) {
                results.add(analysis(path, analyses.get(i), i));
            }
        }
        return new EventsFile(parsedEvents, results);
    }

    private static Event event(JsonNode node, int index) {
        String label = "message " + (index + 1);
        if (!node.isObject()) {
            return new Event(node.isTextual() ? node.asText() : node.toString(), "", label + " (not a JSON object)",
                    null, null);
        }
        String user = node.path("userId").asText("");
        String language = node.path("targetLanguage").asText("");
        Optional<Language> lang = Language.parse(language);
        if (!user.isBlank() && lang.isPresent()) {
            label = user + " · " + lang.get().tag();
        }
        Optional<String> userId = usableId(user);
        return new Event(node.toString(), node.path("sessionId").asText(""), label, userId.orElse(null),
                lang.orElse(null));
    }

    private static Optional<String> usableId(String raw) {
        try {
            return Optional.of(UserId.of(raw).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AnalysisResult analysis(Path path, JsonNode node, int index) {
        try {
            return AnalysisResultJson.read(node, "file-analysis-" + (index + 1));
        } catch (AnalysisResultJson.InvalidAnalysisResultException e) {
            throw new UnreadableEventsException(path + ": analysisResults[" + index + "]: " + e.getMessage());
        }
    }
}

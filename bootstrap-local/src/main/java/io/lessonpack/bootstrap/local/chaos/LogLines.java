package io.lessonpack.bootstrap.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON lines the local runtime wrote during the soak (the file named by
 * {@code lessonpack.log.file}), for the invariants that ask for a logged reason.
 */
final class LogLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> lines;

    private LogLines(List<JsonNode> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads the file; a line that is not a JSON object is left out. A missing file has no lines. */
    static LogLines read(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return new LogLines(lines);
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node != null && node.isObject()) {
                        lines.add(node);
                    }
                } catch (IOException e) {
                    // A torn or foreign line: not one of ours.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log file " + file, e);
        }
        return new LogLines(lines);
    }

    int size() {
        return lines.size();
    }

    /** The sessions with a {@code generation.outcome} line that is not a failure (a lesson or a skip). */
    Set<String> sessionsWithLessonOrSkip() {
        Set<String> sessions = new HashSet<>();
        for (JsonNode line : lines) {
            if ("generation.outcome".equals(line.path("event").asText())
                    && !"failed".equals(line.path("outcome").asText())) {
                sessions.add(line.path("sessionId").asText());
            }
        }
        return sessions;
    }

    /** The analysis ids some line names together with a reason. */
    Set<String> analysisIdsWithReason() {
        Set<String> ids = new HashSet<>();
        for (JsonNode line : lines) {
            if (line.hasNonNull("analysisId") && line.hasNonNull("reason")) {
                ids.add(line.path("analysisId").asText());
            }
        }
        return ids;
    }

    /** How many lines have {@code event}. */
    long count(String event) {
        return lines.stream().filter(l -> event.equals(l.path("event").asText())).count();
    }
}

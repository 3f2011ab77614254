package io.lessonpack.bootstrap.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.InvalidIdException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the analysis-results table written as JSON with the table's own field names
 * ({@code userId}, {@code createdAt}, {@code analysisId}, {@code sessionId}, {@code targetLanguage},
 * {@code targetsHit}, {@code targetsMissed}, {@code wordsUsed}, {@code feedback}; docs/contracts.md), as
 * the demo's event file and {@code serve}'s {@code POST /v1/analysis-results} take it.
 */
public final class AnalysisResultJson {

    /** The JSON is not a usable analysis result; the message names the field, never its value. */
    public static final class InvalidAnalysisResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidAnalysisResultException(String message) {
            super(message);
        }
    }

    private AnalysisResultJson() {
    }

    /**
     * Reads {@code node} into a result; {@code userId} and an ISO-8601 {@code createdAt} are required,
     * the lists may be missing (empty), and {@code analysisId} defaults to {@code defaultAnalysisId}.
     *
     * @throws InvalidAnalysisResultException naming what is missing or wrong
     */
    public static AnalysisResult read(JsonNode node, String defaultAnalysisId) {
        if (node == null || !node.isObject()) {
            throw new InvalidAnalysisResultException("an analysis result must be a JSON object");
        }
        UserId userId;
        try {
            userId = UserId.of(requiredText(node, "userId"));
        } catch (InvalidIdException e) {
            throw new InvalidAnalysisResultException("userId is not a usable id (1 to " + UserId.MAX_LENGTH
                    + " characters, no control characters, no surrounding spaces)");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(requiredText(node, "createdAt").strip());
        } catch (DateTimeException e) {
            throw new InvalidAnalysisResultException("createdAt is not an ISO-8601 instant such as 2026-03-02T09:00:00Z");
        }
        AnalysisResult.Builder b = AnalysisResult.builder(userId, createdAt)
                .analysisId(node.path("analysisId").asText(defaultAnalysisId))
                .sessionId(node.path("sessionId").asText(""));
        if (node.hasNonNull("targetLanguage")) {
            b.targetLanguage(Language.parse(node.get("targetLanguage").asText()).orElseThrow(
                    () -> new InvalidAnalysisResultException("targetLanguage is not a known ISO 639-1 language tag")));
        }
        return b.targetsHit(strings(node, "targetsHit")).targetsMissed(strings(node, "targetsMissed"))
                .wordsUsed(strings(node, "wordsUsed")).feedback(node.path("feedback").asText("")).build();
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new InvalidAnalysisResultException(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new InvalidAnalysisResultException(field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidAnalysisResultException(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        value.forEach(n -> values.add(n.asText()));
        return values;
    }
}

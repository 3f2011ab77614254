package io.lessonpack.bootstrap.local.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.bootstrap.local.demo.AnalysisResultJson;
import io.lessonpack.bootstrap.local.demo.AnalysisResultsWriter;
import io.lessonpack.domain.evidence.AnalysisResult;
import java.io.IOException;
import java.lang.System.Logger;

/**
 * {@code POST /v1/analysis-results}: plays the analysis service, storing one result (the table's own
 * fields as JSON) into the local analysis-results table through the demo's writer; 201, or 400 with
 * what is wrong.
 */
final class AnalysisEndpoint {

    private static final Logger LOG = System.getLogger(AnalysisEndpoint.class.getName());

    private final AnalysisResultsWriter writer;

    AnalysisEndpoint(AnalysisResultsWriter writer) {
        this.writer = writer;
    }

    void post(Http http) throws IOException {
        JsonNode node;
        try {
            node = Http.JSON.readTree(http.body());
        } catch (JacksonException e) {
            throw HttpProblem.badRequest("the body is not valid JSON");
        }
        AnalysisResult result;
        try {
            result = AnalysisResultJson.read(node, "");
        } catch (AnalysisResultJson.InvalidAnalysisResultException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        writer.put(result);
        LogEvent.of("serve.analysis_stored").with("userId", result.userId()).with("analysisId", result.analysisId())
                .with("sessionId", result.sessionId()).with("createdAt", result.createdAt()).info(LOG);
        http.json(201, http.object().put("userId", result.userId().value())
                .put("createdAt", result.createdAt().toString()).put("analysisId", result.analysisId())
                .put("sessionId", result.sessionId()));
    }
}

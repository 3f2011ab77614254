package io.lessonpack.bootstrap.local.serve;

import static io.lessonpack.bootstrap.local.serve.ServeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint's answers to good and bad requests, over real HTTP on loopback. */
class ServeEndpointsTest {

    private static ServeFixture serve;

    @BeforeAll
    static void start() {
        serve = ServeFixture.start();
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void health_answersUp() {
        HttpResponse<String> response = serve.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("up");
    }

    @Test
    void ready_whenTheTablesExist_answersReady() {
        HttpResponse<String> response = serve.get("/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void server_listensOnLoopbackOnly() {
        assertThat(serve.server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownPath_is404WithJson() {
        HttpResponse<String> response = serve.get("/v2/nothing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).path("error").asText()).isNotBlank();
    }

    @Test
    void wrongMethod_is405WithAllow() {
        HttpResponse<String> response = serve.send(HttpRequest.newBuilder(serve.uri("/v1/sessions"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(serve.post("/health", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void oversizeBody_is413() {
        HttpResponse<String> response = serve.post("/v1/analysis-results", "{\"feedback\":\"" + "x".repeat(300_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).contains("larger than");
    }

    @Test
    void analysis_stored_is201() {
        HttpResponse<String> response = serve.post("/v1/analysis-results", """
                {"userId":"learner-a","createdAt":"2026-03-02T08:59:00Z","analysisId":"an-1","sessionId":"s-a",
                 "targetLanguage":"es","targetsHit":["agua"],"targetsMissed":["gracias"],"wordsUsed":[],"feedback":"ok"}""");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("analysisId").asText()).isEqualTo("an-1");
    }

    @Test
    void analysis_badInput_is400WithTheReason() {
        assertThat(problem(serve.post("/v1/analysis-results", "{not json"))).isEqualTo("the body is not valid JSON");
        assertThat(problem(serve.post("/v1/analysis-results", "{\"createdAt\":\"2026-03-02T08:59:00Z\"}")))
                .isEqualTo("userId is missing");
        assertThat(problem(serve.post("/v1/analysis-results", "{\"userId\":\"u\"}"))).isEqualTo("createdAt is missing");
        assertThat(problem(serve.post("/v1/analysis-results", "{\"userId\":\"u\",\"createdAt\":\"yesterday\"}")))
                .startsWith("createdAt is not an ISO-8601 instant");
        assertThat(problem(serve.post("/v1/analysis-results",
                "{\"userId\":\"u\",\"createdAt\":\"2026-03-02T08:59:00Z\",\"targetLanguage\":\"klingon\"}")))
                .contains("targetLanguage");
    }

    @Test
    void session_notAValidMessage_is400WithTheParsersReason() {
        assertThat(problem(serve.post("/v1/sessions", "{oops"))).contains("INVALID_MESSAGE").contains("not valid JSON");
        assertThat(problem(serve.post("/v1/sessions", "{\"sessionId\":\"s\"}")))
                .contains("MISSING_FIELDS").contains("missing userId and targetLanguage");
        assertThat(problem(serve.post("/v1/sessions", "{\"sessionId\":\"s\",\"userId\":\"u\",\"targetLanguage\":\"xx-nope\"}")))
                .contains("targetLanguage");
    }

    @Test
    void session_unknown_is404() {
        assertThat(serve.get("/v1/sessions/never-posted").statusCode()).isEqualTo(404);
    }

    @Test
    void package_badLanguage_is400_andNone_is404() {
        assertThat(serve.get("/v1/learners/learner-a/packages/klingon").statusCode()).isEqualTo(400);
        assertThat(serve.get("/v1/learners/learner-a/packages/es").statusCode()).isEqualTo(404);
    }

    @Test
    void package_badUserId_is400() {
        assertThat(serve.get("/v1/learners/%20padded%20/packages/es").statusCode()).isEqualTo(400);
    }

    @Test
    void learnerPage_forALearnerNeverSeen_saysNoLessonsYetAndStaysLive() {
        HttpResponse<String> response = serve.get("/learners/learner-nobody");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<main id=\"learner\" data-user-id=\"learner-nobody\"")
                .contains("id=\"live-status\"").contains("No lessons yet").contains("new EventSource(");
    }

    @Test
    void learnerPage_escapesAHostileUserId() {
        HttpResponse<String> response = serve.get("/learners/%3Cscript%3Ex%3C%2Fscript%3E%22%27%26");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>x</script>")
                .contains("&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;");
    }

    @Test
    void events_idleStream_getsKeepAlives_andABadLastEventIdIs400() throws Exception {
        try (SseClient events = serve.events("?userId=nobody-at-all", Optional.empty())) {
            assertThat(events.response.statusCode()).isEqualTo(200);
            assertThat(events.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(events.drain(Duration.ofMillis(900))).isEmpty();
            assertThat(events.keepAlives.get()).isGreaterThanOrEqualTo(2);
        }
        assertThat(serve.get("/v1/events?lastEventId=abc").statusCode()).isEqualTo(400);
    }

    private static String problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).path("error").asText();
    }
}

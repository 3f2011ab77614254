package io.lessonpack.bootstrap.local.serve;

import static io.lessonpack.bootstrap.local.serve.ServeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions end to end through the server: outcomes, idempotency, the daily rule, events, the page. */
class ServeSessionFlowTest {

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
    void session_endToEnd_generatesALessonAndItsStepsArriveInOrder() {
        try (SseClient events = serve.events("?sessionId=flow-1", Optional.empty())) {
            serve.analysis("learner-flow", "flow-1", "es", "Good effort.");
            HttpResponse<String> accepted = serve.postSession("flow-1", "learner-flow", "es");

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/sessions/flow-1");
            assertThat(json(accepted).path("location").asText()).isEqualTo("/v1/sessions/flow-1");
            assertThat(json(accepted).path("status").asText()).isIn("accepted", "running");

            JsonNode outcome = serve.awaitEnding("flow-1");
            assertThat(outcome.path("status").asText()).isEqualTo("generated");
            assertThat(outcome.path("userId").asText()).isEqualTo("learner-flow");
            assertThat(outcome.path("language").asText()).isEqualTo("es");
            assertThat(outcome.path("version").asLong()).isEqualTo(1);
            assertThat(outcome.path("packageId").asText()).isNotBlank();
            assertThat(outcome.path("steps").findValuesAsText("kind")).startsWith("received").endsWith("published");

            List<SseClient.Event> steps = events.until(e -> e.kind().equals("published"), Duration.ofSeconds(10));
            assertThat(steps).extracting(SseClient.Event::name).containsOnly("step");
            assertThat(steps).extracting(SseClient.Event::kind).startsWith("received")
                    .containsSubsequence("day_claimed", "analysis_read", "author_started", "author_answered", "committed",
                            "published");
            assertThat(steps).extracting(SseClient.Event::id).isSorted().doesNotHaveDuplicates();
            assertThat(steps).allSatisfy(e -> assertThat(e.data().path("sessionId").asText()).isEqualTo("flow-1"));
        }
        JsonNode pkg = json(serve.get("/v1/learners/learner-flow/packages/es"));
        assertThat(pkg.path("version").asLong()).isEqualTo(1);
        assertThat(pkg.path("reviews")).isNotEmpty();
        assertThat(pkg.path("reviews").get(0).path("openingWord").asText()).isNotBlank();
        assertThat(pkg.path("newLesson").path("words")).isNotEmpty();
        assertThat(pkg.path("notes").path("words")).isNotEmpty();
    }

    @Test
    void sameSessionPostedTwice_getsTheSameAnswer_andStillOneLesson() {
        serve.analysis("learner-twice", "twice-1", "es", "Fine.");
        HttpResponse<String> first = serve.postSession("twice-1", "learner-twice", "es");
        HttpResponse<String> again = serve.postSession("twice-1", "learner-twice", "es");
        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));

        JsonNode outcome = serve.awaitEnding("twice-1");
        assertThat(outcome.path("status").asText()).isEqualTo("generated");
        HttpResponse<String> late = serve.postSession("twice-1", "learner-twice", "es");
        assertThat(late.statusCode()).isEqualTo(202);
        assertThat(late.headers().firstValue("Location")).hasValue("/v1/sessions/twice-1");
        assertThat(json(late).path("status").asText()).isEqualTo("generated");

        JsonNode after = serve.awaitEnding("twice-1");
        assertThat(after.path("steps").findValuesAsText("kind")).containsOnlyOnce("received", "committed");
        assertThat(json(serve.get("/v1/learners/learner-twice/packages/es")).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void secondSessionTheSameDay_isSkippedWithItsReason_andTheNextUtcDayGetsItsLesson() {
        serve.analysis("learner-daily", "daily-1", "es", "Fine.");
        serve.postSession("daily-1", "learner-daily", "es");
        assertThat(serve.awaitEnding("daily-1").path("status").asText()).isEqualTo("generated");

        serve.analysis("learner-daily", "daily-2", "es", "Again.");
        serve.postSession("daily-2", "learner-daily", "es");
        JsonNode skipped = serve.awaitEnding("daily-2");
        assertThat(skipped.path("status").asText()).isEqualTo("skipped");
        assertThat(skipped.path("reason").asText()).isEqualTo("ALREADY_HAD_LESSON_TODAY");
        assertThat(skipped.has("packageId")).isFalse();

        serve.clock.advance(Duration.ofDays(1));
        serve.analysis("learner-daily", "daily-3", "es", "Next day.");
        serve.postSession("daily-3", "learner-daily", "es");
        JsonNode next = serve.awaitEnding("daily-3");
        assertThat(next.path("status").asText()).isEqualTo("generated");
        assertThat(next.path("version").asLong()).isEqualTo(2);
        assertThat(json(serve.get("/v1/learners/learner-daily/packages/es")).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void events_filterByUserId_andResumeFromLastEventIdReplaysOnlyLaterSteps() {
        List<SseClient.Event> seen;
        try (SseClient mine = serve.events("?userId=learner-sse-a", Optional.empty())) {
            serve.analysis("learner-sse-a", "sse-a", "es", "A.");
            serve.analysis("learner-sse-b", "sse-b", "es", "B.");
            serve.postSession("sse-b", "learner-sse-b", "es");
            serve.postSession("sse-a", "learner-sse-a", "es");
            seen = mine.until(e -> e.kind().equals("published"), Duration.ofSeconds(20));
            serve.awaitEnding("sse-b");
            assertThat(mine.drain(Duration.ofMillis(200))).isEmpty();
        }
        assertThat(seen).allSatisfy(e -> assertThat(e.data().path("userId").asText()).isEqualTo("learner-sse-a"));

        long committed = seen.stream().filter(e -> e.kind().equals("committed")).findFirst().orElseThrow().id();
        try (SseClient resumed = serve.events("?userId=learner-sse-a", Optional.of(committed))) {
            List<SseClient.Event> replayed = resumed.until(e -> e.kind().equals("published"), Duration.ofSeconds(5));
            assertThat(replayed).extracting(SseClient.Event::kind).containsExactly("published");
            assertThat(replayed.get(0).id()).isGreaterThan(committed);
        }
        try (SseClient all = serve.events("?sessionId=sse-a&lastEventId=0", Optional.empty())) {
            assertThat(all.until(e -> e.kind().equals("published"), Duration.ofSeconds(5)))
                    .extracting(SseClient.Event::kind).startsWith("received");
        }
    }

    @Test
    void learnerPage_showsThePackage_andEscapesAHostileUserIdAndFeedback() {
        String user = "<script>x</script>";
        serve.analysis(user, "hostile-1", "es", "<img src=x onerror=alert(1)> & \"quoted\"");
        serve.postSession("hostile-1", user, "es");
        assertThat(serve.awaitEnding("hostile-1").path("status").asText()).isEqualTo("generated");

        HttpResponse<String> page = serve.get("/learners/%3Cscript%3Ex%3C%2Fscript%3E");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<section class=\"package\" data-language=\"es\" data-version=\"1\">")
                .contains("class=\"opening-word\"").contains("class=\"curriculum\"").contains("<svg class=\"recall-chart\"")
                .contains("data-user-id=\"&lt;script&gt;x&lt;/script&gt;\"")
                .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;")
                .doesNotContain("<script>x</script>").doesNotContain("<img src=x");
    }
}

package io.lessonpack.bootstrap.local.serve;

import static io.lessonpack.bootstrap.local.serve.ServeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With an author that takes its time (and fails when told to): a lesson watched while it is being
 * written, a failed attempt retried, and the learners' lanes.
 */
class ServeSlowAuthorTest {

    private static final Duration AUTHOR_TIME = Duration.ofMillis(1200);
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static ServeFixture serve;

    @BeforeAll
    static void start() {
        serve = ServeFixture.start(author -> new DelayedAuthor(author, AUTHOR_TIME, FAILURES_LEFT));
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void aLessonInFlight_showsAuthorStartedWhileRunning_thenCommitted() {
        try (SseClient events = serve.events("?sessionId=slow-1", Optional.empty())) {
            serve.analysis("learner-slow", "slow-1", "es", "Slowly.");
            serve.postSession("slow-1", "learner-slow", "es");

            List<SseClient.Event> untilStarted = events.until(e -> e.kind().equals("author_started"), Duration.ofSeconds(10));
            JsonNode inFlight = json(serve.get("/v1/sessions/slow-1"));
            assertThat(inFlight.path("status").asText()).isEqualTo("running");
            assertThat(inFlight.path("steps").findValuesAsText("kind")).contains("author_started").doesNotContain("committed");
            assertThat(untilStarted).extracting(SseClient.Event::kind).doesNotContain("committed");

            List<SseClient.Event> rest = events.until(e -> e.kind().equals("published"), Duration.ofSeconds(10));
            assertThat(rest).extracting(SseClient.Event::kind).contains("author_answered", "committed");
        }
        assertThat(serve.awaitEnding("slow-1").path("status").asText()).isEqualTo("generated");
    }

    @Test
    void aFailedAttempt_isRetriedAfterTheBackoff_andThenGenerates() {
        FAILURES_LEFT.set(1);
        serve.analysis("learner-flaky", "flaky-1", "es", "Again.");
        serve.postSession("flaky-1", "learner-flaky", "es");

        JsonNode outcome = serve.awaitEnding("flaky-1");
        assertThat(outcome.path("status").asText()).isEqualTo("generated");
        assertThat(outcome.path("attempts").asInt()).isEqualTo(2);
        assertThat(outcome.path("steps").findValuesAsText("kind")).containsSubsequence("received", "failed", "received",
                "committed");
        assertThat(outcome.path("steps").findValuesAsText("detail")).contains("AUTHOR_UNAVAILABLE");
    }

    @Test
    void aFailureOnEveryAttempt_endsFailedWithItsReason_andPostingItAgainTriesAgain() {
        FAILURES_LEFT.set(3);
        serve.analysis("learner-down", "down-1", "es", "Never.");
        serve.postSession("down-1", "learner-down", "es");

        JsonNode outcome = serve.awaitEnding("down-1");
        assertThat(outcome.path("status").asText()).isEqualTo("failed");
        assertThat(outcome.path("reason").asText()).isEqualTo("AUTHOR_UNAVAILABLE");
        assertThat(outcome.path("attempts").asInt()).isEqualTo(3);

        FAILURES_LEFT.set(0);
        assertThat(serve.postSession("down-1", "learner-down", "es").statusCode()).isEqualTo(202);
        JsonNode redriven = serve.awaitEnding("down-1");
        assertThat(redriven.path("status").asText()).isEqualTo("generated");
        assertThat(redriven.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void lanes_oneLearnersSessionsRunInOrder_otherLearnersAtTheSameTime() {
        try (SseClient events = serve.events("", Optional.empty())) {
            serve.analysis("learner-lane-a", "lane-a1", "es", "A1.");
            serve.analysis("learner-lane-a", "lane-a2", "fr", "A2.");
            serve.analysis("learner-lane-b", "lane-b1", "es", "B1.");
            serve.postSession("lane-a1", "learner-lane-a", "es");
            serve.postSession("lane-a2", "learner-lane-a", "fr");
            serve.postSession("lane-b1", "learner-lane-b", "es");
            assertThat(serve.awaitEnding("lane-a2").path("status").asText()).isEqualTo("skipped");
            assertThat(serve.awaitEnding("lane-b1").path("status").asText()).isEqualTo("generated");

            List<String> order = events.drain(Duration.ofMillis(200)).stream()
                    .map(e -> e.data().path("sessionId").asText() + ":" + e.kind()).toList();
            assertThat(order).containsSubsequence("lane-a1:published", "lane-a2:received");
            assertThat(order.indexOf("lane-b1:author_started")).isLessThan(order.indexOf("lane-a1:committed"));
        }
    }
}

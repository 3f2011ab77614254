package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.application.testing.MutableClock;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.local.runtime.LocalHooks;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One local runtime and one server on a free loopback port for a test class, with a clock the test
 * moves, short retries and keep-alives, and a real HTTP client.
 */
final class ServeFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> ENDINGS = Set.of("generated", "skipped", "failed");

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final LocalRuntime runtime;
    final LessonServer server;
    private final AtomicInteger analyses = new AtomicInteger();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeFixture(UnaryOperator<LessonAuthorPort> author) {
        ServeSettings settings = ServeSettings.defaults(clock).withPort(0)
                .withRetry(new RetryPolicy(3, List.of(Duration.ofMillis(100), Duration.ofMillis(200))))
                .withKeepAlive(Duration.ofMillis(300));
        ProgressHub hub = new ProgressHub(settings.historySize());
        LocalHooks hooks = new LocalHooks(author, UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity(), LocalHooks.none().visibility(), hub);
        runtime = LocalRuntime.start(Environment.of(Map.of()), null, clock, IdGenerator.randomUuids(),
                GenerationSettings.defaults(), hooks);
        server = LessonServer.start(runtime, hub, settings);
    }

    static ServeFixture start() {
        return new ServeFixture(UnaryOperator.identity());
    }

    static ServeFixture start(UnaryOperator<LessonAuthorPort> author) {
        return new ServeFixture(author);
    }

    URI uri(String path) {
        return URI.create(server.uri() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores an analysis of {@code sessionId} about a minute before now, with a target missed. Each
     * gets its own millisecond: {@code userId} and {@code createdAt} are the table's key.
     */
    void analysis(String userId, String sessionId, String language, String feedback) {
        analysis(userId, sessionId, language, feedback, List.of("agua"));
    }

    /** As {@link #analysis(String, String, String, String)}, with {@code hit} as the targets the learner said well. */
    void analysis(String userId, String sessionId, String language, String feedback, List<String> hit) {
        Instant createdAt = clock.instant().minusSeconds(60).plusMillis(analyses.incrementAndGet());
        var body = JSON.createObjectNode().put("userId", userId).put("createdAt", createdAt.toString())
                .put("analysisId", "analysis-" + sessionId).put("sessionId", sessionId).put("targetLanguage", language)
                .put("feedback", feedback);
        body.putArray("targetsMissed").add("gracias").add("la cuenta");
        hit.forEach(body.putArray("targetsHit")::add);
        body.putArray("wordsUsed").add("por favor");
        HttpResponse<String> response = post("/v1/analysis-results", body.toString());
        if (response.statusCode() != 201) {
            fail("analysis not stored: " + response.statusCode() + " " + response.body());
        }
    }

    static String session(String sessionId, String userId, String language, Instant createdAt) {
        return JSON.createObjectNode().put("sessionId", sessionId).put("userId", userId).put("targetLanguage", language)
                .put("createdAt", createdAt.toString()).toString();
    }

    HttpResponse<String> postSession(String sessionId, String userId, String language) {
        return post("/v1/sessions", session(sessionId, userId, language, clock.instant()));
    }

    /** Polls the session until it ends, for at most 30 s. */
    JsonNode awaitEnding(String sessionId) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> response = get("/v1/sessions/" + sessionId);
            JsonNode json = json(response);
            if (response.statusCode() == 200 && ENDINGS.contains(json.path("status").asText())) {
                return json;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("session " + sessionId + " did not end in 30 s");
    }

    /** Opens an event stream on {@code query} (e.g. {@code ?userId=u}), optionally resuming after an id. */
    SseClient events(String query, Optional<Long> lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/events" + query)).GET();
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", String.valueOf(id)));
        return SseClient.open(http, request.build());
    }

    @Override
    public void close() {
        server.close();
        runtime.close();
    }
}

package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.ProgressStep;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /v1/events}: the progress steps as Server-Sent Events ({@code id:}, {@code event: step},
 * {@code data:} the step as JSON), all of them or one session's ({@code ?sessionId=}) or one
 * learner's ({@code ?userId=}). A client that reconnects with {@code Last-Event-ID} (or
 * {@code ?lastEventId=}) first gets the kept steps after that id, so it misses none that the history
 * still holds; {@code lastEventId=0} replays the whole history. An idle stream gets a
 * {@code : keep-alive} comment now and then, which is also how a client that went away is noticed:
 * the write fails and the stream is dropped.
 */
final class EventsEndpoint {

    private static final Logger LOG = System.getLogger(EventsEndpoint.class.getName());

    private final ProgressHub hub;
    private final Duration keepAlive;

    EventsEndpoint(ProgressHub hub, Duration keepAlive) {
        this.hub = hub;
        this.keepAlive = keepAlive;
    }

    void get(Http http) throws IOException {
        Optional<String> session = http.query("sessionId");
        Optional<String> user = http.query("userId");
        Predicate<ProgressStep> filter = step -> session.map(step.sessionId().value()::equals).orElse(true)
                && user.map(step.userId().value()::equals).orElse(true);
        Optional<Long> after = lastEventId(http);
        ProgressHub.Subscription subscription = after.isPresent() ? hub.subscribe(filter, after.get())
                : hub.subscribe(filter);
        int sent = 0;
        try (OutputStream out = http.stream(200, "text/event-stream; charset=utf-8")) {
            write(out, ": connected\nretry: 2000\n\n");
            while (subscription.open()) {
                Optional<ProgressHub.Event> event = subscription.next(keepAlive);
                if (event.isPresent()) {
                    write(out, "id: " + event.get().id() + "\nevent: step\ndata: "
                            + Http.JSON.writeValueAsString(StepJson.of(event.get())) + "\n\n");
                    sent++;
                } else if (subscription.open()) {
                    write(out, ": keep-alive\n\n");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away; dropping its subscription below is all there is to do.
        } finally {
            hub.unsubscribe(subscription);
            LogEvent.of("serve.stream_closed").with("sessionId", session.orElse(null)).with("userId", user.orElse(null))
                    .with("eventsSent", sent).info(LOG);
        }
    }

    private static Optional<Long> lastEventId(Http http) {
        Optional<String> raw = http.header("Last-Event-ID").or(() -> http.query("lastEventId"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.get().strip()));
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("Last-Event-ID (or lastEventId) must be a whole number");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A minimal Server-Sent Events client for the tests: reads events and comments on its own thread. */
final class SseClient implements AutoCloseable {

    /** One event: its id, name and data (as JSON). */
    record Event(long id, String name, JsonNode data) {
        String kind() {
            return data.path("kind").asText();
        }
    }

    final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final AtomicInteger keepAlives = new AtomicInteger();
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static SseClient open(HttpClient http, HttpRequest request) {
        try {
            return new SseClient(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long id = 0;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, ServeFixture.JSON.readTree(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(": keep-alive")) {
                    keepAlives.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // Closed by the test or the server.
        }
    }

    /** Events received until one matches {@code last} (included), waiting at most {@code timeout}. */
    List<Event> until(Predicate<Event> last, Duration timeout) {
        List<Event> seen = new ArrayList<>();
        long until = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < until) {
                Event e = events.poll(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (e != null) {
                    seen.add(e);
                    if (last.test(e)) {
                        return seen;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fail("no matching event within " + timeout + "; saw " + seen);
    }

    /** Whatever has arrived within {@code wait}. */
    List<Event> drain(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Event> seen = new ArrayList<>();
        events.drainTo(seen);
        return seen;
    }

    boolean readerDone(Duration wait) throws InterruptedException {
        return reader.join(wait);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}

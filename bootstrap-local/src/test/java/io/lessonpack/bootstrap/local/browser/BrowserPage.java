package io.lessonpack.bootstrap.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** A tab of {@link HeadlessChromium}: navigate, evaluate script in the page, wait for a condition, screenshot. */
public final class BrowserPage {

    private static final Duration POLL = Duration.ofMillis(100);

    private final DevToolsConnection connection;
    private final String sessionId;

    BrowserPage(DevToolsConnection connection, String sessionId) {
        this.connection = connection;
        this.sessionId = sessionId;
    }

    /** Loads {@code url} and waits until its document is complete. */
    public void navigate(URI url) {
        JsonNode result = connection.send(sessionId, "Page.navigate", Map.of("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("could not load " + url + ": " + result.get("errorText").asText());
        }
        waitUntil("document.readyState === 'complete' && location.href !== 'about:blank'", Duration.ofSeconds(30));
    }

    /** The value of the JavaScript {@code expression} in the page (strings, numbers, booleans, JSON-able values). */
    public JsonNode evaluate(String expression) {
        JsonNode result = connection.send(sessionId, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** The text of the JavaScript {@code expression}'s value. */
    public String text(String expression) {
        return evaluate(expression).asText();
    }

    /**
     * Waits until the JavaScript {@code condition} is true in the page; after {@code timeout} fails with the
     * page's visible text, so a failing test shows what the browser showed.
     */
    public void waitUntil(String condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (evaluate("Boolean(" + condition + ")").asBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                String shown = text("document.body ? document.body.innerText : '(no body)'");
                throw new AssertionError("the page did not reach `" + condition + "` within " + timeout.toSeconds()
                        + " s; it shows:\n" + shown);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the page", e);
            }
        }
    }

    /** Saves a PNG of the whole page to {@code file}. */
    public void screenshot(Path file) {
        JsonNode result = connection.send(sessionId, "Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(result.path("data").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

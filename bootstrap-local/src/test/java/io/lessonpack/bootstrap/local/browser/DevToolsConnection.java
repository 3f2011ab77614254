package io.lessonpack.bootstrap.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket to a browser's DevTools endpoint: sends commands (to the browser, or to a page's session
 * when one is given) and waits for their answers, matched by id. Events the browser pushes are not needed
 * by the page tests and are dropped. The JDK's own WebSocket client, so the tests add no dependency.
 */
final class DevToolsConnection implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final HttpClient http;
    private volatile WebSocket socket;

    private DevToolsConnection(HttpClient http) {
        this.http = http;
    }

    static DevToolsConnection open(URI endpoint) {
        DevToolsConnection connection = new DevToolsConnection(HttpClient.newHttpClient());
        try {
            connection.socket = connection.http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(endpoint, connection.new Listener())
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not connect to DevTools at " + endpoint, e);
        }
        return connection;
    }

    /**
     * Sends {@code method} with {@code params} (to the page of {@code sessionId}, or to the browser when it
     * is null) and returns the command's result; a protocol error becomes an {@link IllegalStateException}.
     */
    JsonNode send(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(message.toString(), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + COMMAND_TIMEOUT.toSeconds() + " s",
                    e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
        http.close();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }

        private void dispatch(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            } catch (java.io.IOException e) {
                pending.values().forEach(answer -> answer.completeExceptionally(e));
            }
        }
    }
}

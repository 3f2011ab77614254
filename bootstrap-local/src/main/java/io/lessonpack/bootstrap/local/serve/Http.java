package io.lessonpack.bootstrap.local.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the server with the path's parameters, and the small vocabulary its endpoints
 * answer in: JSON, HTML, problems. Remembers the status sent, for the request's log line.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final Map<String, String> params;
    private final int maxBodyBytes;
    private int status;

    Http(HttpExchange exchange, Map<String, String> params, int maxBodyBytes) {
        this.exchange = exchange;
        this.params = Map.copyOf(params);
        this.maxBodyBytes = maxBodyBytes;
    }

    HttpExchange exchange() {
        return exchange;
    }

    /** A parameter of the route's template, e.g. {@code userId} of {@code /learners/{userId}}, decoded. */
    String param(String name) {
        return params.get(name);
    }

    /** A query parameter, decoded; empty when absent. */
    Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters(exchange.getRequestURI().getRawQuery()).get(name));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The body as UTF-8 text, refused with 413 when larger than the limit. */
    String body() throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > maxBodyBytes) {
            throw new HttpProblem(413, "the body is larger than " + maxBodyBytes + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBodyBytes) {
                    throw new HttpProblem(413, "the body is larger than " + maxBodyBytes + " bytes");
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    void json(int code, Object body) throws IOException {
        send(code, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    void html(int code, String page) throws IOException {
        send(code, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code {"error": reason}}. */
    void problem(int code, String reason) throws IOException {
        json(code, object().put("error", reason));
    }

    void send(int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        status = code;
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Starts a streamed (chunked) answer; the caller writes and flushes the body. */
    OutputStream stream(int code, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        status = code;
        exchange.sendResponseHeaders(code, 0);
        return exchange.getResponseBody();
    }

    int status() {
        return status;
    }

    /** One path segment, percent-encoded (a space as {@code %20}, never {@code +}). */
    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One raw path segment, decoded ({@code +} stays a plus sign, as in a path it is one). */
    static String decodeSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}

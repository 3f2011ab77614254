package io.lessonpack.bootstrap.local.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lessonpack.application.logging.LogEvent;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends each request to the endpoint whose method and path template match ({@code /v1/sessions/{sessionId}}),
 * answers 404 for an unknown path and 405 with {@code Allow} for a known path asked with another
 * method, turns an {@link HttpProblem} into its JSON answer and anything unexpected into a 500 that
 * says nothing of the cause, and writes one {@code http.request} line per request with the route's
 * template (never the path: it holds ids only, but the template is what an operator groups by).
 */
final class Router implements HttpHandler {

    private static final Logger LOG = System.getLogger(Router.class.getName());

    /** What an endpoint does with a matched request. */
    @FunctionalInterface
    interface Endpoint {
        void handle(Http request) throws IOException;
    }

    private record Route(String method, String template, String[] segments, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final int maxBodyBytes;

    Router(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    Router route(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template, template.substring(1).split("/", -1), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String[] path = exchange.getRequestURI().getRawPath().substring(1).split("/", -1);
        String method = exchange.getRequestMethod();
        Route matched = null;
        Map<String, String> params = Map.of();
        Set<String> allowed = new LinkedHashSet<>();
        boolean badPath = false;
        for (Route route : routes) {
            try {
                Map<String, String> found = match(route.segments(), path);
                if (found == null) {
                    continue;
                }
                allowed.add(route.method());
                if (route.method().equals(method) && matched == null) {
                    matched = route;
                    params = found;
                }
            } catch (IllegalArgumentException e) {
                badPath = true;
            }
        }
        Http http = new Http(exchange, params, maxBodyBytes);
        try {
            if (matched != null) {
                matched.endpoint().handle(http);
            } else if (badPath) {
                http.problem(400, "the path holds a malformed percent-encoding");
            } else if (allowed.isEmpty()) {
                http.problem(404, "no such resource; see docs/serve.md for the endpoints");
            } else {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                http.problem(405, "use " + String.join(" or ", allowed) + " here");
            }
        } catch (HttpProblem problem) {
            http.problem(problem.status(), problem.getMessage());
        } catch (IOException e) {
            // The client went away mid-answer: nothing left to tell it.
            LogEvent.of("http.client_gone").with("route", matched == null ? null : matched.template())
                    .with("errorType", e.getClass().getName()).info(LOG);
        } catch (RuntimeException e) {
            LogEvent.of("http.unexpected_error").with("route", matched == null ? null : matched.template())
                    .with("errorType", e.getClass().getName()).error(LOG);
            if (http.status() == 0) {
                http.problem(500, "internal error; the server log names it");
            }
        } finally {
            exchange.close();
            LogEvent.of("http.request").with("method", method)
                    .with("route", matched == null ? "(none)" : matched.template()).with("status", http.status())
                    .with("durationMs", (System.nanoTime() - started) / 1_000_000).info(LOG);
        }
    }

    /** The template's parameters when {@code path} matches it, else null. */
    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), Http.decodeSegment(path[i]));
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}

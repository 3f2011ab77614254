package io.lessonpack.application.logging;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured log line, rendered as a JSON object and written through {@link System.Logger}
 * (the JDK's logging facade, so the application needs no logging library; each bootstrap decides
 * where the lines go).
 *
 * <p>Only ids, codes and figures go in: never learner text, model output or secrets.
 *
 * <p>A line may carry metrics for CloudWatch ({@link #metrics(EmbeddedMetrics)}): their fields join
 * the line's and an {@code _aws} member, written last, tells CloudWatch Logs which fields to
 * publish. Every other value is flat: a number, a boolean or a string.
 *
 * <pre>{@code
 * LogEvent.of("generation.outcome").with("sessionId", id).with("outcome", "generated").info(LOG);
 * }</pre>
 */
public final class LogEvent {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private EmbeddedMetrics metrics;

    private LogEvent(String event) {
        fields.put("event", event);
    }

    /** Starts a line for the named event, e.g. {@code generation.outcome}. */
    public static LogEvent of(String event) {
        return new LogEvent(event);
    }

    /** Adds a field; null values are left out. Numbers and booleans are written as JSON values. */
    public LogEvent with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /**
     * Makes the line carry {@code metrics}: each metric becomes a field of the line (replacing a
     * field of the same name, in its place), and the line ends with the {@code _aws} member that
     * publishes them. Metrics that are switched off ({@link EmbeddedMetrics#isEmpty()}) change
     * nothing. A line carries one set of metrics; a second call replaces the first's directives.
     */
    public LogEvent metrics(EmbeddedMetrics metrics) {
        if (!metrics.isEmpty()) {
            fields.putAll(metrics.values());
            this.metrics = metrics;
        }
        return this;
    }

    public void info(Logger logger) {
        log(logger, Level.INFO);
    }

    public void warn(Logger logger) {
        log(logger, Level.WARNING);
    }

    public void error(Logger logger) {
        log(logger, Level.ERROR);
    }

    private void log(Logger logger, Level level) {
        if (logger.isLoggable(level)) {
            fields.put("level", level.getName());
            logger.log(level, toJson());
        }
    }

    /** The JSON object of this line. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, name).append(':');
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                quote(json, String.valueOf(value));
            } else if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                quote(json, String.valueOf(value));
            }
        });
        String aws = metrics == null ? null : metrics.awsJson(fields::get);
        if (aws != null) {
            json.append(json.length() > 1 ? "," : "").append("\"_aws\":").append(aws);
        }
        return json.append('}').toString();
    }

    /** Appends {@code s} as a JSON string literal. */
    static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}

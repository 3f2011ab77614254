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
 * <pre>{@code
 * LogEvent.of("generation.outcome").with("sessionId", id).with("outcome", "generated").info(LOG);
 * }</pre>
 */
public final class LogEvent {

    private final Map<String, Object> fields = new LinkedHashMap<>();

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
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
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

package io.lessonpack.application.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Routes the JDK's {@link System.Logger} (which lessonpack's application logs through) to JSON lines.
 * The application already renders its messages as JSON objects; this finder adds {@code time} and
 * {@code logger} and writes one object per line.
 *
 * <p>Where the lines go: the file named by the system property {@value #FILE_PROPERTY} (appended;
 * the local demo points it at a file so the console shows only lessons), otherwise standard error
 * (which Lambda sends to CloudWatch Logs). Levels below {@code INFO} are dropped.
 *
 * <p>The library does not register it: each bootstrap does, in its own
 * {@code META-INF/services/java.lang.System$LoggerFinder}, so a service that embeds lessonpack
 * keeps its own logging.
 */
public final class JsonLineLoggerFinder extends System.LoggerFinder {

    /** System property naming the file the JSON lines are appended to. */
    public static final String FILE_PROPERTY = "lessonpack.log.file";

    private static final Object LOCK = new Object();
    private static PrintStream fileStream;
    private static String openFile;

    @Override
    public Logger getLogger(String name, Module module) {
        return new JsonLineLogger(name);
    }

    private static PrintStream out() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return System.err;
        }
        synchronized (LOCK) {
            if (!file.equals(openFile)) {
                if (fileStream != null) {
                    fileStream.close();
                }
                try {
                    Path path = Path.of(file);
                    if (path.getParent() != null) {
                        Files.createDirectories(path.getParent());
                    }
                    OutputStream os = new FileOutputStream(path.toFile(), true);
                    fileStream = new PrintStream(os, true, StandardCharsets.UTF_8);
                    openFile = file;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the log file named by " + FILE_PROPERTY, e);
                }
            }
            return fileStream;
        }
    }

    private record JsonLineLogger(String name) implements Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                write(level, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                write(level, params == null || params.length == 0 ? format
                        : java.text.MessageFormat.format(format, params), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            if (isLoggable(level)) {
                write(level, supplier.get(), null);
            }
        }

        private void write(Level level, String msg, Throwable thrown) {
            String body = msg == null ? "" : msg.strip();
            StringBuilder line = new StringBuilder("{\"time\":\"").append(Instant.now()).append("\",\"logger\":\"")
                    .append(name).append('"');
            if (body.startsWith("{") && body.endsWith("}")) {
                if (body.length() > 2) {
                    line.append(',').append(body, 1, body.length() - 1);
                }
                if (!body.contains("\"level\"")) {
                    line.append(",\"level\":\"").append(level.getName()).append('"');
                }
            } else {
                // A library's plain-text message: keep only its length, it may hold anything.
                line.append(",\"level\":\"").append(level.getName()).append("\",\"plainMessageLength\":")
                        .append(body.length());
            }
            if (thrown != null) {
                line.append(",\"errorType\":\"").append(thrown.getClass().getName()).append('"');
            }
            line.append('}');
            PrintStream out = out();
            synchronized (LOCK) {
                out.println(line);
            }
        }
    }
}

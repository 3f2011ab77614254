package io.lessonpack.application.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures the lines lessonpack writes through {@link System.Logger} while it is open. Without a
 * custom logger finder, {@code System.Logger} writes to {@code java.util.logging}, so a handler on
 * the parent logger sees every line; the console does not, while capturing.
 *
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
 *     service.generate(command, deadline);
 *     assertThat(logs.lines()).noneMatch(l -> l.contains(secret));
 * }
 * }</pre>
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousUseParent;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        this.previousUseParent = logger.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Starts capturing every line of {@code loggerName} and the loggers below it, at every level. */
    public static CapturedLogs capture(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    /** The lines captured so far, oldest first: the messages as written (JSON for lessonpack's lines). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
    }
}

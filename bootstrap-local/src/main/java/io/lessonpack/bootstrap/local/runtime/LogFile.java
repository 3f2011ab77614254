package io.lessonpack.bootstrap.local.runtime;

import io.lessonpack.application.logging.JsonLineLoggerFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a local command's structured JSON lines go: the file the {@code ./lessonpack} script names in
 * {@value JsonLineLoggerFinder#FILE_PROPERTY}, or one in the system's temporary folder, started
 * empty for each run, so the console shows only what a person reads.
 */
public final class LogFile {

    private LogFile() {
    }

    /**
     * Empties (creating its folder) the configured log file, or {@code defaultName} in the temporary
     * folder, points the JSON lines at it, and returns its absolute path. The file is truncated, not
     * deleted: a second command in the same JVM (a test) keeps writing to it through the stream the
     * JSON-line logger already holds open (in append mode).
     */
    public static Path prepare(String defaultName) {
        String configured = System.getProperty(JsonLineLoggerFinder.FILE_PROPERTY);
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), defaultName)
                : Path.of(configured);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log file " + path, e);
        }
        System.setProperty(JsonLineLoggerFinder.FILE_PROPERTY, path.toString());
        return path.toAbsolutePath();
    }
}

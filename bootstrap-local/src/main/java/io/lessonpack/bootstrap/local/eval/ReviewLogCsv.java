package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a review log from CSV: a header with at least {@code card_id}, {@code review_rating} (1-4) and
 * {@code review_time} (ISO-8601 with an offset, such as {@code 2024-03-29T20:32:32.250000+00:00} or
 * {@code ...Z}), in any order; other columns are ignored, fields are split on plain commas. Errors name
 * the file, column or line at fault but never echo a whole line, which may hold private card ids.
 */
final class ReviewLogCsv {

    private static final String NAME = EvalSchedulerCommand.NAME;
    private static final List<String> REQUIRED_COLUMNS = List.of("card_id", "review_rating", "review_time");
    private static final int PROGRESS_EVERY = 100_000;
    private static final int MAX_VALUE_IN_MESSAGE = 40;

    private ReviewLogCsv() {
    }

    /** The file named by a command-line argument, refused unless it is an existing regular file. */
    static Path toPath(String argument) {
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            throw new EvalInputException("not a valid path: " + argument);
        }
        if (!Files.exists(file)) {
            throw new EvalInputException("no such file: " + file.toAbsolutePath().normalize()
                    + " (give the path to a review-log CSV)");
        }
        if (!Files.isRegularFile(file)) {
            throw new EvalInputException("not a regular file: " + file.toAbsolutePath().normalize());
        }
        return file;
    }

    /** Every review in the file, in file order; progress goes to {@code err}. */
    static List<Review> read(Path file, PrintStream err) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            String line;
            Columns columns = null;
            List<Review> reviews = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                line = stripLineEnd(line);
                if (line.isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = Columns.fromHeader(line, file);
                    continue;
                }
                reviews.add(columns.review(line, lineNumber));
                if (reviews.size() % PROGRESS_EVERY == 0) {
                    err.printf(Locale.ROOT, "%s: read %d reviews ...%n", NAME, reviews.size());
                }
            }
            if (columns == null) {
                throw new EvalInputException(file + " is empty: expected a header with "
                        + String.join(", ", REQUIRED_COLUMNS));
            }
            return reviews;
        } catch (IOException e) {
            throw new EvalInputException("could not read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static String stripLineEnd(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Where the required columns are in this file's header. */
    private record Columns(int cardId, int rating, int time) {

        static Columns fromHeader(String header, Path file) {
            List<String> names = Arrays.stream(header.split(",", -1)).map(Columns::unquote)
                    .map(n -> n.toLowerCase(Locale.ROOT)).toList();
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new EvalInputException(file + " has no column " + String.join(", ", missing)
                        + " in its header (needs " + String.join(", ", REQUIRED_COLUMNS) + ")");
            }
            return new Columns(names.indexOf("card_id"), names.indexOf("review_rating"),
                    names.indexOf("review_time"));
        }

        Review review(String line, int lineNumber) {
            String[] fields = line.split(",", -1);
            int needed = Math.max(cardId, Math.max(rating, time)) + 1;
            if (fields.length < needed) {
                throw new EvalInputException("line " + lineNumber + ": expected at least " + needed
                        + " comma-separated fields, found " + fields.length);
            }
            String card = unquote(fields[cardId]);
            if (card.isEmpty()) {
                throw new EvalInputException("line " + lineNumber + ": card_id is empty");
            }
            return new Review(card, rating(unquote(fields[rating]), lineNumber),
                    time(unquote(fields[time]), lineNumber));
        }

        private static Rating rating(String value, int lineNumber) {
            try {
                return Rating.ofGrade(Integer.parseInt(value));
            } catch (IllegalArgumentException e) {
                throw new EvalInputException("line " + lineNumber + ": review_rating must be 1, 2, 3 or 4, got "
                        + shown(value));
            }
        }

        private static Instant time(String value, int lineNumber) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new EvalInputException("line " + lineNumber + ": review_time must be ISO-8601 with an offset"
                        + " (like 2024-03-29T20:32:32.250000+00:00 or 2024-03-29T20:32:32Z), got " + shown(value));
            }
        }

        private static String unquote(String field) {
            String s = field.strip();
            boolean quoted = s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"");
            return quoted ? s.substring(1, s.length() - 1).strip() : s;
        }

        private static String shown(String value) {
            return value.length() <= MAX_VALUE_IN_MESSAGE
                    ? "\"" + value + "\""
                    : "\"" + value.substring(0, MAX_VALUE_IN_MESSAGE) + "...\" (" + value.length() + " characters)";
        }
    }
}

package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.ReviewLogReplay;
import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code eval-scheduler FILE.csv}: evaluates the FSRS-6 memory model with default parameters on a real
 * review log, offline, and prints how well its predicted recall probabilities match what happened next to
 * a constant predictor that always says "the average recall rate".
 *
 * <p>The CSV needs a header with at least {@code card_id}, {@code review_rating} (1-4) and
 * {@code review_time} (ISO-8601 with an offset, such as {@code 2024-03-29T20:32:32.250000+00:00} or
 * {@code ...Z}), in any order; other columns are ignored, fields are split on plain commas. The replay
 * itself is {@link ReviewLogReplay}. Exit code 0 on success, 2 on a usage or input error, with a message
 * on {@code err} that names the file, column or line at fault.
 *
 * <pre>{@code
 * int exit = new EvalSchedulerCommand().run(List.of("../shared/data/review_logs_sample.csv"), System.out, System.err);
 * }</pre>
 */
public final class EvalSchedulerCommand {

    /** The subcommand name, as typed on the command line. */
    public static final String NAME = "eval-scheduler";
    /** Exit code of a successful evaluation. */
    public static final int EXIT_OK = 0;
    /** Exit code of a usage error or unusable input. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final String USAGE = "usage: " + NAME + " FILE.csv\n"
            + "  Replays a review log (columns card_id, review_rating 1-4, review_time ISO-8601 with offset)\n"
            + "  through FSRS-6 with default parameters and reports log-loss and RMSE against a constant baseline.";
    private static final List<String> REQUIRED_COLUMNS = List.of("card_id", "review_rating", "review_time");
    private static final int PROGRESS_EVERY = 100_000;
    private static final int MAX_VALUE_IN_MESSAGE = 40;

    private final Fsrs fsrs;

    /** The command with the FSRS-6 default parameters, as the local runtime runs it. */
    public EvalSchedulerCommand() {
        this(Fsrs.withDefaults());
    }

    /**
     * The command scoring a given model, for example one with fitted parameters.
     *
     * @param fsrs the model to evaluate
     */
    public EvalSchedulerCommand(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs is required");
    }

    /**
     * Runs the evaluation.
     *
     * @param args the arguments after the subcommand name: one path to a CSV review log
     *             ({@code -h} or {@code --help} prints the usage). A leading {@code eval-scheduler} is
     *             tolerated, so the whole command line may be passed too.
     * @param out  where the report goes
     * @param err  where progress and errors go
     * @return {@link #EXIT_OK} on success, {@link #EXIT_BAD_INPUT} on a usage or input error
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = !args.isEmpty() && NAME.equals(args.get(0)) ? args.subList(1, args.size()) : args;
        if (rest.size() == 1 && (rest.get(0).equals("-h") || rest.get(0).equals("--help"))) {
            out.println(USAGE);
            return EXIT_OK;
        }
        if (rest.size() != 1) {
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        try {
            Path file = toPath(rest.get(0));
            err.println(NAME + ": reading " + file + " ...");
            List<Review> reviews = read(file, err);
            long cards = reviews.stream().map(Review::cardId).distinct().count();
            err.printf(Locale.ROOT, "%s: read %d reviews; replaying %d cards through FSRS-6 ...%n",
                    NAME, reviews.size(), cards);
            ReplayReport report = replay(reviews);
            printReport(file, report, out);
            return EXIT_OK;
        } catch (EvalInputException e) {
            err.println(NAME + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    private ReplayReport replay(List<Review> reviews) {
        try {
            return new ReviewLogReplay(fsrs).replay(reviews);
        } catch (IllegalArgumentException e) {
            throw new EvalInputException(e.getMessage());
        }
    }

    private static Path toPath(String argument) {
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

    private static List<Review> read(Path file, PrintStream err) {
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

    private static void printReport(Path file, ReplayReport r, PrintStream out) {
        out.println("Scheduler evaluation: FSRS-6 (default parameters) on " + file.getFileName());
        out.printf(Locale.ROOT, "  cards                %d%n", r.cards());
        out.printf(Locale.ROOT, "  reviews              %d%n", r.reviews());
        out.printf(Locale.ROOT, "  scored predictions   %d  (reviews at least one UTC day after the card's previous)%n",
                r.scoredPredictions());
        out.printf(Locale.ROOT, "  mean recall          %.4f%n", r.meanRecall());
        out.println();
        out.printf(Locale.ROOT, "  %-24s %9s %9s%n", "predictor", "log-loss", "RMSE");
        out.printf(Locale.ROOT, "  %-24s %9.4f %9.4f%n", "FSRS-6 default", r.logLoss(), r.rmse());
        out.printf(Locale.ROOT, "  %-24s %9.4f %9.4f%n",
                String.format(Locale.ROOT, "constant %.4f", r.meanRecall()), r.constantLogLoss(), r.constantRmse());
        out.println();
        out.println(verdict(r));
    }

    private static String verdict(ReplayReport r) {
        double gain = r.constantLogLoss() - r.logLoss();
        double rmseGain = r.constantRmse() - r.rmse();
        String how = gain > 0 ? "better" : gain < 0 ? "worse" : "no better";
        return String.format(Locale.ROOT,
                "Verdict: FSRS-6 predicts %s than the constant average: log-loss %.4f %s (%.1f%%), RMSE %.4f %s.",
                how, Math.abs(gain), gain >= 0 ? "lower" : "higher",
                r.constantLogLoss() == 0 ? 0.0 : 100 * Math.abs(gain) / r.constantLogLoss(),
                Math.abs(rmseGain), rmseGain >= 0 ? "lower" : "higher");
    }

    /** The input cannot be evaluated; the message says what to fix. */
    private static final class EvalInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvalInputException(String message) {
            super(message);
        }
    }
}

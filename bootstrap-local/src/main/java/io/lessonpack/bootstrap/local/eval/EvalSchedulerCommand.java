package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.ReviewLogReplay;
import io.lessonpack.domain.memory.ReviewLogReplay.ReplayReport;
import io.lessonpack.domain.memory.ReviewLogReplay.Review;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code eval-scheduler FILE.csv}: evaluates the FSRS-6 memory model with default parameters on a real
 * review log, offline, and prints how well its predicted recall probabilities match what happened next to
 * a constant predictor that always says "the average recall rate".
 *
 * <p>The log's format is described in {@link ReviewLogCsv}; the replay itself is {@link ReviewLogReplay}. Exit code 0 on success, 2 on a usage or input error, with a message
 * on {@code err} that names the file, column or line at fault.
 *
 * <pre>{@code
 * int exit = new EvalSchedulerCommand().run(List.of("data/review_logs_sample.csv"), System.out, System.err);
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
            Path file = ReviewLogCsv.toPath(rest.get(0));
            err.println(NAME + ": reading " + file + " ...");
            List<Review> reviews = ReviewLogCsv.read(file, err);
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

}

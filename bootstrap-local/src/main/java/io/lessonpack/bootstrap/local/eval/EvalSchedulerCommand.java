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
 * {@code eval-scheduler FILE.csv [--fit [--train-share S] | --learning-curve] [--penalty G]}: evaluates
 * the FSRS-6 memory model on a real review log, offline.
 *
 * <ul>
 *   <li>Without options it replays the whole log with the default weights and prints how well the
 *       predicted recall probabilities match what happened, next to a constant predictor that always
 *       says "the average recall rate" ({@link ReviewLogReplay}).</li>
 *   <li>{@code --fit} fits the weights on the earliest share of the reviews and compares fitted and
 *       default weights on the rest ({@link FitEvaluation}).</li>
 *   <li>{@code --learning-curve} fits on growing prefixes of the log, the evidence for when a learner's
 *       own weights are worth fitting ({@link LearningCurve}).</li>
 * </ul>
 * The log's format is described in {@link ReviewLogCsv}. Exit code 0 on success, 2 on a usage or input
 * error, with a message on {@code err} that names the option, file, column or line at fault.
 *
 * <pre>{@code
 * int exit = new EvalSchedulerCommand().run(List.of("data/review_logs_sample.csv", "--fit"), System.out, System.err);
 * }</pre>
 */
public final class EvalSchedulerCommand {

    /** The subcommand name, as typed on the command line. */
    public static final String NAME = "eval-scheduler";
    /** Exit code of a successful evaluation. */
    public static final int EXIT_OK = 0;
    /** Exit code of a usage error or unusable input. */
    public static final int EXIT_BAD_INPUT = 2;

    private final Fsrs fsrs;

    /** The command with the FSRS-6 default parameters, as the local runtime runs it. */
    public EvalSchedulerCommand() {
        this(Fsrs.withDefaults());
    }

    /**
     * The command scoring a given model, for example one with fitted parameters; with {@code --fit} it is
     * the baseline and the prior of the fit.
     *
     * @param fsrs the model to evaluate
     */
    public EvalSchedulerCommand(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs is required");
    }

    /**
     * Runs the evaluation.
     *
     * @param args the arguments after the subcommand name: a path to a CSV review log and options
     *             ({@code -h} or {@code --help} prints the usage). A leading {@code eval-scheduler} is
     *             tolerated, so the whole command line may be passed too.
     * @param out  where the report goes
     * @param err  where progress and errors go
     * @return {@link #EXIT_OK} on success, {@link #EXIT_BAD_INPUT} on a usage or input error
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = !args.isEmpty() && NAME.equals(args.get(0)) ? args.subList(1, args.size()) : args;
        if (rest.contains("-h") || rest.contains("--help")) {
            out.println(EvalOptions.USAGE);
            return EXIT_OK;
        }
        if (rest.isEmpty()) {
            err.println(EvalOptions.USAGE);
            return EXIT_BAD_INPUT;
        }
        try {
            EvalOptions options = EvalOptions.parse(rest);
            Path file = ReviewLogCsv.toPath(options.file());
            err.println(NAME + ": reading " + file + " ...");
            List<Review> reviews = ReviewLogCsv.read(file, err);
            long cards = reviews.stream().map(Review::cardId).distinct().count();
            err.printf(Locale.ROOT, "%s: read %d reviews; replaying %d cards through FSRS-6 ...%n",
                    NAME, reviews.size(), cards);
            switch (options.mode()) {
                case DEFAULTS -> printReport(file, replay(reviews), out);
                case FIT -> new FitEvaluation(fsrs, options).run(file, reviews, out, err);
                case LEARNING_CURVE -> new LearningCurve(fsrs, options).run(file, reviews, out, err);
            }
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
        out.println(verdict("FSRS-6 predicts", "the constant average", r.logLoss(), r.constantLogLoss(), r.rmse(),
                r.constantRmse()));
    }

    /**
     * One line comparing a predictor with another: which predicts better, by how much log-loss (also as a
     * share of the other's) and RMSE. {@code predictorPredicts} is the subject and its verb, such as
     * "FSRS-6 predicts".
     */
    static String verdict(String predictorPredicts, String other, double logLoss, double otherLogLoss, double rmse,
            double otherRmse) {
        double gain = otherLogLoss - logLoss;
        double rmseGain = otherRmse - rmse;
        String how = gain > 0 ? "better" : gain < 0 ? "worse" : "no better";
        return String.format(Locale.ROOT,
                "Verdict: %s %s than %s: log-loss %.4f %s (%.1f%%), RMSE %.4f %s.",
                predictorPredicts, how, other, Math.abs(gain), gain >= 0 ? "lower" : "higher",
                otherLogLoss == 0 ? 0.0 : 100 * Math.abs(gain) / otherLogLoss,
                Math.abs(rmseGain), rmseGain >= 0 ? "lower" : "higher");
    }
}

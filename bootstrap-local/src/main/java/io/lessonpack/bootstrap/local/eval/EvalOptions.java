package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.FsrsOptimizer;
import java.util.List;

/**
 * What {@code eval-scheduler} was asked to do: which log, and whether to score the default weights, fit
 * weights on the earliest part of the log and score them on the rest, or draw the learning curve.
 *
 * @param file            the review log's path as typed
 * @param mode            what to evaluate
 * @param trainShare      with {@link Mode#FIT} (and the history-cap part of the learning curve): the share
 *                        of the log's reviews, earliest first, that trains; strictly between 0 and 1
 * @param penaltyStrength the fit's pull towards the defaults, see {@link FsrsOptimizer}; at least 0
 */
record EvalOptions(String file, Mode mode, double trainShare, double penaltyStrength) {

    /** What to evaluate. */
    enum Mode {
        /** Score the default weights on the whole log (the command's original behaviour). */
        DEFAULTS,
        /** Fit on the earliest share of the log, score fitted and default weights on the rest. */
        FIT,
        /** Fit on growing prefixes and score each on the reviews that follow. */
        LEARNING_CURVE
    }

    static final double DEFAULT_TRAIN_SHARE = 0.7;

    static final String USAGE = """
            usage: eval-scheduler FILE.csv [--fit [--train-share S] | --learning-curve] [--penalty G]
              Replays a review log (columns card_id, review_rating 1-4, review_time ISO-8601 with offset)
              through FSRS-6 with default parameters and reports log-loss and RMSE against a constant baseline.
              --fit             fit the 21 weights on the earliest reviews of the log (in time) and compare
                                fitted and default weights on the later ones; prints the fitted weights
              --train-share S   the share of reviews that trains, strictly between 0 and 1 (default 0.7)
              --learning-curve  fit on the earliest 50, 100, ... 3200 scored reviews and score each fit on
                                the next 20% of the log; then the effect of capping each word's history
              --penalty G       the strength of the fit's pull towards the defaults (default 1, at least 0)""";

    EvalOptions {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new EvalInputException("--train-share must be strictly between 0 and 1, got " + trainShare);
        }
        if (!(penaltyStrength >= 0 && Double.isFinite(penaltyStrength))) {
            throw new EvalInputException("--penalty must be a number >= 0, got " + penaltyStrength);
        }
    }

    /**
     * Parses the arguments after the subcommand name.
     *
     * @throws EvalInputException for an unknown option, a missing or bad value, no file or two files,
     *                            or options that do not go together
     */
    static EvalOptions parse(List<String> args) {
        String file = null;
        boolean fit = false;
        boolean curve = false;
        Double share = null;
        Double penalty = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--fit" -> fit = true;
                case "--learning-curve" -> curve = true;
                case "--train-share" -> share = number(args, ++i, arg);
                case "--penalty" -> penalty = number(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new EvalInputException("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new EvalInputException("expected one FILE.csv, got " + file + " and " + arg);
                    }
                    file = arg;
                }
            }
        }
        if (file == null) {
            throw new EvalInputException("no FILE.csv given");
        }
        if (fit && curve) {
            throw new EvalInputException("--fit and --learning-curve are two different runs: give one");
        }
        if (!fit && !curve && (share != null || penalty != null)) {
            throw new EvalInputException((share != null ? "--train-share" : "--penalty")
                    + " applies to a fit: add --fit or --learning-curve");
        }
        Mode mode = fit ? Mode.FIT : curve ? Mode.LEARNING_CURVE : Mode.DEFAULTS;
        return new EvalOptions(file, mode, share == null ? DEFAULT_TRAIN_SHARE : share,
                penalty == null ? FsrsOptimizer.DEFAULT_PENALTY_STRENGTH : penalty);
    }

    private static double number(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new EvalInputException(option + " needs a number after it");
        }
        String value = args.get(i);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new EvalInputException(option + " needs a number, got \"" + shortened(value) + "\"");
        }
    }

    private static String shortened(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}

package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.bootstrap.local.runtime.LogFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code chaos}: a randomized soak through the real handler with faults injected at random, which
 * prints what it did and each invariant's verdict and exits 1 when one is BROKEN.
 *
 * <p>What it plays: {@code --users} learners practising one or two languages over {@code --days}
 * simulated days, their sessions at any time of the day (some in the last seconds of one), the
 * app's messages on a simulated SQS FIFO queue (duplicates, late and poison ones among them), the
 * analysis service's results (late, backdated, missing, future-dated, unreadable, in other
 * languages, without ids, huge), and packages the original service left in the table. Each message
 * attempt meets an injected fault with probability {@code --fault-rate}: DynamoDB throttling, a
 * cancelled transaction, an SNS or Secrets Manager error, a model 429, 500, refusal, truncated or
 * slow answer, or the process dying between two external calls. Everything random is drawn from
 * {@code --seed}.
 *
 * <p>The invariants and how each is checked: {@link InvariantChecks}, {@link AnalysisAccounting},
 * {@link SessionEndings}.
 */
public final class ChaosCommand {

    public static final String NAME = "chaos";

    /** Runs the soak; returns the process exit code (0 every invariant held, 1 one is BROKEN, 2 bad arguments). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(ChaosOptions.USAGE);
            return 0;
        }
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("chaos: " + e.getMessage());
            err.println(ChaosOptions.USAGE);
            return 2;
        }
        return run(options, out, err).allHeld() ? 0 : 1;
    }

    /** Runs one soak with {@code options}, prints its report, and returns it. */
    public Result run(ChaosOptions options, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Path log = LogFile.prepare("lessonpack-chaos.log.jsonl");
        SoakReport report;
        try (SoakRun run = new SoakRun(options, log, err)) {
            report = run.run();
        }
        if (options.json()) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        err.printf(Locale.ROOT, "[chaos] done in %.1f s (DynamoDB Local's start included)%n",
                (System.nanoTime() - started) / 1e9);
        return new Result(report);
    }

    /** A finished soak, for callers that check it (the build's test). */
    public static final class Result {
        private final SoakReport report;

        private Result(SoakReport report) {
            this.report = report;
        }

        /** Whether every invariant held. */
        public boolean allHeld() {
            return report.allHeld();
        }

        /** The invariants that broke, as {@code "<number>. <title>: <first counterexample>"}. */
        public List<String> broken() {
            return report.invariants().stream().filter(r -> !r.held())
                    .map(r -> r.number() + ". " + r.title() + ": " + r.firstCounterexample()).toList();
        }

        /** How many faults of {@code fault}'s class fired. */
        public int faultsInjected(FaultClass fault) {
            return report.facts().history().fired().getOrDefault(fault, 0);
        }

        /** How many lessons were committed (RUN# records). */
        public int lessons() {
            return report.facts().runRecords().size();
        }

        /** How many receives the queue made. */
        public int receives() {
            return report.facts().history().receiveCount();
        }

        /** How many sessions the soak played. */
        public int sessions() {
            return report.facts().scenario().sessions().size();
        }
    }
}

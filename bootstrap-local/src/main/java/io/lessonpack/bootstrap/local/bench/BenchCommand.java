package io.lessonpack.bootstrap.local.bench;

import io.lessonpack.bootstrap.local.runtime.LogFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench}: measures what the time budget buys and what a lesson costs.
 *
 * <p>Latency rows run the real handler through {@link LatencyBench} (DynamoDB Local in this JVM,
 * the Lambda's own wiring, the OpenAI adapter on the real SDK) against a {@link ModelStandIn} that
 * answers after a set delay, one invocation per row with a {@link CountdownContext}: lessons made,
 * skips, messages returned for a retry, wall time, and what the model saw (requests started,
 * answered, and cut). Then the warm cost of a lesson and of a skip, what the memory model sees and a
 * lesson costs as the curriculum grows ({@link MemoryGrowthBench}), and the deployable artifact's
 * cold start in fresh JVMs ({@link ColdStartBench}).
 *
 * <p>Rows sleep for real, so a full run takes several minutes; {@code --rows} picks some, and
 * {@code --quick} runs every time at a tenth of production's (the build runs it so).
 */
public final class BenchCommand {

    public static final String NAME = "bench";

    /** Where the script says the deployable artifact is; the cold-start runs start JVMs from it. */
    static final String ARTIFACT_PROPERTY = "lessonpack.lambdaArtifact";

    private static final String USAGE = """
            usage: bench [--json] [--quick] [--rows NAMES] [--no-cold-start]
              Runs the real VoiceSessionHandler on DynamoDB Local against a loopback OpenAI-compatible
              stand-in that answers after a set delay, with a Lambda-like countdown, one invocation per
              row; then the warm cost of a lesson and a skip, and the Lambda artifact's cold start.
              Prints a table (progress on stderr). A full run takes about five minutes.
              --json           print the results as a JSON document instead of the table
              --quick          every time at a tenth of production's (a 10 s countdown, 0.5-5 s model)
              --rows NAMES     run only these latency rows (comma-separated), e.g. --rows batch5@20s,single@38s
              --no-cold-start  skip the cold-start runs (they need bootstrap-lambda/target/lessonpack-lambda.jar)
              rows: %s
              Structured JSON logs go to the file named by -Dlessonpack.log.file (default: the system
              temp folder).""";

    /** Parsed options. */
    record Options(boolean json, BenchScale scale, List<String> rowNames, boolean coldStart) {
    }

    /** Runs the bench; returns the process exit code (1 when a row fell short of what the design promises). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (options == null) {
            out.println(usage());
            return 0;
        }
        Path log = LogFile.prepare("lessonpack-bench.log.jsonl");
        long started = System.nanoTime();
        BenchResults results;
        try {
            results = run(options, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 130;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
        out.print(options.json() ? results.json() + System.lineSeparator() : results.table());
        err.printf(Locale.ROOT, "[bench] done in %.1f s; structured JSON logs of this run: %s%n",
                (System.nanoTime() - started) / 1e9, log);
        List<String> shortfalls = shortfalls(results);
        shortfalls.forEach(s -> err.println("[bench] SHORT: " + s));
        return shortfalls.isEmpty() ? 0 : 1;
    }

    /** Runs what the options ask for. */
    static BenchResults run(Options options, PrintStream err) throws InterruptedException, IOException {
        List<BenchScale.Row> rows = rows(options.scale(), options.rowNames());
        try (LatencyBench bench = new LatencyBench(options.scale(), err)) {
            List<BenchResults.RowResult> rowResults = bench.runRows(rows);
            err.println("[bench] warm costs ...");
            BenchResults.WarmCost warm = bench.warmCosts(options.scale() == BenchScale.QUICK ? 3 : 10);
            List<MemoryGrowthBench.Size> memory = new MemoryGrowthBench(bench, err)
                    .run(options.scale() == BenchScale.QUICK ? List.of(0, 200, 800) : List.of(0, 500, 2_000));
            ColdStartBench.Results cold = null;
            if (options.coldStart()) {
                Path artifact = Path.of(System.getProperty(ARTIFACT_PROPERTY, "bootstrap-lambda/target/lessonpack-lambda.jar"));
                if (!Files.isRegularFile(artifact)) {
                    throw new IOException("no Lambda artifact at " + artifact.toAbsolutePath()
                            + ": build it (./lessonpack test) or run with --no-cold-start");
                }
                cold = new ColdStartBench(artifact, bench, err).run();
            }
            return new BenchResults(options.scale(), rowResults, warm, memory, cold);
        }
    }

    /**
     * What the time budget promises and a result did not deliver: every batch and single row makes
     * one lesson per learner with no request cut, the mixed row skips the second session, and the
     * start-rule row starts no model request.
     */
    static List<String> shortfalls(BenchResults results) {
        List<String> shortfalls = new ArrayList<>();
        for (BenchResults.RowResult r : results.rows()) {
            String name = r.row().name();
            if (name.equals("start-rule")) {
                if (r.model().started() != 0 || r.failed() != 1) {
                    shortfalls.add(name + ": a model request was started with less than the minimum time left");
                }
            } else if (r.lessons() != r.row().learnerCount() || r.model().cut() != 0 || r.failed() != 0
                    || r.skipped() != r.messages() - r.row().learnerCount()) {
                shortfalls.add(name + ": " + r.lessons() + " lesson(s) for " + r.row().learnerCount() + " learner(s), "
                        + r.failed() + " failed, " + r.model().cut() + " model request(s) cut");
            }
        }
        return shortfalls;
    }

    /** The options, or null when help was asked for. */
    static Options parse(List<String> args) {
        boolean json = false;
        boolean coldStart = true;
        BenchScale scale = BenchScale.FULL;
        List<String> names = List.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--json" -> json = true;
                case "--quick" -> scale = BenchScale.QUICK;
                case "--no-cold-start" -> coldStart = false;
                case "--rows" -> {
                    if (++i >= args.size()) {
                        throw new IllegalArgumentException("--rows needs a value");
                    }
                    names = names(args.get(i));
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        rows(scale, names);
        return new Options(json, scale, names, coldStart);
    }

    private static List<String> names(String list) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.strip());
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--rows names no row");
        }
        return List.copyOf(wanted);
    }

    /** The rows named, in the order given; every row when none is named. */
    static List<BenchScale.Row> rows(BenchScale scale, List<String> names) {
        if (names.isEmpty()) {
            return scale.rows();
        }
        List<BenchScale.Row> picked = new ArrayList<>();
        for (String name : names) {
            picked.add(scale.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown row " + name)));
        }
        return picked;
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", BenchScale.FULL.rows().stream().map(BenchScale.Row::name).toList()));
    }
}

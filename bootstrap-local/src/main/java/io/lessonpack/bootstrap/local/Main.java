package io.lessonpack.bootstrap.local;

import io.lessonpack.bootstrap.local.bench.BenchCommand;
import io.lessonpack.bootstrap.local.chaos.ChaosCommand;
import io.lessonpack.bootstrap.local.demo.DemoCommand;
import io.lessonpack.bootstrap.local.eval.EvalSchedulerCommand;
import io.lessonpack.bootstrap.local.serve.ServeCommand;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local runtime's entry point: {@code demo}, {@code eval-scheduler}, {@code bench}, {@code chaos} and
 * {@code serve}. The {@code ./lessonpack} script at the project root builds the project and calls this with
 * its arguments; its help lists the same commands with the same flags (a test holds the two together).
 */
public final class Main {

    /** A command of the local runtime: what it is called and what runs it. */
    @FunctionalInterface
    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    /** Every command, in the order the help lists them. */
    static final Map<String, Command> COMMANDS = orderedCommands();

    private static final String HELP = """
            lessonpack local runtime
              demo [--days N] [--new-words N] [--keep DIR] [--events FILE.json]
                                                simulate sample learners and print their daily packages
              eval-scheduler FILE.csv [--fit [--train-share S] | --learning-curve] [--penalty G]
                                                score the FSRS-6 memory model on a review log; --fit fits
                                                its weights on the earliest reviews and tests them on the
                                                rest; --learning-curve fits on growing prefixes
              bench [--json] [--quick] [--rows NAMES] [--no-cold-start]
                                                lessons per invocation against a slow loopback model,
                                                warm costs, and the Lambda artifact's cold start
              chaos [--users N] [--days D] [--fault-rate P] [--seed S] [--json]
                                                a randomized soak with faults injected at random; prints
                                                each invariant held or BROKEN, exit 1 on any BROKEN
              serve [--port N] [--keep DIR]     an HTTP server on 127.0.0.1 (default port 8080, 0: any
                                                free one): post analyses and sessions, watch lessons
                                                being written live, read packages and a tutor's page
              help                              this text
            Each command's --help tells more.""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.println(HELP);
            return 2;
        }
        String name = args.get(0);
        if (List.of("help", "-h", "--help").contains(name)) {
            out.println(HELP);
            return 0;
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            err.println("unknown command: " + name);
            err.println(HELP);
            return 2;
        }
        return command.run(args.subList(1, args.size()), out, err);
    }

    private static Map<String, Command> orderedCommands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put(DemoCommand.NAME, (args, out, err) -> new DemoCommand().run(args, out, err));
        commands.put(EvalSchedulerCommand.NAME, (args, out, err) -> new EvalSchedulerCommand().run(args, out, err));
        commands.put(BenchCommand.NAME, (args, out, err) -> new BenchCommand().run(args, out, err));
        commands.put(ChaosCommand.NAME, (args, out, err) -> new ChaosCommand().run(args, out, err));
        commands.put(ServeCommand.NAME, (args, out, err) -> new ServeCommand().run(args, out, err));
        return Collections.unmodifiableMap(commands);
    }
}

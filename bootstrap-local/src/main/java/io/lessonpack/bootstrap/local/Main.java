package io.lessonpack.bootstrap.local;

import io.lessonpack.bootstrap.local.bench.BenchCommand;
import io.lessonpack.bootstrap.local.chaos.ChaosCommand;
import io.lessonpack.bootstrap.local.demo.DemoCommand;
import io.lessonpack.bootstrap.local.eval.EvalSchedulerCommand;
import io.lessonpack.bootstrap.local.serve.ServeCommand;
import java.util.List;

/**
 * The local runtime's entry point: {@code demo}, {@code eval-scheduler}, {@code bench}, {@code chaos} and
 * {@code serve}. The
 * {@code ./lessonpack} script at the project root builds the project and calls this with its arguments.
 */
public final class Main {

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
              serve [--port N] [--keep DIR]
                                                an HTTP server on 127.0.0.1 (default port 8080, 0: any
                                                free one): post analyses and sessions, watch lessons
                                                being written live, read packages and a tutor's page
              help                              this text""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            System.out.println(HELP);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case DemoCommand.NAME -> new DemoCommand().run(rest, System.out, System.err);
            case EvalSchedulerCommand.NAME -> new EvalSchedulerCommand().run(rest, System.out, System.err);
            case BenchCommand.NAME -> new BenchCommand().run(rest, System.out, System.err);
            case ChaosCommand.NAME -> new ChaosCommand().run(rest, System.out, System.err);
            case ServeCommand.NAME -> new ServeCommand().run(rest, System.out, System.err);
            case "help", "-h", "--help" -> {
                System.out.println(HELP);
                yield 0;
            }
            default -> {
                System.err.println("unknown command: " + args.get(0));
                System.err.println(HELP);
                yield 2;
            }
        };
    }
}

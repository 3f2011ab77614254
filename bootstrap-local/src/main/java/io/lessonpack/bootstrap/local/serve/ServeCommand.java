package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.local.runtime.LocalHooks;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import io.lessonpack.bootstrap.local.runtime.LogFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--port N] [--keep DIR]}: starts the local runtime and {@link LessonServer} on
 * loopback, prints where, and runs until Ctrl-C, when it closes the server and then the runtime.
 */
public final class ServeCommand {

    public static final String NAME = "serve";

    static final String USAGE = """
            usage: serve [--port N] [--keep DIR]
              --port N    the loopback port to listen on (default 8080; 0 picks a free one)
              --keep DIR  keep DynamoDB Local's data in DIR, so learners survive a restart
              Listens on 127.0.0.1 only. The author is offline unless OPENAI_API_KEY or OPENAI_BASE_URL
              is set. Structured JSON logs go to the file named by -Dlessonpack.log.file (default: the
              system temp folder). Endpoints: docs/serve.md.""";

    /**
     * Parsed options.
     *
     * @param keepFolder where DynamoDB Local keeps its data; null to keep it in memory
     */
    record Options(int port, Path keepFolder) {

        /** Where DynamoDB Local keeps its data; empty when it is in memory. */
        Optional<Path> keep() {
            return Optional.ofNullable(keepFolder);
        }
    }

    /** Runs the server until the process is stopped; returns the exit code when it cannot start. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        Path log = LogFile.prepare("lessonpack-serve.log.jsonl");
        Clock clock = Clock.systemUTC();
        ServeSettings settings = ServeSettings.defaults(clock).withPort(options.port());
        ProgressHub hub = new ProgressHub(settings.historySize());
        err.println("[serve] starting DynamoDB Local"
                + options.keep().map(p -> " with data in " + p).orElse(" in memory") + " ...");
        LocalRuntime runtime = LocalRuntime.start(Environment.system(), options.keepFolder(), clock, IdGenerator.randomUuids(),
                GenerationSettings.defaults(), LocalHooks.none().withProgress(hub));
        LessonServer server;
        try {
            server = LessonServer.start(runtime, hub, settings);
        } catch (RuntimeException e) {
            runtime.close();
            err.println("serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("[serve] stopping: closing the event streams, the server and DynamoDB Local ...");
            server.close();
            runtime.close();
            err.println("[serve] stopped");
            stopped.countDown();
        }, "serve-shutdown"));
        out.println("lessonpack serve: listening on " + server.uri() + " (loopback only), "
                + (runtime.modelAuthor() ? "lessons written by a model (OPENAI_API_KEY / OPENAI_BASE_URL is set)"
                        : "the offline lesson author"));
        out.println("  try: curl -s " + server.uri() + "/health   ·   a learner's page: " + server.uri()
                + "/learners/{userId}");
        out.println("  structured JSON logs: " + log);
        out.println("  Ctrl-C stops it.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The options, or null when help was asked for. */
    static Options parse(List<String> args) {
        int port = ServeSettings.DEFAULT_PORT;
        Optional<Path> keep = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> {
                    String value = value(args, ++i, arg);
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, was " + value);
                    }
                    if (port < 0 || port > 65_535) {
                        throw new IllegalArgumentException("--port must be within 0..65535, was " + port);
                    }
                }
                case "--keep" -> keep = Optional.of(Path.of(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(port, keep.orElse(null));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}

package io.lessonpack.bootstrap.local.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What a soak runs: how many learners over how many simulated days, the chance that a message
 * attempt meets an injected fault, the seed everything random is drawn from, and how the report is
 * printed. Bounded: at most {@value #MAX_USERS} learners and {@value #MAX_DAYS} days (a month of
 * daily lessons, within the offline author's 60 days of words), a cap on invocations and on real time.
 */
public record ChaosOptions(int users, int days, double faultRate, long seed, boolean json, Duration realTimeLimit) {

    public static final int MAX_USERS = 200;
    public static final int MAX_DAYS = 30;
    public static final Duration DEFAULT_REAL_TIME_LIMIT = Duration.ofMinutes(15);

    static final String USAGE = """
            usage: chaos [--users N] [--days D] [--fault-rate P] [--seed S] [--json]
              A randomized soak: many learners and languages over many simulated days through the real
              VoiceSessionHandler on DynamoDB Local, the OpenAI adapter against a loopback model stand-in,
              and a simulated SQS FIFO queue, with faults injected at random. Prints what it did and, for
              each invariant, held or BROKEN; exits 1 when any is BROKEN.
              --users N        learners (default 30, 1-200)
              --days D         simulated days (default 8, 1-30)
              --fault-rate P   chance that a message attempt meets an injected fault (default 0.25, 0-1)
              --seed S         the seed of every random choice (default 7)
              --json           print the report as JSON
              Structured JSON logs go to the file named by -Dlessonpack.log.file (default: the system temp folder).""";

    public ChaosOptions {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("--users must be within 1.." + MAX_USERS + ", was " + users);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be within 1.." + MAX_DAYS + ", was " + days);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("--fault-rate must be within 0..1, was " + faultRate);
        }
        if (realTimeLimit == null || realTimeLimit.isNegative() || realTimeLimit.isZero()) {
            throw new IllegalArgumentException("the real-time limit must be positive");
        }
    }

    /** The defaults: 30 learners, 8 days, a fault rate of 0.25, seed 7, text. */
    public static ChaosOptions defaults() {
        return new ChaosOptions(30, 8, 0.25, 7, false, DEFAULT_REAL_TIME_LIMIT);
    }

    /**
     * Parses the command's arguments.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or bad value
     */
    public static ChaosOptions parse(List<String> args) {
        ChaosOptions o = defaults();
        int users = o.users;
        int days = o.days;
        double rate = o.faultRate;
        long seed = o.seed;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--users" -> users = Integer.parseInt(value(args, ++i, arg));
                case "--days" -> days = Integer.parseInt(value(args, ++i, arg));
                case "--fault-rate" -> rate = Double.parseDouble(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ChaosOptions(users, days, rate, seed, json, o.realTimeLimit);
    }

    /** The most invocations a soak makes before it stops by itself. */
    int maxInvocations() {
        return users * days * 30 + 200;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}

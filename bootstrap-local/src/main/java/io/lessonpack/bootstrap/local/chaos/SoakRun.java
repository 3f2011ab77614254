package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.bootstrap.local.bench.ModelStandIn;
import io.lessonpack.bootstrap.local.chaos.SimulatedFifoQueue.Delivery;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.AnalysisWrite;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Learner;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Send;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One soak: draws the scenario from the seed, starts the local stack (DynamoDB Local, the real
 * handler with the Lambda's wiring, the OpenAI adapter against a loopback {@link ModelStandIn}) with
 * the fault injection and the simulated queue in its hooks, puts the original service's packages in
 * the table, and then plays simulated time: messages are sent and analysis results written when due,
 * the queue is polled whenever a message is receivable, one invocation at a time, until every day
 * was played and the queue is drained, or a bound is reached. Then it reads the tables and the log
 * and checks the invariants.
 */
final class SoakRun implements AutoCloseable {

    /** The first simulated day: a Monday. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
    /** How long after the last day the soak goes on, for late duplicates and the queue to drain. */
    static final Duration DRAIN = Duration.ofHours(36);

    /** What the invocation steps share with the run. */
    record World(Random random, SoakClock clock, SimulatedFifoQueue queue, QueueVisibility visibility,
            FaultInjection injection, FaultDeck deck, SoakHistory history, TableReader tables,
            Map<String, Learner> learners) {
    }

    private final ChaosOptions options;
    private final Path log;
    private final PrintStream err;
    private final SoakScenario scenario;
    private final World world;
    private final ModelStandIn model;
    private final LocalRuntime local;
    private final AnalysisWriter analyses;
    private final List<LegacyPackages.Legacy> legacy;

    SoakRun(ChaosOptions options, Path log, PrintStream err) {
        this.options = options;
        this.log = log;
        this.err = err;
        Random random = new Random(options.seed());
        this.scenario = new ScenarioGenerator(random).generate(options.users(), options.days(), FIRST_DAY);
        SoakClock clock = new SoakClock(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant());
        SimulatedFifoQueue queue = new SimulatedFifoQueue();
        QueueVisibility visibility = new QueueVisibility(queue);
        FaultInjection injection = new FaultInjection(options.seed());
        err.println("[chaos] starting the model stand-in and DynamoDB Local ...");
        this.model = ModelStandIn.start(Duration.ZERO);
        model.setFaults(injection.modelFaults());
        try {
            Environment env = Environment.system().with(Map.of(LambdaConfiguration.OPENAI_BASE_URL, model.baseUrl(),
                    "OPENAI_API_KEY", "chaos-soak-key-for-the-loopback-stand-in"));
            this.local = LocalRuntime.start(env, null, clock, injection.ids(), GenerationSettings.defaults(),
                    injection.hooks(visibility));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        TableReader tables = new TableReader(local.component().dynamoDb(), local.component().tables());
        this.world = new World(random, clock, queue, visibility, injection, new FaultDeck(random, options.faultRate()),
                new SoakHistory(), tables, scenario.learnersById());
        this.analyses = new AnalysisWriter(local.component().dynamoDb(), tables, random);
        this.legacy = LegacyPackages.write(local.component().dynamoDb(), local.component().tables().packagesTable(),
                scenario.learners(), FIRST_DAY);
    }

    /** Plays the soak to its end and checks the invariants. */
    SoakReport run() {
        long started = System.nanoTime();
        Map<String, Send> sendsById = scenario.sends().stream().collect(Collectors.toMap(Send::messageId,
                Function.identity()));
        InvocationStep step = new InvocationStep(world, local.handler(), sendsById);
        List<Send> sends = scenario.sends();
        List<AnalysisWrite> writes = scenario.analyses();
        Instant now = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant hardEnd = scenario.lastDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(DRAIN);
        int si = 0;
        int ai = 0;
        int invocations = 0;
        LocalDate shown = null;
        String stoppedBy = null;
        while (true) {
            while (si < sends.size() && !sends.get(si).at().isAfter(now)) {
                Send s = sends.get(si++);
                world.queue().send(s.messageId(), s.groupId(), s.body(), s.at());
            }
            while (ai < writes.size() && !writes.get(ai).at().isAfter(now)) {
                analyses.write(writes.get(ai++));
            }
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (!today.equals(shown) && !today.isAfter(scenario.lastDay())) {
                shown = today;
                err.printf(Locale.ROOT, "[chaos] day %d/%d · %s · %d invocations so far%n",
                        today.toEpochDay() - FIRST_DAY.toEpochDay() + 1, options.days(), today, invocations);
            }
            if (invocations >= options.maxInvocations()) {
                stoppedBy = "the invocation limit (" + options.maxInvocations() + ")";
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(options.realTimeLimit()) > 0) {
                stoppedBy = "the real-time limit (" + options.realTimeLimit().toMinutes() + " min)";
                break;
            }
            List<Delivery> batch = world.queue().receive(now);
            if (!batch.isEmpty()) {
                now = step.run(++invocations, batch, now);
                continue;
            }
            if (si >= sends.size() && world.queue().drained()) {
                break;
            }
            Optional<Instant> next = Stream.of(
                            si < sends.size() ? Optional.of(sends.get(si).at()) : Optional.<Instant>empty(),
                            ai < writes.size() ? Optional.of(writes.get(ai).at()) : Optional.<Instant>empty(),
                            world.queue().nextVisibleAfter(now))
                    .flatMap(Optional::stream).min(Instant::compareTo);
            if (next.isEmpty()) {
                break;
            }
            if (next.get().isAfter(hardEnd)) {
                stoppedBy = "the simulated time limit (" + DRAIN.toHours() + " h after the last day)";
                break;
            }
            now = next.get();
        }
        Duration realTime = Duration.ofNanos(System.nanoTime() - started);
        err.printf(Locale.ROOT, "[chaos] played %d invocations in %.1f s; checking the invariants ...%n", invocations,
                realTime.toMillis() / 1000.0);
        SoakFacts facts = new SoakFacts(options, scenario, world.history(), world.queue(), analyses.written(), legacy,
                local.component().events().events(), world.tables().stateItems("RUN#"), world.tables().packageItems(),
                LogLines.read(log), FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), now,
                stoppedBy, realTime, log);
        return new SoakReport(facts, InvariantChecks.all(facts));
    }

    @Override
    public void close() {
        try {
            local.close();
        } finally {
            model.close();
        }
    }
}

package io.lessonpack.bootstrap.local.demo;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import io.lessonpack.bootstrap.local.runtime.LocalComponent;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.bootstrap.local.runtime.LogFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code demo}: simulates a few sample learners over several days and prints each day's package as
 * a learner or tutor reads it, and each skip with its reason.
 *
 * <p>DynamoDB Local runs in this JVM with the three tables; each simulated session becomes an SQS
 * record whose body is exactly what the app sends, fed in FIFO batches to the real
 * {@link VoiceSessionHandler} wired with the Lambda's own modules, with the {@link OfflineLessonAuthor}
 * unless a model is configured. The sample learners show the rules at work: one lesson per learner per UTC day across languages, a
 * learner's first lesson built from their first session's misses, reviews chosen by the memory
 * model, a duplicate delivery and a malformed message that change nothing.
 */
public final class DemoCommand {

    public static final String NAME = "demo";

    private static final String USAGE = """
            usage: demo [--days N] [--new-words N] [--keep DIR] [--events FILE.json]
              Starts DynamoDB Local in this JVM, creates the tables, and feeds voice-session events in
              batches through the real VoiceSessionHandler, printing every package and every skip.
              --days N        simulate the bundled sample learners for N days (default 5, at most 60)
              --new-words N   new words per lesson (1-10, default 5)
              --keep DIR      keep DynamoDB Local's data in DIR; a second run continues the curricula
              --events FILE   process your own events instead of the simulation: a JSON array of
                              message bodies {"sessionId","userId","targetLanguage","createdAt"}, or an
                              object {"analysisResults": [...], "events": [...]} that also seeds analysis
                              results (userId, createdAt, sessionId, targetLanguage, targetsHit,
                              targetsMissed, wordsUsed, feedback)
              The author is offline unless OPENAI_API_KEY or OPENAI_BASE_URL is set. Structured JSON
              logs go to the file named by -Dlessonpack.log.file (default: the system temp folder).""";

    /** FIFO batch size the Lambda's event source mapping uses. */
    private static final int BATCH_SIZE = 5;
    private static final Duration BATCH_WINDOW = Duration.ofMinutes(60);

    /** Runs the demo; returns the process exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int days = 5;
        NewWordCount newWords = NewWordCount.defaultCount();
        Optional<Path> keep = Optional.empty();
        Optional<Path> eventsFile = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--days" -> days = Integer.parseInt(value(args, ++i, arg));
                    case "--new-words" -> newWords = NewWordCount.of(Integer.parseInt(value(args, ++i, arg)));
                    case "--keep" -> keep = Optional.of(Path.of(value(args, ++i, arg)));
                    case "--events" -> eventsFile = Optional.of(Path.of(value(args, ++i, arg)));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (IllegalArgumentException e) {
                err.println("demo: " + e.getMessage());
                err.println(USAGE);
                return 2;
            }
        }
        if (days < 1 || days > 60) {
            err.println("demo: --days must be within 1..60, was " + days);
            return 2;
        }
        EventsFile events = null;
        if (eventsFile.isPresent()) {
            try {
                events = EventsFile.read(eventsFile.get());
            } catch (EventsFile.UnreadableEventsException e) {
                err.println("demo: " + e.getMessage());
                return 2;
            }
        }
        Path log = LogFile.prepare("lessonpack-demo.log.jsonl");
        GenerationSettings settings = GenerationSettings.defaults().withNewWords(newWords);
        try (Run run = new Run(DemoScenario.bundled(), days, settings, keep.orElse(null), out, err)) {
            if (events == null) {
                run.simulate();
            } else {
                run.replay(events);
            }
        }
        out.println("Structured JSON logs of this run: " + log);
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /**
     * One simulated session, as the app would report it.
     *
     * @param userId the learner's id, from the sample learner or the event file; null when the message has none
     */
    private record SessionEvent(String messageId, String sessionId, String body, Instant endedAt,
            DemoScenario.Learner learner, String userId, Language language, String label, String group) {
    }


    /** One demo run over the local runtime. */
    private static final class Run implements AutoCloseable {
        private final DemoScenario scenario;
        private final int days;
        private final PrintStream out;
        private final PrintStream err;
        private final DemoClock clock;
        private final LocalRuntime local;
        private final VoiceSessionHandler handler;
        private final AnalysisResultsWriter analyses;
        private final LearnerSimulator simulator;
        private final LocalDate firstDay;
        private final DemoReport report;

        Run(DemoScenario scenario, int days, GenerationSettings settings, Path keep, PrintStream out,
                PrintStream err) {
            this.scenario = scenario;
            this.days = days;
            this.out = out;
            this.err = err;
            this.clock = new DemoClock(scenario.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant());
            err.println("[demo] starting DynamoDB Local" + (keep != null ? " with data in " + keep : " in memory") + " ...");
            this.local = LocalRuntime.start(keep, clock, demoIds(keep), settings);
            LocalComponent c = local.component();
            this.handler = local.handler();
            this.analyses = new AnalysisResultsWriter(c.dynamoDb(), c.tables().analysisResultsTable());
            this.simulator = new LearnerSimulator(scenario, c.ports().packages(), c.ports().curriculum(),
                    Fsrs.withDefaults());
            this.report = new DemoReport(out, new LocalTables(c.dynamoDb(), c.tables()), c.events());
            this.firstDay = continueAfter(scenario, c);
            err.println("[demo] DynamoDB Local at " + local.endpoint() + ", tables ready");
        }

        /** With kept data, the simulation goes on the day after the learners' last lesson. */
        private static LocalDate continueAfter(DemoScenario scenario, LocalComponent c) {
            LocalDate last = null;
            for (DemoScenario.Learner learner : scenario.learners()) {
                Optional<LessonDay> day = c.ports().lessonDays()
                        .status(UserId.of(learner.userId()), SessionId.of("demo-probe")).lastLessonDay();
                if (day.isPresent() && (last == null || day.get().date().isAfter(last))) {
                    last = day.get().date();
                }
            }
            return last == null ? scenario.firstDay() : last.plusDays(1);
        }

        @Override
        public void close() {
            local.close();
        }

        /**
         * Name-based ids from a counter: readable and reproducible in a batch of one learner. The
         * learners of a batch run in parallel, so which of them draws which id may differ between runs.
         */
        private static IdGenerator demoIds(Path keep) {
            AtomicLong counter = new AtomicLong();
            // Kept data already holds the ids of earlier runs; a run-specific seed keeps new ones distinct.
            String seed = keep != null ? "lessonpack-demo-" + System.nanoTime() + "-" : "lessonpack-demo-";
            return () -> UUID.nameUUIDFromBytes((seed + counter.incrementAndGet()).getBytes()).toString();
        }

        /** Processes the events of a file, in batches of five, at the real clock. */
        void replay(EventsFile file) {
            out.println("lessonpack demo: " + file.events().size() + " event(s) from your file"
                    + (file.analysisResults().isEmpty() ? "" : " and " + file.analysisResults().size() + " analysis result(s)")
                    + ", the real VoiceSessionHandler on DynamoDB Local, "
                    + (local.modelAuthor() ? "a model author" : "the offline lesson author") + ".");
            clock.set(Instant.now());
            file.analysisResults().forEach(analyses::put);
            List<SessionEvent> events = new ArrayList<>();
            for (int i = 0; i < file.events().size(); i++) {
                EventsFile.Event e = file.events().get(i);
                events.add(new SessionEvent("file-msg-" + (i + 1), e.sessionId(), e.body(), clock.instant(), null,
                        e.usableUserId(), e.parsedLanguage(), e.label(), e.label()));
            }
            int n = 1;
            for (int from = 0; from < events.size(); from += BATCH_SIZE) {
                List<SessionEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH_SIZE));
                clock.set(Instant.now());
                out.println("── batch " + n++ + " · " + batch.size() + " message(s)");
                handle(batch);
            }
            report.summary("Summary of your events");
        }

        void simulate() {
            long started = System.nanoTime();
            out.println("lessonpack demo: " + scenario.learners().size() + " sample learners, " + days
                    + " simulated days from " + firstDay + ", the real VoiceSessionHandler on DynamoDB Local, "
                    + (local.modelAuthor() ? "lessons written by " + local.component().author().getClass().getSimpleName()
                            + " (OPENAI_API_KEY / OPENAI_BASE_URL is set)"
                            : "the offline lesson author (no model; set OPENAI_API_KEY or OPENAI_BASE_URL to use one)")
                    + ".");
            for (int day = 1; day <= days; day++) {
                LocalDate date = firstDay.plusDays(day - 1);
                int scenarioDay = (int) java.time.temporal.ChronoUnit.DAYS.between(scenario.firstDay(), date) + 1;
                List<SessionEvent> sessions = sessionsOn(scenarioDay, date);
                List<List<SessionEvent>> dayBatches = batch(sessions);
                err.printf("[demo] day %d/%d · %s · %d messages in %d batches%n", day, days, date, sessions.size(),
                        dayBatches.size());
                out.println();
                out.println("══ Day " + day + " of " + days + " · "
                        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date + " (UTC) ══");
                int n = 1;
                for (List<SessionEvent> batch : dayBatches) {
                    process(n++, batch);
                }
            }
            report.summary("Summary after " + days + " day(s)");
            err.printf("[demo] done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }

        private List<SessionEvent> sessionsOn(int day, LocalDate date) {
            List<SessionEvent> sessions = new ArrayList<>();
            int n = 0;
            for (DemoScenario.Learner learner : scenario.learners()) {
                for (DemoScenario.Session s : learner.sessions()) {
                    if (!s.on(day)) {
                        continue;
                    }
                    Instant endedAt = date.atTime(s.at()).toInstant(ZoneOffset.UTC);
                    String sessionId = learner.userId() + "-" + s.language() + "-" + date + "T" + s.time();
                    String body = "{\"sessionId\":\"" + sessionId + "\",\"userId\":\"" + learner.userId()
                            + "\",\"targetLanguage\":\"" + s.language() + "\",\"createdAt\":\"" + endedAt + "\"}";
                    sessions.add(new SessionEvent("msg-" + date + "-" + (++n), sessionId, body, endedAt, learner,
                            learner.userId(), Language.of(s.language()), learner.name() + " · " + s.language(),
                            learner.name() + " · " + s.language()));
                }
            }
            if (day == 1) {
                Instant at = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
                sessions.add(new SessionEvent("msg-" + date + "-malformed", "orphan-1", "{\"sessionId\":\"orphan-1\",\"createdAt\":\""
                        + at + "\"}", at, null, null, null, "a message without userId and targetLanguage", "(malformed messages)"));
            }
            sessions.sort(Comparator.comparing(SessionEvent::endedAt));
            if (day == 2 && !sessions.isEmpty()) {
                SessionEvent first = sessions.get(0);
                Instant resent = first.endedAt().plus(Duration.ofMinutes(61));
                sessions.add(new SessionEvent(first.messageId() + "-resent", first.sessionId(), first.body(), resent,
                        first.learner(), first.userId(), first.language(), first.label() + " (the same session delivered again)",
                        first.group()));
                sessions.sort(Comparator.comparing(SessionEvent::endedAt));
            }
            return sessions;
        }

        private static List<List<SessionEvent>> batch(List<SessionEvent> sessions) {
            List<List<SessionEvent>> batches = new ArrayList<>();
            List<SessionEvent> current = new ArrayList<>();
            for (SessionEvent s : sessions) {
                if (!current.isEmpty() && (current.size() == BATCH_SIZE
                        || Duration.between(current.get(0).endedAt(), s.endedAt()).compareTo(BATCH_WINDOW) > 0)) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
                current.add(s);
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
            return batches;
        }

        private void process(int number, List<SessionEvent> batch) {
            Instant processedAt = batch.get(batch.size() - 1).endedAt().plus(Duration.ofMinutes(3));
            for (SessionEvent s : batch) {
                if (s.learner() != null && !s.messageId().endsWith("-resent")) {
                    analyses.put(simulator.analyse(s.learner(), s.language(), s.sessionId(), s.endedAt()));
                }
            }
            clock.set(processedAt);
            out.println("── batch " + number + " · " + batch.size() + " message(s) · processed at "
                    + processedAt.toString().substring(11, 16) + " UTC");
            handle(batch);
        }

        private void handle(List<SessionEvent> batch) {
            // The real handler; the demo reads each message's outcome from the result it returns.
            BatchResult result = handler.handle(sqsEvent(batch), null);
            for (int i = 0; i < batch.size(); i++) {
                SessionEvent s = batch.get(i);
                report.show(s.label(), s.group(), s.userId() == null || s.language() == null ? null
                        : new DemoReport.LearnerLanguage(UserId.of(s.userId()), s.language()), result.items().get(i).outcome());
            }
            if (!result.failedMessageIds().isEmpty()) {
                out.println("  ↺ the handler returned " + result.failedMessageIds().size()
                        + " message(s) to the queue for a retry");
            }
        }

        private static SQSEvent sqsEvent(List<SessionEvent> batch) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (SessionEvent s : batch) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId(s.messageId());
                m.setBody(s.body());
                m.setEventSource("aws:sqs");
                m.setAttributes(Map.of("SentTimestamp", String.valueOf(s.endedAt().toEpochMilli()),
                        "MessageGroupId", s.learner() == null ? "unknown" : s.learner().userId()));
                records.add(m);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            return event;
        }

    }
}

package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.application.inmemory.InMemoryAnalysisResults;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.inmemory.InMemoryLessonStore;
import io.lessonpack.application.port.in.BatchReport;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.ProcessVoiceSessionBatchUseCase;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.application.service.VoiceSessionBatchService;
import io.lessonpack.bootstrap.local.logging.JsonLineLoggerFinder;
import io.lessonpack.bootstrap.local.message.VoiceSessionMessageParser;
import io.lessonpack.bootstrap.local.offline.OfflineLessonAuthor;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code demo}: simulates a few sample learners over several days and prints each day's package as
 * a learner or tutor reads it, and each skip with its reason.
 *
 * <p>Each simulated session becomes a queue message body exactly as the app sends it; bodies are
 * parsed, batched FIFO-style and run through the real batch use case and
 * {@link GenerateDailyPackageService}, on in-memory ports with the {@link OfflineLessonAuthor}. The
 * sample learners show the rules at work: one lesson per learner per UTC day across languages, a
 * learner's first lesson built from their first session's misses, reviews chosen by the memory
 * model, a duplicate delivery and a malformed message that change nothing.
 */
public final class DemoCommand {

    public static final String NAME = "demo";

    private static final String USAGE = """
            usage: demo [--days N] [--new-words N]
              Simulates the bundled sample learners for N days (default 5, at most 60) and prints every
              package and every skip. --new-words sets the new words per lesson (1-10, default 5).
              Structured JSON logs go to the file named by -Dlessonpack.log.file (default: a file in the
              system temp folder, printed at the end).""";

    /** FIFO batch size the Lambda's event source mapping uses. */
    private static final int BATCH_SIZE = 5;
    private static final Duration BATCH_WINDOW = Duration.ofMinutes(60);

    /** Runs the demo; returns the process exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int days = 5;
        NewWordCount newWords = NewWordCount.defaultCount();
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
        Path log = logFile();
        new Run(DemoScenario.bundled(), days, newWords, out, err).simulate();
        out.println("Structured JSON logs of this run: " + log);
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Path logFile() {
        String configured = System.getProperty(JsonLineLoggerFinder.FILE_PROPERTY);
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "lessonpack-demo.log.jsonl")
                : Path.of(configured);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo log file " + path, e);
        }
        System.setProperty(JsonLineLoggerFinder.FILE_PROPERTY, path.toString());
        return path.toAbsolutePath();
    }

    /** One simulated session, as the app would report it. */
    private record SessionEvent(String messageId, String body, Instant endedAt, DemoScenario.Learner learner,
            Language language, String label) {
    }

    /** One demo run over the in-memory ports. */
    private static final class Run {
        private final DemoScenario scenario;
        private final int days;
        private final PrintStream out;
        private final PrintStream err;
        private final DemoClock clock;
        private final InMemoryLessonStore store = new InMemoryLessonStore();
        private final InMemoryAnalysisResults analyses = new InMemoryAnalysisResults();
        private final InMemoryEventPublisher events = new InMemoryEventPublisher();
        private final ProcessVoiceSessionBatchUseCase batches;
        private final LearnerSimulator simulator;
        private final VoiceSessionMessageParser parser = new VoiceSessionMessageParser();
        private final Map<String, Map<String, Integer>> tally = new TreeMap<>();

        Run(DemoScenario scenario, int days, NewWordCount newWords, PrintStream out, PrintStream err) {
            this.scenario = scenario;
            this.days = days;
            this.out = out;
            this.err = err;
            this.clock = new DemoClock(scenario.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant());
            Fsrs fsrs = Fsrs.withDefaults();
            GenerationPorts ports = new GenerationPorts(store, store, store, analyses, store, store, events,
                    new OfflineLessonAuthor());
            GenerateDailyPackageService generator = new GenerateDailyPackageService(ports,
                    GenerationSettings.defaults().withNewWords(newWords), fsrs, clock, demoIds());
            this.batches = new VoiceSessionBatchService(generator, clock);
            this.simulator = new LearnerSimulator(scenario, store, store, fsrs);
        }

        /** Deterministic ids, so every run of the demo prints the same packages. */
        private static Supplier<String> demoIds() {
            AtomicLong counter = new AtomicLong();
            return () -> UUID.nameUUIDFromBytes(("lessonpack-demo-" + counter.incrementAndGet()).getBytes()).toString();
        }

        void simulate() {
            long started = System.nanoTime();
            out.println("lessonpack demo: " + scenario.learners().size() + " sample learners, " + days
                    + " simulated days, in-memory storage, offline lesson author (no model).");
            for (int day = 1; day <= days; day++) {
                LocalDate date = scenario.firstDay().plusDays(day - 1);
                List<SessionEvent> sessions = sessionsOn(day, date);
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
            summary();
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
                    sessions.add(new SessionEvent("msg-" + date + "-" + (++n), body, endedAt, learner,
                            Language.of(s.language()), learner.name() + " · " + s.language()));
                }
            }
            if (day == 1) {
                Instant at = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
                sessions.add(new SessionEvent("msg-" + date + "-malformed", "{\"sessionId\":\"orphan-1\",\"createdAt\":\""
                        + at + "\"}", at, null, null, "a message without userId and targetLanguage"));
            }
            sessions.sort(Comparator.comparing(SessionEvent::endedAt));
            if (day == 2 && !sessions.isEmpty()) {
                SessionEvent first = sessions.get(0);
                Instant resent = first.endedAt().plus(Duration.ofMinutes(61));
                sessions.add(new SessionEvent(first.messageId() + "-resent", first.body(), resent, first.learner(),
                        first.language(), first.label() + " (the same session delivered again)"));
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
                    String sessionId = s.body().substring(14, s.body().indexOf('"', 14));
                    analyses.add(simulator.analyse(s.learner(), s.language(), sessionId, s.endedAt()));
                }
            }
            clock.set(processedAt);
            List<VoiceSessionMessage> messages = batch.stream()
                    .map(s -> parser.parse(s.messageId(), s.body(), s.endedAt())).toList();
            out.println("── batch " + number + " · " + batch.size() + " message(s) · processed at "
                    + processedAt.toString().substring(11, 16) + " UTC");
            BatchReport report = batches.process(messages, processedAt.plusSeconds(50));
            for (int i = 0; i < batch.size(); i++) {
                show(batch.get(i), report.items().get(i).outcome());
            }
        }

        private void show(SessionEvent s, GenerationOutcome outcome) {
            switch (outcome) {
                case GenerationOutcome.Generated g -> {
                    out.println("  ✔ " + s.label() + " — " + (g.created() ? "package created" : "package updated")
                            + " (" + g.lessonPackage().id() + ")");
                    out.print(PackageRenderer.render(g.lessonPackage(), "    "));
                    out.println("    → published " + io.lessonpack.application.port.out.PackageGeneratedEvent.TYPE
                            + " eventId=" + g.event().eventId());
                    count(s, "lesson");
                }
                case GenerationOutcome.Skipped k -> {
                    out.println("  – " + s.label() + " — skipped: " + words(k.reason().name())
                            + (k.detail().isEmpty() ? "" : " (" + k.detail() + ")"));
                    count(s, "skipped (" + words(k.reason().name()) + ")");
                }
                case GenerationOutcome.Failed f -> {
                    out.println("  ✖ " + s.label() + " — failed" + (f.retryable() ? " (will be retried)" : "") + ": "
                            + words(f.reason().name()) + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
                    count(s, "failed (" + words(f.reason().name()) + ")");
                }
            }
        }

        private void count(SessionEvent s, String what) {
            String who = s.learner() == null ? "(malformed messages)" : s.learner().name() + " · " + s.language();
            tally.computeIfAbsent(who, k -> new LinkedHashMap<>()).merge(what, 1, Integer::sum);
        }

        private static String words(String enumName) {
            return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        private void summary() {
            out.println();
            out.println("══ Summary after " + days + " day(s) ══");
            tally.forEach((who, counts) -> {
                StringBuilder line = new StringBuilder("  " + who + ": ");
                List<String> parts = new ArrayList<>();
                counts.forEach((what, n) -> parts.add(what.equals("lesson")
                        ? n + (n == 1 ? " lesson" : " lessons")
                        : what + (n == 1 ? "" : " ×" + n)));
                line.append(String.join(", ", parts));
                int dot = who.indexOf(" · ");
                if (dot > 0) {
                    DemoScenario.Learner learner = scenario.learners().stream()
                            .filter(l -> who.startsWith(l.name() + " · ")).findFirst().orElseThrow();
                    Language language = Language.of(who.substring(dot + 3));
                    line.append("; curriculum: ").append(store.curriculumOf(UserId.of(learner.userId()), language).size())
                            .append(" words");
                }
                out.println(line);
            });
            out.println("  events published: " + events.events().size() + ", packages: " + store.packages().size());
        }
    }
}

package io.lessonpack.application.testing;

import io.lessonpack.application.inmemory.InMemoryAnalysisResults;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.inmemory.InMemoryLessonStore;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@link GenerateDailyPackageService} (inside its {@code LoggedGeneration} envelope) wired over the real
 * in-memory ports ({@link InMemoryLessonStore}, {@link InMemoryAnalysisResults},
 * {@link InMemoryEventPublisher}), a {@link MutableClock}, {@link SequentialIds} and a
 * {@link ScriptedAuthor}, with helpers to add analysis results and make commands and messages.
 *
 * <p>The store's ports are reached through inert failure-injecting decorators
 * ({@link #lessonDays()}, {@link #saver()}, {@link #publisher()}, {@link #curriculum()}), so any test
 * can make a commit crash or a publish fail without rewiring.
 *
 * <pre>{@code
 * GenerationFixture f = GenerationFixture.create();
 * GenerateDailyPackageCommand session = f.session("session-1");   // the command and its analysis
 * GenerationOutcome outcome = f.generate(session);
 * f.nextDay();
 * f.generate(f.session("session-2"));                              // version 2 of the same package
 * }</pre>
 */
public final class GenerationFixture {

    /** Where the clock starts: a Monday morning, far from midnight. */
    public static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    /** The learner most tests use. */
    public static final UserId LEARNER = UserId.of("learner-1");
    public static final Language SPANISH = Language.of("es");
    public static final Language FRENCH = Language.of("fr");
    /** What {@link #generate(GenerateDailyPackageCommand)} gives the service as time left. */
    public static final Duration TIME_LEFT = Duration.ofSeconds(50);

    /** The targets and words {@link #analysisOf} fills in; {@code MISSED} is the first review word of a first lesson. */
    public static final String MISSED = "gato";
    public static final String HIT = "perro";
    public static final String USED = "casa";
    public static final String FEEDBACK = "Clear pronunciation; hesitant with the past tense.";

    private final MutableClock clock;
    private final SequentialIds ids;
    private final ScriptedAuthor author;
    private final GenerationSettings settings;
    private final InMemoryLessonStore store = new InMemoryLessonStore();
    private final InMemoryAnalysisResults analysisResults = new InMemoryAnalysisResults();
    private final InMemoryEventPublisher events = new InMemoryEventPublisher();
    private final CrashingLessonDays lessonDays = new CrashingLessonDays(store);
    private final FailingSaver saver = new FailingSaver(store);
    private final FailingPublisher publisher = new FailingPublisher(events);
    private final CountingCurriculum curriculum = new CountingCurriculum(store);
    private final GenerationPorts ports;
    private final GenerateDailyPackageUseCase service;

    private GenerationFixture(GenerationSettings settings, Instant start, ScriptedAuthor author) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = new MutableClock(start);
        this.ids = new SequentialIds();
        this.author = Objects.requireNonNull(author, "author");
        this.ports = new GenerationPorts(store, lessonDays, lessonDays, store, store, store, analysisResults,
                curriculum, saver, publisher, author);
        this.service = GenerateDailyPackageService.create(ports, settings, Fsrs.withDefaults(), clock, ids);
    }

    /** Default settings, the clock at {@link #START}, a fresh {@link ScriptedAuthor}. */
    public static GenerationFixture create() {
        return new GenerationFixture(GenerationSettings.defaults(), START, new ScriptedAuthor());
    }

    /** Like {@link #create()} with other settings. */
    public static GenerationFixture withSettings(GenerationSettings settings) {
        return new GenerationFixture(settings, START, new ScriptedAuthor());
    }

    /** Like {@link #create()} with the clock at {@code start}. */
    public static GenerationFixture startingAt(Instant start) {
        return new GenerationFixture(GenerationSettings.defaults(), start, new ScriptedAuthor());
    }

    /** Full control: settings, start instant and author. */
    public static GenerationFixture of(GenerationSettings settings, Instant start, ScriptedAuthor author) {
        return new GenerationFixture(settings, start, author);
    }

    // ---- commands and messages ----

    /** A command for {@link #LEARNER} in {@link #SPANISH}, the session ending now. No analysis is added. */
    public GenerateDailyPackageCommand command(String sessionId) {
        return command(LEARNER, sessionId, SPANISH);
    }

    /** A command whose session ends now. No analysis is added. */
    public GenerateDailyPackageCommand command(UserId user, String sessionId, Language language) {
        return command(user, sessionId, language, clock.instant());
    }

    /** A command whose session ended at {@code sessionCreatedAt}. No analysis is added. */
    public GenerateDailyPackageCommand command(UserId user, String sessionId, Language language,
            Instant sessionCreatedAt) {
        return new GenerateDailyPackageCommand(SessionId.of(sessionId), user, language, sessionCreatedAt);
    }

    /** A session of {@link #LEARNER} in {@link #SPANISH} that ended now, with its analysis stored. */
    public GenerateDailyPackageCommand session(String sessionId) {
        return session(LEARNER, sessionId, SPANISH);
    }

    /** A session of {@link #LEARNER} in {@link #SPANISH} that ended now, with its analysis stored after {@code change}. */
    public GenerateDailyPackageCommand sessionWith(String sessionId, UnaryOperator<AnalysisResult.Builder> change) {
        GenerateDailyPackageCommand command = command(LEARNER, sessionId, SPANISH);
        addAnalysisFor(command, change);
        return command;
    }

    /** A session that ended now, with its analysis ({@link #analysisOf}) stored. */
    public GenerateDailyPackageCommand session(UserId user, String sessionId, Language language) {
        GenerateDailyPackageCommand command = command(user, sessionId, language);
        addAnalysisFor(command);
        return command;
    }

    // ---- analysis results ----

    /**
     * The analysis of {@code command}'s session as the analysis service would write it now: its
     * session id and language, missed {@link #MISSED}, hit {@link #HIT}, used {@link #USED}, and
     * {@link #FEEDBACK}. Change any field on the returned builder before building it.
     */
    public AnalysisResult.Builder analysisOf(GenerateDailyPackageCommand command) {
        return AnalysisResult.builder(command.userId(), clock.instant())
                .analysisId("analysis-" + command.sessionId().value())
                .sessionId(command.sessionId().value())
                .targetLanguage(command.language())
                .targetsMissed(List.of(MISSED))
                .targetsHit(List.of(HIT))
                .wordsUsed(List.of(USED))
                .feedback(FEEDBACK);
    }

    /** Stores {@link #analysisOf(GenerateDailyPackageCommand) command's analysis}. */
    public AnalysisResult addAnalysisFor(GenerateDailyPackageCommand command) {
        return addAnalysis(analysisOf(command).build());
    }

    /** Stores command's analysis after {@code change} adjusted it. */
    public AnalysisResult addAnalysisFor(GenerateDailyPackageCommand command,
            UnaryOperator<AnalysisResult.Builder> change) {
        return addAnalysis(change.apply(analysisOf(command)).build());
    }

    /** Stores a result as the analysis service would. */
    public AnalysisResult addAnalysis(AnalysisResult result) {
        analysisResults.add(result);
        return result;
    }

    // ---- running ----

    /** Runs the use case with {@link #TIME_LEFT} before the deadline. */
    public GenerationOutcome generate(GenerateDailyPackageCommand command) {
        return service.generate(command, deadline());
    }

    /** Now plus {@link #TIME_LEFT}. */
    public Instant deadline() {
        return clock.instant().plus(TIME_LEFT);
    }

    /** Moves the clock one day forward. */
    public Instant nextDay() {
        return clock.advance(Duration.ofDays(1));
    }

    // ---- inspection ----

    /** Every saved package. */
    public List<LessonPackage> packages() {
        return store.packages();
    }

    /** Every published event, oldest first. */
    public List<PackageGeneratedEvent> publishedEvents() {
        return events.events();
    }

    /** {@link #LEARNER}'s Spanish curriculum, in introduction order. */
    public List<CurriculumEntry> curriculumEntries() {
        return store.curriculumOf(LEARNER, SPANISH);
    }

    /** {@link #LEARNER}'s state for {@code language}. */
    public LearnerState learnerState(Language language) {
        return store.loadLearnerState(LEARNER, language);
    }

    // ---- the parts ----

    public MutableClock clock() {
        return clock;
    }

    public SequentialIds ids() {
        return ids;
    }

    public ScriptedAuthor author() {
        return author;
    }

    public GenerationSettings settings() {
        return settings;
    }

    /** The real store behind every port but the analysis results, the publisher and the author. */
    public InMemoryLessonStore store() {
        return store;
    }

    public InMemoryAnalysisResults analysisResults() {
        return analysisResults;
    }

    /** The real publisher behind {@link #publisher()}. */
    public InMemoryEventPublisher events() {
        return events;
    }

    /** The lesson-day port the service uses (the store, through an inert crash injector). */
    public CrashingLessonDays lessonDays() {
        return lessonDays;
    }

    /** The save port the service uses (the store, through an inert failure injector). */
    public FailingSaver saver() {
        return saver;
    }

    /** The publish port the service uses ({@link #events()}, through an inert failure injector). */
    public FailingPublisher publisher() {
        return publisher;
    }

    /** The curriculum port the service uses (the store, through a read counter). */
    public CountingCurriculum curriculum() {
        return curriculum;
    }

    public GenerationPorts ports() {
        return ports;
    }

    /** The use case as services run it: the story inside its logging envelope. */
    public GenerateDailyPackageUseCase service() {
        return service;
    }
}

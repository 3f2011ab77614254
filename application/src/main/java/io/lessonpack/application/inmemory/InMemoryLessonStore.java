package io.lessonpack.application.inmemory;

import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.LearnerMemoryModel;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.ClaimLessonDayPort;
import io.lessonpack.application.port.out.DraftCheckpointPort;
import io.lessonpack.application.port.out.EventOutboxPort;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.LoadLessonDayPort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All of lessonpack's state in memory: lesson days and claims, per-language learner state,
 * packages, curricula and run records. It keeps the same promises as the DynamoDB adapters (a
 * claim and a commit are atomic and conditional), so a JVM service can embed lessonpack without
 * AWS and tests exercise the real concurrency rules. Thread-safe: every operation is synchronized.
 *
 * <pre>{@code
 * InMemoryLessonStore store = new InMemoryLessonStore();
 * GenerationPorts ports = store.ports(analysisResults, publisher, author);
 * }</pre>
 */
public final class InMemoryLessonStore implements LoadLessonDayPort, ClaimLessonDayPort, DraftCheckpointPort,
        EventOutboxPort, LoadLearnerStatePort, LoadPackagePort, LoadCurriculumPort, SaveGenerationPort {

    private final Map<UserId, DayRecord> days = new HashMap<>();
    private final Set<SessionKey> generatedSessions = new HashSet<>();
    private final Map<LearnerLanguage, LearnerState> states = new HashMap<>();
    private final Map<PackageId, LessonPackage> packages = new LinkedHashMap<>();
    private final Map<PackageId, ForeignPackage> foreignPackages = new LinkedHashMap<>();
    private final InMemoryCurricula curricula = new InMemoryCurricula();
    private final List<GenerationRecord> runs = new ArrayList<>();

    private record LearnerLanguage(UserId userId, String language) {
        static LearnerLanguage of(UserId userId, Language language) {
            return new LearnerLanguage(userId, language.code());
        }
    }

    private record SessionKey(UserId userId, SessionId sessionId) {
    }

    private record Claim(LessonDay day, SessionId sessionId, String token, Instant leaseExpires, AuthoredDraft draft) {
        Claim withLease(Instant lease) {
            return new Claim(day, sessionId, token, lease, draft);
        }

        Claim withDraft(AuthoredDraft d) {
            return new Claim(day, sessionId, token, leaseExpires, d);
        }
    }

    /** {@code unpublished}: the saved events still to publish, by event id. */
    private record DayRecord(LessonDay lastLessonDay, Claim claim, Map<String, PackageGeneratedEvent> unpublished) {
        static final DayRecord EMPTY = new DayRecord(null, null, Map.of());

        DayRecord {
            unpublished = Map.copyOf(unpublished);
        }
    }

    /**
     * Every port of a generation: this store for all it keeps, and the given analysis results,
     * event publisher and author for the rest.
     */
    public GenerationPorts ports(LoadAnalysisResultsPort analysisResults, PublishPackageEventPort publisher,
            LessonAuthorPort author) {
        return new GenerationPorts(this, this, this, this, this, this, analysisResults, this, this, publisher, author);
    }

    // ---- lesson day: status, claims, draft checkpoint, event outbox ----

    @Override
    public synchronized LessonDayStatus status(UserId userId, SessionId sessionId) {
        DayRecord day = days.getOrDefault(userId, DayRecord.EMPTY);
        return new LessonDayStatus(day.lastLessonDay(),
                generatedSessions.contains(new SessionKey(userId, sessionId)), List.copyOf(day.unpublished().values()));
    }

    @Override
    public synchronized ClaimResult claim(DayClaim request) {
        DayRecord day = days.getOrDefault(request.userId(), DayRecord.EMPTY);
        if (day.lastLessonDay() != null && day.lastLessonDay().compareTo(request.day()) >= 0) {
            return new ClaimResult.AlreadyHadLesson();
        }
        Claim held = day.claim();
        boolean sameDay = held != null && held.day().equals(request.day());
        if (sameDay && held.leaseExpires().isAfter(request.now())) {
            return new ClaimResult.HeldByAnother(held.sessionId().equals(request.sessionId()));
        }
        // The same session resumes its stored draft even across midnight: the service validates it
        // against the new day's plan, so at worst it costs a repair, never a lost answer.
        AuthoredDraft resumed = held != null && held.sessionId().equals(request.sessionId()) ? held.draft() : null;
        Claim claim = new Claim(request.day(), request.sessionId(), request.token(), request.leaseExpires(), resumed);
        days.put(request.userId(), new DayRecord(day.lastLessonDay(), claim, day.unpublished()));
        return new ClaimResult.Claimed(resumed);
    }

    @Override
    public synchronized boolean storeDraft(UserId userId, String token, AuthoredDraft draft) {
        DayRecord day = days.get(userId);
        if (day == null || day.claim() == null || !day.claim().token().equals(token)) {
            return false;
        }
        days.put(userId, new DayRecord(day.lastLessonDay(), day.claim().withDraft(draft), day.unpublished()));
        return true;
    }

    @Override
    public synchronized void release(UserId userId, String token, Instant now) {
        DayRecord day = days.get(userId);
        if (day != null && day.claim() != null && day.claim().token().equals(token)) {
            days.put(userId, new DayRecord(day.lastLessonDay(), day.claim().withLease(now), day.unpublished()));
        }
    }

    @Override
    public synchronized void markPublished(UserId userId, String eventId) {
        DayRecord day = days.get(userId);
        if (day != null && day.unpublished().containsKey(eventId)) {
            Map<String, PackageGeneratedEvent> unpublished = new HashMap<>(day.unpublished());
            unpublished.remove(eventId);
            days.put(userId, new DayRecord(day.lastLessonDay(), day.claim(), unpublished));
        }
    }

    // ---- LoadLearnerStatePort, LoadPackagePort ----

    @Override
    public synchronized LearnerState loadLearnerState(UserId userId, Language language) {
        return states.getOrDefault(LearnerLanguage.of(userId, language), LearnerState.none());
    }

    @Override
    public synchronized List<Language> languages(UserId userId) {
        Set<String> codes = new java.util.TreeSet<>();
        states.keySet().stream().filter(k -> k.userId().equals(userId)).forEach(k -> codes.add(k.language()));
        List<Language> languages = new ArrayList<>();
        for (String code : codes) {
            Language tag = packages.values().stream()
                    .filter(p -> p.userId().equals(userId) && p.language().code().equals(code))
                    .map(LessonPackage::language).findFirst().orElse(Language.of(code));
            languages.add(tag);
        }
        return languages;
    }

    @Override
    public synchronized Optional<StoredPackage> loadPackage(PackageId id) {
        LessonPackage current = packages.get(id);
        if (current != null) {
            return Optional.of(new StoredPackage.Current(current));
        }
        return Optional.ofNullable(foreignPackages.get(id)).map(StoredPackage.Foreign::new);
    }

    @Override
    public synchronized Optional<StoredPackage> findPackage(UserId userId, Language language) {
        Optional<StoredPackage> current = packages.values().stream()
                .filter(p -> p.userId().equals(userId) && p.language().code().equals(language.code()))
                .findFirst().map(StoredPackage.Current::new);
        return current.or(() -> foreignPackages.values().stream()
                .filter(p -> p.userId().equals(userId) && p.language().code().equals(language.code()))
                .findFirst().map(StoredPackage.Foreign::new));
    }

    /**
     * Holds a package the original service wrote, as the shared packages table may: the service
     * adopts it with the learner's next lesson in its language.
     */
    public synchronized void putForeignPackage(ForeignPackage pkg) {
        if (packages.containsKey(pkg.id())) {
            throw new IllegalStateException("package " + pkg.id().value() + " is already a current package");
        }
        foreignPackages.put(pkg.id(), pkg);
    }

    // ---- LoadCurriculumPort ----

    @Override
    public synchronized List<CurriculumEntry> reviewCandidates(UserId userId, Language language, LessonDay today,
            int limit) {
        return curricula.reviewCandidates(userId, language, today, limit);
    }

    @Override
    public synchronized List<CurriculumEntry> entries(UserId userId, Language language, Set<WordKey> keys) {
        return curricula.entries(userId, language, keys);
    }

    @Override
    public synchronized Set<WordKey> existingKeys(UserId userId, Language language, Set<WordKey> keys) {
        return curricula.existingKeys(userId, language, keys);
    }

    @Override
    public synchronized List<RecallHistory> histories(UserId userId, Language language, int maxWords) {
        return curricula.histories(userId, language, maxWords);
    }

    @Override
    public synchronized List<CurriculumEntry> words(UserId userId, Language language, int maxWords) {
        return curricula.words(userId, language, maxWords);
    }

    // ---- SaveGenerationPort ----

    @Override
    public synchronized CommitResult commit(UserId userId, GenerationCommit commit) {
        DayRecord day = days.getOrDefault(userId, DayRecord.EMPTY);
        if (day.claim() == null || !day.claim().token().equals(commit.claimToken())
                || (day.lastLessonDay() != null && day.lastLessonDay().compareTo(commit.day()) >= 0)) {
            return CommitResult.CLAIM_LOST;
        }
        LessonPackage pkg = commit.lessonPackage();
        LearnerLanguage learnerLanguage = LearnerLanguage.of(userId, pkg.language());
        LessonPackage current = packages.get(pkg.id());
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != commit.expectedVersion()) {
            return CommitResult.STALE_PACKAGE;
        }
        LearnerState state = states.getOrDefault(learnerLanguage, LearnerState.none());
        if (state.analysisVersion() != commit.expectedAnalysisVersion()) {
            return CommitResult.STALE_STATE;
        }
        if (curricula.holdsAny(userId, pkg.language(), commit.curriculumChange().added())) {
            return CommitResult.STALE_STATE;
        }
        packages.put(pkg.id(), pkg);
        foreignPackages.remove(pkg.id());
        states.put(learnerLanguage, new LearnerState(commit.analysis().lastProcessedAt(),
                pkg.id(), commit.analysis().handled(), state.analysisVersion() + 1,
                state.memoryModel().withOutcomes(commit.outcomesRecorded())));
        curricula.put(userId, pkg.language(), commit.curriculumChange().updated());
        curricula.put(userId, pkg.language(), commit.curriculumChange().added());
        generatedSessions.add(new SessionKey(userId, commit.record().sessionId()));
        Map<String, PackageGeneratedEvent> unpublished = new HashMap<>(day.unpublished());
        unpublished.put(commit.event().eventId(), commit.event());
        days.put(userId, new DayRecord(commit.day(), null, unpublished));
        runs.add(commit.record());
        return CommitResult.COMMITTED;
    }

    @Override
    public synchronized boolean recordAnalysisProgress(UserId userId, Language language, long expectedAnalysisVersion,
            AnalysisProgress progress) {
        LearnerLanguage key = LearnerLanguage.of(userId, language);
        LearnerState state = states.getOrDefault(key, LearnerState.none());
        if (state.analysisVersion() != expectedAnalysisVersion) {
            return false;
        }
        states.put(key, new LearnerState(progress.lastProcessedAt(), state.currentPackage(), progress.handled(),
                expectedAnalysisVersion + 1, state.memoryModel()));
        return true;
    }

    @Override
    public synchronized boolean recordFit(UserId userId, Language language, long expectedFitVersion,
            FsrsParameters parameters, LocalDate fittedOn, long scoredReviews) {
        LearnerLanguage key = LearnerLanguage.of(userId, language);
        LearnerState state = states.getOrDefault(key, LearnerState.none());
        if (state.memoryModel().fitVersion() != expectedFitVersion) {
            return false;
        }
        states.put(key, new LearnerState(state.watermark(), state.currentPackage(), state.handledAnalyses(),
                state.analysisVersion(), new LearnerMemoryModel(parameters, fittedOn, scoredReviews, 0, expectedFitVersion + 1)));
        return true;
    }

    @Override
    public synchronized int addAbsentWords(UserId userId, Language language, List<CurriculumEntry> entries) {
        return curricula.addAbsent(userId, language, entries);
    }

    // ---- inspection, for embedding services, the demo and tests ----

    /** Every package, in creation order. */
    public synchronized List<LessonPackage> packages() {
        return List.copyOf(packages.values());
    }

    /** The learner's whole curriculum for a language, in introduction order. */
    public synchronized List<CurriculumEntry> curriculumOf(UserId userId, Language language) {
        return List.copyOf(curricula.of(userId, language).values());
    }

    /** The record of every committed generation, oldest first. */
    public synchronized List<GenerationRecord> runs() {
        return List.copyOf(runs);
    }
}

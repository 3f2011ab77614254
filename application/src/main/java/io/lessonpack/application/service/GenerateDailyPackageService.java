package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.EvidenceApplication;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.daily.DailyLessonRule;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.DraftCheck;
import io.lessonpack.domain.lesson.DraftValidator;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.LessonPlanner;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.ValidDraft;
import io.lessonpack.domain.lesson.Violation;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Produces today's package for one voice session (DESIGN.md, "The job"):
 * <ol>
 *   <li>read the learner's lesson day; publish an event a crashed attempt left unpublished; skip a
 *       session that already produced its lesson, or a learner who had today's lesson;</li>
 *   <li>claim the day with a conditional write, before any author call;</li>
 *   <li>read the (user, language) state, the package, and analysis results newer than
 *       lastProcessedAt; wait (retryably) for the session's own analysis for a bounded time;</li>
 *   <li>apply the recall evidence to the words it names, plan the reviews, brief the author;</li>
 *   <li>store the author's answer under the claim (a retry resumes it), validate it, repair once;</li>
 *   <li>commit package, state, lesson day, curriculum and event together; publish the event.</li>
 * </ol>
 * Every exit without a commit releases the claim, so a retry can claim the day at once.
 */
public final class GenerateDailyPackageService implements GenerateDailyPackageUseCase {

    private static final Logger LOG = System.getLogger(GenerateDailyPackageService.class.getName());

    private final GenerationPorts ports;
    private final GenerationSettings settings;
    private final Clock clock;
    private final Supplier<String> ids;
    private final EvidenceApplication evidenceApplication;
    private final LessonPlanner planner;

    /**
     * @param fsrs  the memory model (FSRS-6 with default parameters unless fitted)
     * @param clock the only source of time
     * @param ids   the only source of identity: claim tokens and new package ids
     */
    public GenerateDailyPackageService(GenerationPorts ports, GenerationSettings settings, Fsrs fsrs, Clock clock,
            Supplier<String> ids) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.evidenceApplication = new EvidenceApplication(fsrs);
        this.planner = new LessonPlanner(new ReviewSelection(fsrs));
    }

    @Override
    public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
        Instant started = clock.instant();
        GenerationOutcome outcome;
        try {
            outcome = generateOrSkip(command, deadline, started);
        } catch (StorageUnavailableException e) {
            LogEvent.of("generation.storage_unavailable").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("errorType", e.getClass().getName())
                    .with("operation", e.getMessage()).warn(LOG);
            outcome = new Failed(FailureReason.STORAGE_UNAVAILABLE, "a storage port failed: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Never the message: an unknown exception's text may hold anything, learner text included.
            LogEvent.of("generation.unexpected_error").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("errorType", e.getClass().getName())
                    .with("at", topFrame(e)).error(LOG);
            outcome = new Failed(FailureReason.UNEXPECTED, "unexpected " + e.getClass().getSimpleName());
        }
        logOutcome(command, outcome, Duration.between(started, clock.instant()));
        return outcome;
    }

    private GenerationOutcome generateOrSkip(GenerateDailyPackageCommand command, Instant deadline, Instant now) {
        UserId user = command.userId();
        LessonDay today = LessonDay.of(now);
        LessonDayStatus status = ports.lessonDays().status(user, command.sessionId());
        if (status.unpublishedEvent().isPresent() && !publish(user, status.unpublishedEvent().get())) {
            return new Failed(FailureReason.PUBLISH_FAILED, "an earlier lesson's event is still unpublished");
        }
        if (status.sessionAlreadyGenerated()) {
            return new Skipped(SkipReason.ALREADY_PROCESSED, "this session already produced its lesson");
        }
        if (!DailyLessonRule.allowsLesson(status.lastLessonDay(), today)) {
            return new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "last lesson on " + status.lastLessonDay().orElseThrow());
        }
        String token = ids.get();
        ClaimResult claim = ports.lessonDays().claim(new DayClaim(user, today, command.sessionId(), command.language(),
                token, now, now.plus(settings.claimLease())));
        return switch (claim) {
            case ClaimResult.AlreadyHadLesson a ->
                    new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "another session saved today's lesson first");
            case ClaimResult.HeldByAnother h -> h.sameSession()
                    ? new Failed(FailureReason.DUPLICATE_IN_PROGRESS, "another delivery of this session is in progress")
                    : new Failed(FailureReason.OTHER_SESSION_IN_PROGRESS, "another session is producing today's lesson");
            case ClaimResult.Claimed c -> generateClaimed(command, token, c.resumedDraft(), today, now, deadline);
        };
    }

    private GenerationOutcome generateClaimed(GenerateDailyPackageCommand command, String token,
            Optional<AuthoredDraft> resumed, LessonDay today, Instant now, Instant deadline) {
        Attempt attempt = new Attempt(command, token, today, now, deadline);
        try {
            return attempt.run(resumed);
        } catch (LessonAuthorException e) {
            return new Failed(reasonFor(e.kind()), "the lesson author failed: " + e.kind());
        } finally {
            // Read here, not after run() returns: a port that throws after the commit must not
            // make a committed attempt release (harmless, as the commit cleared the claim, but wrong).
            if (!attempt.committed) {
                ports.lessonDays().release(command.userId(), token, clock.instant());
            }
        }
    }

    /** One claimed attempt; holds what the steps share. */
    private final class Attempt {
        private final GenerateDailyPackageCommand command;
        private final UserId user;
        private final Language language;
        private final String token;
        private final LessonDay today;
        private final Instant now;
        private final Instant deadline;
        private boolean committed;

        Attempt(GenerateDailyPackageCommand command, String token, LessonDay today, Instant now, Instant deadline) {
            this.command = command;
            this.user = command.userId();
            this.language = command.language();
            this.token = token;
            this.today = today;
            this.now = now;
            this.deadline = deadline;
        }

        GenerationOutcome run(Optional<AuthoredDraft> resumed) {
            LearnerState state = ports.learnerStates().loadLearnerState(user, language);
            Optional<LessonPackage> existing = state.packageId().flatMap(ports.packages()::loadPackage)
                    .or(() -> ports.packages().findPackage(user, language));
            List<AnalysisResult> page = ports.analysisResults()
                    .loadResultsAfter(user, state.lastProcessedAt(), settings.maxResults());
            List<AnalysisResult> results = page.stream()
                    .filter(r -> state.lastProcessedAt().map(r.createdAt()::isAfter).orElse(true))
                    .toList();
            boolean ownAnalysisSeen = results.stream().anyMatch(r -> r.sessionId().equals(command.sessionId().value()));
            // A full page means a backlog: the session's own analysis may simply be beyond it, and
            // waiting would not bring it closer. Consume the backlog now; the rest comes next time.
            boolean backlog = page.size() >= settings.maxResults();
            if (!ownAnalysisSeen && !backlog && now.isBefore(command.sessionCreatedAt().plus(settings.analysisWait()))) {
                return new Failed(FailureReason.AWAITING_ANALYSIS, "the session's analysis has not landed yet");
            }
            Evidence evidence = Evidence.from(language, results);
            if (evidence.isEmpty()) {
                if (!results.isEmpty()) {
                    ports.saver().skipResultsUpTo(user, language, state.lastProcessedAt(), newest(results));
                }
                return new Skipped(SkipReason.NO_NEW_ANALYSIS, "no analysis result for this language since the last lesson");
            }
            Set<WordKey> evidenced = evidence.outcomes().stream().map(WordOutcome::key)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            List<CurriculumEntry> known = evidenced.isEmpty() ? List.of()
                    : ports.curriculum().entries(user, language, evidenced);
            List<CurriculumEntry> moved = evidenceApplication.apply(known, evidence.outcomes());
            if (moved.size() > settings.maxMemoryUpdates()) {
                // One commit must stay within DynamoDB's 100-item transaction; the earliest-evidenced
                // words move, the rest keep their memory until their next evidence.
                LogEvent.of("generation.memory_updates_capped").with("sessionId", command.sessionId())
                        .with("userId", user).with("updates", moved.size()).with("kept", settings.maxMemoryUpdates())
                        .warn(LOG);
                moved = moved.subList(0, settings.maxMemoryUpdates());
            }
            List<CurriculumEntry> candidates = merge(
                    ports.curriculum().reviewCandidates(user, language, today, settings.reviewCandidates()), moved);
            Optional<LessonPlan> plan = planner.plan(language, candidates, evidence, today, settings.newWords());
            if (plan.isEmpty()) {
                return new Skipped(SkipReason.NOTHING_TO_REVIEW, "no known word and no word in the evidence");
            }
            LessonBrief brief = brief(plan.get(), evidence, existing, candidates);
            Authored authored = author(brief, resumed);
            if (authored.failure != null) {
                return authored.failure;
            }
            return commit(state, existing, results, moved, authored);
        }

        private Authored author(LessonBrief brief, Optional<AuthoredDraft> resumed) {
            CurriculumLookup lookup = keys -> ports.curriculum().existingKeys(user, language, keys);
            AuthoredDraft draft;
            if (resumed.isPresent()) {
                draft = resumed.get();
            } else {
                Optional<Failed> late = checkDeadline();
                if (late.isPresent()) {
                    return Authored.failed(late.get());
                }
                draft = ports.author().write(brief, deadline);
                if (!ports.lessonDays().storeDraft(user, token, draft)) {
                    return Authored.failed(new Failed(FailureReason.CLAIM_LOST, "the claim was taken over"));
                }
            }
            DraftCheck check = DraftValidator.validate(draft.draft(), brief.plan(), lookup);
            if (check instanceof DraftCheck.Invalid invalid) {
                LogEvent.of("generation.draft_invalid").with("sessionId", command.sessionId()).with("userId", user)
                        .with("violations", codes(invalid.violations())).with("resumed", resumed.isPresent()).warn(LOG);
                Optional<Failed> late = checkDeadline();
                if (late.isPresent()) {
                    return Authored.failed(late.get());
                }
                AuthoredDraft repaired = ports.author().repair(brief, draft.draft(), invalid.violations(), deadline)
                        .withEarlierUsage(draft.usage());
                if (!ports.lessonDays().storeDraft(user, token, repaired)) {
                    return Authored.failed(new Failed(FailureReason.CLAIM_LOST, "the claim was taken over"));
                }
                check = DraftValidator.validate(repaired.draft(), brief.plan(), lookup);
                if (check instanceof DraftCheck.Invalid still) {
                    return Authored.failed(new Failed(FailureReason.DRAFT_BREAKS_RULES,
                            "after one repair round: " + codes(still.violations())));
                }
                return new Authored(repaired, ((DraftCheck.Valid) check).draft(), 1, resumed.isPresent(), null);
            }
            return new Authored(draft, ((DraftCheck.Valid) check).draft(), 0, resumed.isPresent(), null);
        }

        private Optional<Failed> checkDeadline() {
            return clock.instant().isBefore(deadline) ? Optional.empty()
                    : Optional.of(new Failed(FailureReason.DEADLINE_EXCEEDED, "no time left for the lesson author"));
        }

        private GenerationOutcome commit(LearnerState state, Optional<LessonPackage> existing,
                List<AnalysisResult> results, List<CurriculumEntry> moved, Authored authored) {
            String author = authored.draft.author();
            LessonPackage pkg = existing.map(p -> p.evolve(authored.valid, now, author))
                    .orElseGet(() -> LessonPackage.create(PackageId.of(ids.get()), user, authored.valid, now, author));
            CurriculumChange change = new CurriculumChange(authored.valid.newEntries(today), moved);
            PackageGeneratedEvent event = PackageGeneratedEvent.of(pkg);
            GenerationRecord record = new GenerationRecord(command.sessionId(), author, authored.draft.usage(),
                    settings.prices().estimate(authored.draft.usage()),
                    authored.repairRounds, authored.resumed, authored.valid.plan().reviewWords().size(),
                    change.added().size(), results.size());
            CommitResult result = ports.saver().commit(user, new GenerationCommit(token, today, pkg,
                    existing.map(LessonPackage::version).orElse(0L), state.lastProcessedAt(), newest(results), change,
                    record, event));
            switch (result) {
                case COMMITTED -> committed = true;
                case CLAIM_LOST -> {
                    return new Failed(FailureReason.CLAIM_LOST, "the claim was taken over before the save");
                }
                case STALE_PACKAGE -> {
                    return new Failed(FailureReason.STALE_PACKAGE_VERSION, "the package changed since it was read");
                }
                case STALE_STATE -> {
                    return new Failed(FailureReason.STALE_STATE, "state or curriculum changed since they were read");
                }
            }
            if (!publish(user, event)) {
                return new Failed(FailureReason.PUBLISH_FAILED, "the lesson is saved; its event will be published on retry");
            }
            return new Generated(pkg, existing.isEmpty(), event, record);
        }

        /**
         * The brief: the plan, recent evidence (most recent first) and a bounded sample of known
         * words: the review words, the last lesson's words, then the most due candidates. No extra
         * read: all three are already loaded.
         */
        private LessonBrief brief(LessonPlan plan, Evidence evidence, Optional<LessonPackage> existing,
                List<CurriculumEntry> candidates) {
            Map<WordKey, WordNote> known = new LinkedHashMap<>();
            Set<WordKey> reviewKeys = plan.reviewWords().stream().map(ReviewWord::key).collect(Collectors.toSet());
            candidates.stream().filter(e -> reviewKeys.contains(e.key()))
                    .forEach(e -> known.put(e.key(), noteOf(e)));
            existing.ifPresent(p -> p.notes().words().forEach(note ->
                    WordKey.tryOf(language, note.writing()).ifPresent(k -> known.putIfAbsent(k, note))));
            candidates.forEach(e -> known.putIfAbsent(e.key(), noteOf(e)));
            Optional<LessonBrief.PackageSummary> summary = existing.map(p -> new LessonBrief.PackageSummary(
                    p.name(), p.version(), p.newLesson().title(), p.newLesson().words()));
            return new LessonBrief(plan, reversedTexts(evidence.misses()), reversedTexts(evidence.hits()),
                    reversed(evidence.wordsUsed()), reversed(evidence.feedback()),
                    known.values().stream().limit(Math.max(settings.knownWordSample(), reviewKeys.size())).toList(),
                    summary);
        }
    }

    /** What the author step produced: a valid draft, or the failure that ends the attempt. */
    private record Authored(AuthoredDraft draft, ValidDraft valid, int repairRounds, boolean resumed, Failed failure) {
        static Authored failed(Failed failure) {
            return new Authored(null, null, 0, false, failure);
        }
    }

    private boolean publish(UserId user, PackageGeneratedEvent event) {
        try {
            ports.publisher().publish(event);
        } catch (RuntimeException e) {
            LogEvent.of("event.publish_failed").with("userId", user).with("eventId", event.eventId())
                    .with("errorType", e.getClass().getName()).warn(LOG);
            return false;
        }
        try {
            ports.lessonDays().markPublished(user, event.eventId());
        } catch (RuntimeException e) {
            // The event went out; a retry would only publish it again under the same eventId.
            LogEvent.of("event.mark_published_failed").with("userId", user).with("eventId", event.eventId())
                    .with("errorType", e.getClass().getName()).warn(LOG);
        }
        return true;
    }

    private static String topFrame(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    }

    private static List<CurriculumEntry> merge(List<CurriculumEntry> candidates, List<CurriculumEntry> moved) {
        Map<WordKey, CurriculumEntry> byKey = new LinkedHashMap<>();
        candidates.forEach(e -> byKey.put(e.key(), e));
        moved.forEach(e -> byKey.put(e.key(), e));
        return List.copyOf(byKey.values());
    }

    private static Instant newest(List<AnalysisResult> results) {
        return results.stream().map(AnalysisResult::createdAt).max(Instant::compareTo).orElseThrow();
    }

    private static WordNote noteOf(CurriculumEntry e) {
        return new WordNote(e.writing(), e.pronunciation(), e.meaning());
    }

    private static List<String> reversedTexts(List<WordOutcome> outcomes) {
        return reversed(outcomes.stream().map(WordOutcome::text).toList());
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).distinct().collect(Collectors.joining(","));
    }

    private static FailureReason reasonFor(LessonAuthorException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> FailureReason.AUTHOR_UNAVAILABLE;
            case DEADLINE -> FailureReason.DEADLINE_EXCEEDED;
            case REFUSED -> FailureReason.AUTHOR_REFUSED;
            case TRUNCATED -> FailureReason.AUTHOR_OUTPUT_TRUNCATED;
            case UNPARSEABLE -> FailureReason.AUTHOR_OUTPUT_UNPARSEABLE;
            case REJECTED -> FailureReason.AUTHOR_REJECTED_REQUEST;
        };
    }

    private void logOutcome(GenerateDailyPackageCommand command, GenerationOutcome outcome, Duration took) {
        LogEvent line = LogEvent.of("generation.outcome")
                .with("sessionId", command.sessionId())
                .with("userId", command.userId())
                .with("language", command.language())
                .with("durationMs", took.toMillis());
        switch (outcome) {
            case Generated g -> line.with("outcome", g.created() ? "created" : "updated")
                    .with("packageId", g.lessonPackage().id())
                    .with("packageVersion", g.lessonPackage().version())
                    .with("eventId", g.event().eventId())
                    .with("author", g.record().author())
                    .with("resumed", g.record().resumed())
                    .with("repairRounds", g.record().repairRounds())
                    .with("reviewWords", g.record().reviewWords())
                    .with("newWords", g.record().newWords())
                    .with("resultsConsumed", g.record().resultsConsumed())
                    .with("authorCalls", g.record().usage().calls())
                    .with("promptTokens", g.record().usage().promptTokens())
                    .with("cachedTokens", g.record().usage().cachedTokens())
                    .with("completionTokens", g.record().usage().completionTokens())
                    .with("estimatedCostUsd", Math.round(g.record().estimatedCostUsd() * 1e6) / 1e6)
                    .info(LOG);
            case Skipped s -> line.with("outcome", "skipped").with("reason", s.reason()).info(LOG);
            case Failed f -> line.with("outcome", "failed").with("reason", f.reason())
                    .with("retryable", f.retryable()).warn(LOG);
        }
    }

}

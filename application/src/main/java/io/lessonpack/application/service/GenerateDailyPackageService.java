package io.lessonpack.application.service;

import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.out.CommitResult;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.application.service.AnalysisIntake.Intake;
import io.lessonpack.application.service.DayGate.Admission;
import io.lessonpack.application.service.DayGate.DayHold;
import io.lessonpack.application.service.DraftAuthoring.Authoring;
import io.lessonpack.application.service.LessonPlanning.PlannedLesson;
import io.lessonpack.application.time.CallDeadline;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.memory.Fsrs;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Produces today's package for one voice session. The story, step by step:
 * <ol>
 *   <li><b>admit</b> ({@link DayGate}): skip a session that already produced its lesson or a learner
 *       who had today's lesson, defer when there is no time for the author, else hold the day;</li>
 *   <li><b>load</b> the learner's state and package, and the analysis since the last lesson
 *       ({@link AnalysisIntake}: wait, bounded, for the session's own); a package the original
 *       service wrote brings its words into the curriculum first ({@link PackageAdoption});</li>
 *   <li><b>plan</b>: bring the evidence into the curriculum ({@link EvidenceRecording}: tested and used
 *       words enter it, known ones move their memory, with the learner's own memory model), then
 *       choose the review openers and the new-word count ({@link LessonPlanning});</li>
 *   <li><b>author</b> ({@link BriefBuilder}, {@link DraftAuthoring}): a bounded brief, then a valid
 *       draft, checkpointed under the claim and repaired once if needed;</li>
 *   <li><b>commit</b> package, state, lesson day, curriculum, run record and event together, then
 *       publish the event ({@link PendingEventRelay});</li>
 *   <li><b>learn</b>: refit the learner's memory-model parameters when enough new evidence arrived
 *       ({@link ParameterRefit}).</li>
 * </ol>
 * Every exit without a commit releases the day. The network calls of driven adapters are bounded
 * by {@code deadline} ({@link CallDeadline}); {@link #create} adds the outcome log and the
 * classification of exceptions ({@link LoggedGeneration}).
 */
public final class GenerateDailyPackageService implements GenerateDailyPackageUseCase {

    private final GenerationPorts ports;
    private final GenerationSettings settings;
    private final Clock clock;
    private final Supplier<String> ids;
    private final DayGate gate;
    private final AnalysisIntake intake;
    private final LessonPlanning planning;
    private final BriefBuilder briefs;
    private final DraftAuthoring authoring;
    private final PendingEventRelay relay;
    private final PackageAdoption adoption;
    private final EvidenceRecording evidence;
    private final ParameterRefit refit;
    private final Fsrs defaultFsrs;
    private final ProgressReport progress;

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
        this.relay = new PendingEventRelay(ports.publisher(), ports.outbox());
        this.progress = new ProgressReport(ports.progress(), clock);
        this.gate = new DayGate(ports.lessonDays(), ports.claims(), relay, settings, ids, progress);
        this.intake = new AnalysisIntake(ports.analysisResults(), settings);
        this.adoption = new PackageAdoption(ports.curriculum(), ports.saver());
        this.defaultFsrs = Objects.requireNonNull(fsrs, "fsrs");
        this.evidence = new EvidenceRecording(ports.curriculum(), ports.saver(), settings);
        this.planning = new LessonPlanning(ports.curriculum(), settings);
        this.refit = new ParameterRefit(ports.curriculum(), ports.saver(), settings.memoryFitting(), clock);
        this.briefs = new BriefBuilder(settings);
        this.authoring = new DraftAuthoring(ports.author(), ports.drafts(), ports.curriculum(), settings.timeBudget(),
                clock, progress);
    }

    /**
     * The use case as a service runs it: this story inside {@link LoggedGeneration}, so every call
     * ends in an outcome and one {@code generation.outcome} log line.
     *
     * <pre>{@code
     * GenerateDailyPackageUseCase useCase = GenerateDailyPackageService.create(ports, GenerationSettings.defaults(),
     *         Fsrs.withDefaults(), Clock.systemUTC(), () -> UUID.randomUUID().toString());
     * }</pre>
     */
    public static GenerateDailyPackageUseCase create(GenerationPorts ports, GenerationSettings settings, Fsrs fsrs,
            Clock clock, Supplier<String> ids) {
        return new LoggedGeneration(new GenerateDailyPackageService(ports, settings, fsrs, clock, ids), clock,
                ports.progress());
    }

    @Override
    public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(deadline, "deadline");
        return CallDeadline.within(deadline, () -> {
            Instant now = clock.instant();
            return switch (gate.admit(command, now, deadline)) {
                case Admission.Refused refused -> refused.outcome();
                case Admission.Admitted admitted -> new Attempt(command, admitted.hold(), now, deadline).run();
            };
        });
    }

    /** One attempt that holds the day; it commits a lesson or releases the day. */
    private final class Attempt {
        private final GenerateDailyPackageCommand command;
        private final DayHold hold;
        private final Instant now;
        private final Instant deadline;
        private boolean committed;

        Attempt(GenerateDailyPackageCommand command, DayHold hold, Instant now, Instant deadline) {
            this.command = command;
            this.hold = hold;
            this.now = now;
            this.deadline = deadline;
        }

        GenerationOutcome run() {
            try {
                return lesson();
            } finally {
                // Read here, not after lesson() returns: a port failing after the commit must not
                // make a committed attempt release (harmless, as the commit cleared the claim, but wrong).
                if (!committed) {
                    gate.release(hold, clock.instant());
                }
            }
        }

        private GenerationOutcome lesson() {
            LearnerState state = ports.learnerStates().loadLearnerState(command.userId(), command.language());
            StoredPackage existing = state.packageId().flatMap(ports.packages()::loadPackage)
                    .or(() -> ports.packages().findPackage(command.userId(), command.language())).orElse(null);
            Intake analysis = intake.read(command, state, now);
            if (analysis instanceof Intake.Awaiting) {
                return new Failed(FailureReason.AWAITING_ANALYSIS, "the session's analysis has not landed yet");
            }
            if (analysis instanceof Intake.NothingNew nothing) {
                nothing.progress().ifPresent(progress -> ports.saver().recordAnalysisProgress(command.userId(),
                        command.language(), state.analysisVersion(), progress));
                return new Skipped(SkipReason.NO_NEW_ANALYSIS, "no analysis result for this language since the last lesson");
            }
            Intake.Ready ready = (Intake.Ready) analysis;
            progress.step(command, ProgressStep.Kind.ANALYSIS_READ, ready.consumed().size() + " result(s)");
            adoption.adoptWords(command, existing, hold.day());
            Fsrs fsrs = state.memoryModel().fsrs(defaultFsrs);
            EvidenceRecording.Recorded recorded = evidence.record(command, ready.memoryEvidence(), fsrs, hold.day());
            Optional<PlannedLesson> planned = planning.plan(command, recorded, ready.lessonEvidence(), hold.day(), fsrs);
            if (planned.isEmpty()) {
                return new Skipped(SkipReason.NOTHING_TO_REVIEW, "no known word and no word in the evidence");
            }
            LessonBrief brief = briefs.brief(planned.get(), ready.lessonEvidence(), existing);
            return switch (authoring.author(command, hold, brief, deadline)) {
                case Authoring.Failed failed -> failed.failure();
                case Authoring.Written written -> commit(state, existing, ready, recorded, planned.get(), written);
            };
        }

        /** Saves the lesson; {@code existing} is the learner's package, null when they have none yet. */
        private GenerationOutcome commit(LearnerState state, StoredPackage existing, Intake.Ready analysis,
                EvidenceRecording.Recorded recorded, PlannedLesson planned, Authoring.Written written) {
            String author = written.draft().author();
            LessonPackage pkg = existing != null ? existing.next(written.valid(), now, author)
                    : LessonPackage.create(PackageId.of(ids.get()), command.userId(), written.valid(), now, author);
            CurriculumChange change = new CurriculumChange(written.valid().newEntries(hold.day()),
                    planned.memoryUpdates());
            PackageGeneratedEvent event = PackageGeneratedEvent.of(pkg, existing != null);
            GenerationRecord record = new GenerationRecord(command.sessionId(), author, written.draft().usage(),
                    settings.prices().estimate(written.draft().usage()), written.repairRounds(), written.resumed(),
                    planned.plan().reviewWords().size(), change.added().size(), analysis.consumed().size(),
                    recorded.wordsWithEvidence(), recorded.added().size());
            CommitResult result = ports.saver().commit(command.userId(), new GenerationCommit(hold.token(), hold.day(),
                    pkg, existing == null ? 0L : existing.version(), state.analysisVersion(), analysis.progress(),
                    change, record, event, recorded.outcomesRecorded()));
            switch (result) {
                case COMMITTED -> {
                    committed = true;
                    progress.step(command, ProgressStep.Kind.COMMITTED, event.eventId());
                }
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
            if (!relay.relay(command.userId(), event)) {
                return new Failed(FailureReason.PUBLISH_FAILED, "the lesson is saved; its event will be published on retry");
            }
            progress.step(command, ProgressStep.Kind.PUBLISHED, event.eventId());
            refit.afterLesson(command, state.memoryModel().withOutcomes(recorded.outcomesRecorded()), hold.day(),
                    deadline);
            return new Generated(pkg, existing == null, event, record);
        }
    }
}

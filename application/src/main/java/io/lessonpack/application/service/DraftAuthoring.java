package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.DraftCheckpointPort;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.lesson.DraftCheck;
import io.lessonpack.domain.lesson.DraftValidator;
import io.lessonpack.domain.lesson.ValidDraft;
import io.lessonpack.domain.lesson.Violation;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gets a valid draft for the brief, paying for each answer at most once: a draft an earlier attempt
 * of the session stored is resumed instead of asking the author again; a new answer is stored under
 * the claim (the checkpoint) before anything else is done with it; a draft that breaks a rule gets
 * one repair round, itself checkpointed.
 *
 * <p>Every author call gets its budget from {@link TimeBudget}; when not even the minimum is left no
 * request is made and the session is deferred ({@code DEFERRED_FOR_TIME}), to be resumed soon from
 * its checkpoint. Drafts are validated against the domain's rules and, for duplicates, the whole
 * curriculum through point look-ups.
 */
final class DraftAuthoring {

    private static final Logger LOG = System.getLogger(DraftAuthoring.class.getName());

    private final LessonAuthorPort author;
    private final DraftCheckpointPort checkpoint;
    private final LoadCurriculumPort curriculum;
    private final TimeBudget timeBudget;
    private final Clock clock;
    private final ProgressReport progress;

    DraftAuthoring(LessonAuthorPort author, DraftCheckpointPort checkpoint, LoadCurriculumPort curriculum,
            TimeBudget timeBudget, Clock clock, ProgressReport progress) {
        this.author = Objects.requireNonNull(author, "author");
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.timeBudget = Objects.requireNonNull(timeBudget, "timeBudget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** What authoring achieved: a valid draft, or the failure that ends the attempt. */
    sealed interface Authoring {

        /**
         * @param repairRounds 0, or 1 when the draft was repaired
         * @param resumed      whether the draft came from an earlier attempt's checkpoint
         */
        record Written(AuthoredDraft draft, ValidDraft valid, int repairRounds, boolean resumed) implements Authoring {
        }

        record Failed(GenerationOutcome.Failed failure) implements Authoring {
        }
    }

    Authoring author(GenerateDailyPackageCommand command, DayGate.DayHold hold, LessonBrief brief, Instant deadline) {
        try {
            return authorChecked(command, hold, brief, deadline);
        } catch (LessonAuthorException e) {
            return failed(reasonFor(e.kind()), "the lesson author failed: " + e.kind());
        }
    }

    private Authoring authorChecked(GenerateDailyPackageCommand command, DayGate.DayHold hold, LessonBrief brief,
            Instant deadline) {
        CurriculumLookup lookup = keys -> curriculum.existingKeys(command.userId(), command.language(), keys);
        boolean resumed = hold.resumedDraft().isPresent();
        AuthoredDraft draft;
        if (resumed) {
            draft = hold.resumedDraft().get();
            progress.step(command, ProgressStep.Kind.AUTHOR_ANSWERED, "resumed a stored draft");
        } else {
            Optional<AuthorBudget> budget = timeBudget.forAuthor(clock.instant(), deadline);
            if (budget.isEmpty()) {
                return failed(FailureReason.DEFERRED_FOR_TIME, "too little time left to start the lesson author");
            }
            progress.step(command, ProgressStep.Kind.AUTHOR_STARTED, draft(brief));
            draft = author.write(brief, budget.get());
            progress.step(command, ProgressStep.Kind.AUTHOR_ANSWERED, draft.author());
            if (!checkpoint.storeDraft(command.userId(), hold.token(), draft)) {
                return failed(FailureReason.CLAIM_LOST, "the claim was taken over");
            }
        }
        DraftCheck check = DraftValidator.validate(draft.draft(), brief.plan(), lookup);
        if (check instanceof DraftCheck.Valid valid) {
            return new Authoring.Written(draft, valid.draft(), 0, resumed);
        }
        List<Violation> violations = ((DraftCheck.Invalid) check).violations();
        LogEvent.of("generation.draft_invalid").with("sessionId", command.sessionId()).with("userId", command.userId())
                .with("violations", codes(violations)).with("resumed", resumed).warn(LOG);
        Optional<AuthorBudget> budget = timeBudget.forAuthor(clock.instant(), deadline);
        if (budget.isEmpty()) {
            return failed(FailureReason.DEFERRED_FOR_TIME, "too little time left to repair the stored draft");
        }
        progress.step(command, ProgressStep.Kind.DRAFT_REPAIRED, codes(violations));
        AuthoredDraft repaired = author.repair(brief, draft.draft(), violations, budget.get())
                .withEarlierUsage(draft.usage());
        progress.step(command, ProgressStep.Kind.AUTHOR_ANSWERED, repaired.author() + ", repaired");
        if (!checkpoint.storeDraft(command.userId(), hold.token(), repaired)) {
            return failed(FailureReason.CLAIM_LOST, "the claim was taken over");
        }
        check = DraftValidator.validate(repaired.draft(), brief.plan(), lookup);
        if (check instanceof DraftCheck.Invalid still) {
            return failed(FailureReason.DRAFT_BREAKS_RULES, "after one repair round: " + codes(still.violations()));
        }
        return new Authoring.Written(repaired, ((DraftCheck.Valid) check).draft(), 1, resumed);
    }

    /** What the author is asked for, in figures. */
    private static String draft(LessonBrief brief) {
        return brief.plan().reviewWords().size() + " review(s), " + brief.plan().newWords().requested() + " new words";
    }

    private static Authoring failed(FailureReason reason, String detail) {
        return new Authoring.Failed(new GenerationOutcome.Failed(reason, detail));
    }

    private static String codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).distinct().collect(Collectors.joining(","));
    }

    private static FailureReason reasonFor(LessonAuthorException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> FailureReason.AUTHOR_UNAVAILABLE;
            case DEADLINE -> FailureReason.DEADLINE_EXCEEDED;
            case NO_TIME -> FailureReason.DEFERRED_FOR_TIME;
            case REFUSED -> FailureReason.AUTHOR_REFUSED;
            case TRUNCATED -> FailureReason.AUTHOR_OUTPUT_TRUNCATED;
            case UNPARSEABLE -> FailureReason.AUTHOR_OUTPUT_UNPARSEABLE;
            case REJECTED -> FailureReason.AUTHOR_REJECTED_REQUEST;
        };
    }
}

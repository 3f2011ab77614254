package io.lessonpack.application.service;

import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimLessonDayPort;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.port.out.LoadLessonDayPort;
import io.lessonpack.domain.daily.DailyLessonRule;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The way into today's lesson: decides, from one read of the learner's lesson day, whether a session
 * may write it, and if so holds the day for that session with a conditional write before anything
 * is paid for. In order:
 * <ol>
 *   <li>an event a crashed attempt saved but never published is published first;</li>
 *   <li>a session that already produced its lesson is skipped ({@code ALREADY_PROCESSED}), and so is
 *       a learner who had today's lesson in any language (the daily rule);</li>
 *   <li>when the time left cannot give the lesson author its minimum, nothing is claimed and the
 *       session is deferred ({@code DEFERRED_FOR_TIME}), to be retried in seconds;</li>
 *   <li>the day is claimed; a claim held by another live attempt fails retryably. The claim's lease
 *       ends a margin after the attempt's deadline, so a claim whose attempt died is free again soon
 *       after that attempt would have had to end.</li>
 * </ol>
 */
final class DayGate {

    private final LoadLessonDayPort days;
    private final ClaimLessonDayPort claims;
    private final PendingEventRelay relay;
    private final GenerationSettings settings;
    private final Supplier<String> ids;
    private final ProgressReport progress;

    DayGate(LoadLessonDayPort days, ClaimLessonDayPort claims, PendingEventRelay relay, GenerationSettings settings,
            Supplier<String> ids,
            ProgressReport progress) {
        this.days = Objects.requireNonNull(days, "days");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** What the gate decided: the session may not go on (and why), or it holds the day. */
    sealed interface Admission {

        /** The session ends here with {@code outcome}; nothing is held. */
        record Refused(GenerationOutcome outcome) implements Admission {
        }

        /** The day is held for the session; the holder commits or releases it. */
        record Admitted(DayHold hold) implements Admission {
        }
    }

    /** A day held for one attempt, and the draft an earlier attempt of the same session left. */
    static final class DayHold {
        private final UserId user;
        private final LessonDay day;
        private final String token;
        private final AuthoredDraft resumedDraft;

        DayHold(UserId user, LessonDay day, String token, AuthoredDraft resumedDraft) {
            this.user = user;
            this.day = day;
            this.token = token;
            this.resumedDraft = resumedDraft;
        }

        UserId user() {
            return user;
        }

        LessonDay day() {
            return day;
        }

        /** The attempt's claim token: every later write of the attempt is conditional on it. */
        String token() {
            return token;
        }

        /** The draft an earlier attempt of this session stored before it failed, to resume without the author. */
        Optional<AuthoredDraft> resumedDraft() {
            return Optional.ofNullable(resumedDraft);
        }
    }

    Admission admit(GenerateDailyPackageCommand command, Instant now, Instant deadline) {
        UserId user = command.userId();
        LessonDay today = LessonDay.of(now);
        LessonDayStatus status = days.status(user, command.sessionId());
        for (PackageGeneratedEvent event : status.unpublishedEvents()) {
            if (!relay.relay(user, event)) {
                return refused(new Failed(FailureReason.PUBLISH_FAILED, "an earlier lesson's event is still unpublished"));
            }
        }
        if (status.sessionAlreadyGenerated()) {
            return refused(new Skipped(SkipReason.ALREADY_PROCESSED, "this session already produced its lesson"));
        }
        if (!DailyLessonRule.allowsLesson(status.lastLesson(), today)) {
            return refused(new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY,
                    "last lesson on " + status.lastLesson()));
        }
        if (settings.timeBudget().forAuthor(now, deadline).isEmpty()) {
            return refused(new Failed(FailureReason.DEFERRED_FOR_TIME,
                    "less than the lesson author's minimum time is left; nothing was claimed"));
        }
        String token = ids.get();
        ClaimResult claim = claims.claim(new DayClaim(user, today, command.sessionId(), command.language(), token, now,
                deadline.plus(settings.claimLeaseMargin())));
        return switch (claim) {
            case ClaimResult.AlreadyHadLesson a ->
                    refused(new Skipped(SkipReason.ALREADY_HAD_LESSON_TODAY, "another session saved today's lesson first"));
            case ClaimResult.HeldByAnother h -> refused(h.sameSession()
                    ? new Failed(FailureReason.DUPLICATE_IN_PROGRESS, "another delivery of this session is in progress")
                    : new Failed(FailureReason.OTHER_SESSION_IN_PROGRESS, "another session is producing today's lesson"));
            case ClaimResult.Claimed c -> {
                progress.step(command, ProgressStep.Kind.DAY_CLAIMED, today.toString());
                yield new Admission.Admitted(new DayHold(user, today, token, c.draft()));
            }
        };
    }

    /** Lets go of a day whose attempt ended without a lesson, so a retry may claim it at once. */
    void release(DayHold hold, Instant now) {
        claims.release(hold.user(), hold.token(), now);
    }

    private static Admission refused(GenerationOutcome outcome) {
        return new Admission.Refused(outcome);
    }
}

package io.lessonpack.application.service;

import io.lessonpack.application.logging.GenerationOutcomeLog;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.port.out.StorageUnavailableException;
import io.lessonpack.application.port.out.UnreadablePackageException;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The observable envelope of a generation: whatever the use case inside does, the caller gets an
 * outcome (a storage failure becomes {@code STORAGE_UNAVAILABLE}, a package item that cannot be read
 * {@code PACKAGE_UNREADABLE}, logged with its id, anything unexpected
 * {@code UNEXPECTED}, logged by type and top frame, never by message) and operators get exactly one
 * {@code generation.outcome} line per call, with ids, figures and reason codes, never learner text,
 * and the outcome metrics it carries ({@link GenerationOutcomeLog}), timestamped on {@code clock}.
 *
 * <pre>{@code
 * GenerateDailyPackageUseCase useCase = new LoggedGeneration(new GenerateDailyPackageService(...), clock);
 * }</pre>
 */
public final class LoggedGeneration implements GenerateDailyPackageUseCase {

    private static final Logger LOG = System.getLogger(LoggedGeneration.class.getName());

    private final GenerateDailyPackageUseCase inner;
    private final Clock clock;
    private final ProgressReport progress;

    public LoggedGeneration(GenerateDailyPackageUseCase inner, Clock clock) {
        this(inner, clock, GenerationProgressPort.none());
    }

    /** @param progress also hears when a generation starts and how it ends without a lesson */
    public LoggedGeneration(GenerateDailyPackageUseCase inner, Clock clock, GenerationProgressPort progress) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = new ProgressReport(progress, clock);
    }

    @Override
    public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
        Instant started = clock.instant();
        progress.step(command, ProgressStep.Kind.RECEIVED, "");
        GenerationOutcome outcome;
        try {
            outcome = inner.generate(command, deadline);
        } catch (StorageUnavailableException e) {
            LogEvent.of("generation.storage_unavailable").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("errorType", e.getClass().getName())
                    .with("operation", e.getMessage()).warn(LOG);
            outcome = new Failed(FailureReason.STORAGE_UNAVAILABLE, "a storage port failed: " + e.getClass().getSimpleName());
        } catch (UnreadablePackageException e) {
            LogEvent.of("generation.package_unreadable").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("language", command.language())
                    .with("packageId", e.packageId()).with("fault", e.getMessage()).error(LOG);
            outcome = new Failed(FailureReason.PACKAGE_UNREADABLE, "package " + e.packageId() + " cannot be read");
        } catch (RuntimeException e) {
            // Never the message: an unknown exception's text may hold anything, learner text included.
            LogEvent.of("generation.unexpected_error").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("errorType", e.getClass().getName())
                    .with("at", topFrame(e)).error(LOG);
            outcome = new Failed(FailureReason.UNEXPECTED, "unexpected " + e.getClass().getSimpleName());
        }
        switch (outcome) {
            case GenerationOutcome.Skipped s -> progress.step(command, ProgressStep.Kind.SKIPPED, s.reason().name());
            case Failed f -> progress.step(command, ProgressStep.Kind.FAILED, f.reason().name());
            case GenerationOutcome.Generated g -> {
                // Its steps end with COMMITTED and PUBLISHED, told by the story itself.
            }
        }
        Instant finished = clock.instant();
        GenerationOutcomeLog.write(command, outcome, Duration.between(started, finished), finished, Map.of());
        return outcome;
    }

    private static String topFrame(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    }
}

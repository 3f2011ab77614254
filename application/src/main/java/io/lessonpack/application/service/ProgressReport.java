package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.ProgressStep;
import java.lang.System.Logger;
import java.time.Clock;
import java.util.Objects;

/**
 * Tells the generation's {@link GenerationProgressPort} each step, timestamped on the service's
 * clock. A listener that throws is logged and ignored: watching a lesson must never break it.
 */
final class ProgressReport {

    private static final Logger LOG = System.getLogger(ProgressReport.class.getName());

    private final GenerationProgressPort listener;
    private final Clock clock;

    ProgressReport(GenerationProgressPort listener, Clock clock) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void step(GenerateDailyPackageCommand command, ProgressStep.Kind kind, String detail) {
        try {
            listener.step(new ProgressStep(command.sessionId(), command.userId(), command.language(), kind, detail,
                    clock.instant()));
        } catch (RuntimeException e) {
            LogEvent.of("progress.listener_failed").with("sessionId", command.sessionId()).with("step", kind)
                    .with("errorType", e.getClass().getName()).warn(LOG);
        }
    }
}

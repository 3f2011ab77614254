package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps the use case the queue side calls for each message: binds the learner's {@link Lane} of the
 * running invocation to the thread for the span of the attempt and does nothing else, so the
 * outcome is the real use case's. Outside an invocation of the soak it only delegates.
 */
final class LaneBinding implements GenerateDailyPackageUseCase {

    private final GenerateDailyPackageUseCase inner;
    private final Supplier<Invocation> running;

    LaneBinding(GenerateDailyPackageUseCase inner, Supplier<Invocation> running) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.running = Objects.requireNonNull(running, "running");
    }

    @Override
    public GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline) {
        Invocation invocation = running.get();
        if (invocation == null) {
            return inner.generate(command, deadline);
        }
        Lane lane = invocation.lane(command.userId().value());
        lane.beginAttempt(command.sessionId().value(), command.language().code());
        Lanes.bind(lane);
        try {
            return inner.generate(command, deadline);
        } finally {
            Lanes.unbind();
            lane.endAttempt();
        }
    }
}

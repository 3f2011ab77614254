package io.lessonpack.application.port.in;

import java.time.Instant;

/**
 * Turns one finished voice session into today's package for that learner and language, or says
 * why not. At most one lesson per learner per UTC day; safe to call again with the same session
 * (a retry finishes unfinished work and never writes a second lesson).
 *
 * <pre>{@code
 * GenerationOutcome outcome = useCase.generate(command, clock.instant().plusSeconds(50));
 * switch (outcome) {
 *     case Generated g -> show(g.lessonPackage());
 *     case Skipped s -> log(s.reason());
 *     case Failed f -> retryLater(f.retryable());
 * }
 * }</pre>
 */
public interface GenerateDailyPackageUseCase {

    /**
     * Processes one session.
     *
     * @param deadline the instant by which the work must be done (the lesson author's calls are
     *                 bounded by it); work that cannot finish in time fails retryably
     */
    GenerationOutcome generate(GenerateDailyPackageCommand command, Instant deadline);
}

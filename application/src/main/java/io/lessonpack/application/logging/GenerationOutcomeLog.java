package io.lessonpack.application.logging;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code generation.outcome} line: one per session handled, in one format whoever writes it
 * (the use case's envelope for a generation, the queue side for a message it never attempted).
 * Ids, figures and reason codes only; never learner text.
 */
public final class GenerationOutcomeLog {

    private static final Logger LOG = System.getLogger(GenerationOutcomeLog.class.getName());

    private GenerationOutcomeLog() {
    }

    /**
     * Writes the {@code generation.outcome} line of {@code outcome}. A driving adapter calls it for an
     * outcome it decided without running a generation (a queue message reported failed because an
     * earlier message of its group failed), so that every message has its line, in one format.
     *
     * @param extra fields to add, such as the queue message's id; ids and codes only
     */
    public static void write(GenerateDailyPackageCommand command, GenerationOutcome outcome, Duration took,
            Map<String, Object> extra) {
        LogEvent line = LogEvent.of("generation.outcome")
                .with("sessionId", command.sessionId())
                .with("userId", command.userId())
                .with("language", command.language())
                .with("durationMs", took.toMillis());
        extra.forEach(line::with);
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

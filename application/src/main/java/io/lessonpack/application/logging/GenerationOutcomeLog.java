package io.lessonpack.application.logging;

import io.lessonpack.application.logging.EmbeddedMetrics.DimensionSet;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.out.AuthorUsage;
import java.lang.System.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code generation.outcome} line: one per session handled, in one format whoever writes it
 * (the use case's envelope for a generation, the queue side for a message it never attempted).
 * Ids, figures and reason codes only; never learner text.
 *
 * <p>The line carries lessonpack's outcome metrics ({@link EmbeddedMetrics}), so that every message
 * counts exactly once, in the line that already reports it. Their names are the line's own field
 * names, so a metric and the Logs Insights field that holds it are spelled alike; their dimensions
 * are the line's {@code outcome} and {@code reason} codes, never an id:
 * <ul>
 *   <li>a lesson: {@value #LESSONS} = 1 (total and by {@code outcome}: created, updated),
 *       {@value #DURATION} (by {@code outcome}), and, in total, {@value #AUTHOR_CALLS},
 *       {@value #PROMPT_TOKENS}, {@value #CACHED_TOKENS}, {@value #COMPLETION_TOKENS} and
 *       {@value #ESTIMATED_COST_USD} (zero for a lesson resumed from a stored draft);</li>
 *   <li>a skip: {@value #SKIPS} = 1 (total and by {@code reason}), {@value #DURATION};</li>
 *   <li>a failure: {@value #FAILURES} = 1 (total and by {@code reason}), {@value #DURATION}, and,
 *       when {@linkplain #learnerVisible(FailureReason) the learner notices it},
 *       {@value #LEARNER_VISIBLE_FAILURES} = 1 (total and by {@code reason}). A message never
 *       attempted ({@code EARLIER_MESSAGE_FAILED}) counts as a failure without a duration.</li>
 * </ul>
 */
public final class GenerationOutcomeLog {

    /** Metric: 1 per message that produced a lesson (Count; total and by {@code outcome}). */
    public static final String LESSONS = "lessons";
    /** Metric: 1 per message skipped by the rules (Count; total and by {@code reason}). */
    public static final String SKIPS = "skips";
    /** Metric: 1 per message that failed, whatever the reason (Count; total and by {@code reason}). */
    public static final String FAILURES = "failures";
    /** Metric: 1 per {@linkplain #learnerVisible(FailureReason) learner-visible} failure (Count; total and by {@code reason}). */
    public static final String LEARNER_VISIBLE_FAILURES = "learnerVisibleFailures";
    /** Metric: how long the generation took (Milliseconds; by {@code outcome}). */
    public static final String DURATION = "durationMs";
    /** Metric: requests sent to the model for a lesson (Count; total). */
    public static final String AUTHOR_CALLS = "authorCalls";
    /** Metric: input tokens of a lesson, cached ones included (Count; total). */
    public static final String PROMPT_TOKENS = "promptTokens";
    /** Metric: input tokens of a lesson served from the prompt cache (Count; total). */
    public static final String CACHED_TOKENS = "cachedTokens";
    /** Metric: output tokens of a lesson (Count; total). */
    public static final String COMPLETION_TOKENS = "completionTokens";
    /** Metric: the estimated cost of a lesson's model calls in US dollars (None; total). */
    public static final String ESTIMATED_COST_USD = "estimatedCostUsd";

    /** The line's field that is the {@code outcome} dimension. */
    public static final String OUTCOME = "outcome";
    /** The line's field that is the {@code reason} dimension. */
    public static final String REASON = "reason";

    private static final Logger LOG = System.getLogger(GenerationOutcomeLog.class.getName());
    private static final DimensionSet BY_OUTCOME = DimensionSet.of(OUTCOME);
    private static final DimensionSet BY_REASON = DimensionSet.of(REASON);

    private GenerationOutcomeLog() {
    }

    /**
     * Whether a failure is one the learner notices: their lesson comes at least the queue's
     * visibility timeout (6 minutes) late, or not at all. That is every failure except those only
     * for time ({@link FailureReason#retrySoon()}: waiting for the analysis, no time left for the
     * author, another attempt in progress, which come back in seconds) and
     * {@link FailureReason#EARLIER_MESSAGE_FAILED} (a message never attempted because an earlier one
     * of its group failed: that failure is already counted, and with one message group per learner
     * it is the same learner's).
     */
    public static boolean learnerVisible(FailureReason reason) {
        return !reason.retrySoon() && reason != FailureReason.EARLIER_MESSAGE_FAILED;
    }

    /**
     * Writes the {@code generation.outcome} line of {@code outcome}, with its metrics. A driving
     * adapter calls it for an outcome it decided without running a generation (a queue message
     * reported failed because an earlier message of its group failed), so that every message has
     * its line, in one format.
     *
     * @param took       how long the generation took ({@link Duration#ZERO} when none ran)
     * @param finishedAt when the outcome was decided, on the caller's clock: the metrics' timestamp
     * @param extra      fields to add, such as the queue message's id; ids and codes only
     */
    public static void write(GenerateDailyPackageCommand command, GenerationOutcome outcome, Duration took,
            Instant finishedAt, Map<String, Object> extra) {
        EmbeddedMetrics metrics = EmbeddedMetrics.at(finishedAt);
        LogEvent line = LogEvent.of("generation.outcome")
                .with("sessionId", command.sessionId())
                .with("userId", command.userId())
                .with("language", command.language())
                .with(DURATION, took.toMillis());
        extra.forEach(line::with);
        switch (outcome) {
            case Generated g -> {
                AuthorUsage usage = g.record().usage();
                double costUsd = Math.round(g.record().estimatedCostUsd() * 1e6) / 1e6;
                // The metrics name fields the line has anyway: with metrics switched off, it is unchanged.
                line.with(OUTCOME, g.created() ? "created" : "updated")
                        .with("packageId", g.lessonPackage().id())
                        .with("packageVersion", g.lessonPackage().version())
                        .with("eventId", g.event().eventId())
                        .with("author", g.record().author())
                        .with("resumed", g.record().resumed())
                        .with("repairRounds", g.record().repairRounds())
                        .with("reviewWords", g.record().reviewWords())
                        .with("newWords", g.record().newWords())
                        .with("resultsConsumed", g.record().resultsConsumed())
                        .with("wordsWithEvidence", g.record().wordsWithEvidence())
                        .with("wordsAdded", g.record().wordsAdded())
                        .with(AUTHOR_CALLS, usage.calls())
                        .with(PROMPT_TOKENS, usage.promptTokens())
                        .with(CACHED_TOKENS, usage.cachedTokens())
                        .with(COMPLETION_TOKENS, usage.completionTokens())
                        .with(ESTIMATED_COST_USD, costUsd)
                        .metrics(metrics.count(LESSONS, 1, DimensionSet.TOTAL, BY_OUTCOME)
                                .milliseconds(DURATION, took.toMillis(), BY_OUTCOME)
                                .count(AUTHOR_CALLS, usage.calls(), DimensionSet.TOTAL)
                                .count(PROMPT_TOKENS, usage.promptTokens(), DimensionSet.TOTAL)
                                .count(CACHED_TOKENS, usage.cachedTokens(), DimensionSet.TOTAL)
                                .count(COMPLETION_TOKENS, usage.completionTokens(), DimensionSet.TOTAL)
                                .metric(ESTIMATED_COST_USD, EmbeddedMetrics.Unit.NONE, costUsd, DimensionSet.TOTAL))
                        .info(LOG);
            }
            case Skipped s -> line.with(OUTCOME, "skipped").with(REASON, s.reason())
                    .metrics(metrics.count(SKIPS, 1, DimensionSet.TOTAL, BY_REASON)
                            .milliseconds(DURATION, took.toMillis(), BY_OUTCOME))
                    .info(LOG);
            case Failed f -> {
                metrics.count(FAILURES, 1, DimensionSet.TOTAL, BY_REASON);
                if (learnerVisible(f.reason())) {
                    metrics.count(LEARNER_VISIBLE_FAILURES, 1, DimensionSet.TOTAL, BY_REASON);
                }
                if (f.reason() != FailureReason.EARLIER_MESSAGE_FAILED) {
                    metrics.milliseconds(DURATION, took.toMillis(), BY_OUTCOME);
                }
                line.with(OUTCOME, "failed").with(REASON, f.reason()).with("retryable", f.retryable())
                        .metrics(metrics).warn(LOG);
            }
        }
    }
}

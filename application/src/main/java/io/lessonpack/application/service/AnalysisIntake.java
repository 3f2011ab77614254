package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.AnalysisPage;
import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.StoredAnalysis;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.evidence.Evidence;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the analysis results a lesson is built from, trusting neither their times nor their
 * volume, and decides whether to build now or to wait for the session's own analysis.
 *
 * <p>One bounded read per message, newest first, over a window from a look-back before the
 * learner's watermark to a little after now ({@link AnalysisReading}):
 * <ul>
 *   <li>a result of this language (or of none) not handled before is consumed; the lesson is written
 *       from the most recent ones, the memory model gets the outcomes of all of them up to a bound,
 *       and older ones beyond it are passed over with a log line;</li>
 *   <li>a result the service cannot use (an unknown language tag, an unreadable time) is passed
 *       over once, with a log line naming its analysis id and the reason;</li>
 *   <li>a result of another language is left to that language;</li>
 *   <li>a result dated after now (plus the skew) is not read: it waits until its time.</li>
 * </ul>
 * The watermark moves to the newest result handled, never past now and never back; results handled
 * within the look-back are remembered by key, so a late one is still used and none is used twice.
 * A watermark found in the future (written before this rule) counts as now.
 *
 * <p>Waiting is bounded ({@link GenerationSettings#analysisWait()} after the session ended) and only
 * done when the analysis can arrive: not when the read hit its bound (the session's own result may
 * be beyond it, and consuming what is there brings it closer), and not when the results carry no
 * session ids at all (the analysis service does not write them).
 */
final class AnalysisIntake {

    private static final Logger LOG = System.getLogger(AnalysisIntake.class.getName());

    private final LoadAnalysisResultsPort results;
    private final GenerationSettings settings;

    AnalysisIntake(LoadAnalysisResultsPort results, GenerationSettings settings) {
        this.results = Objects.requireNonNull(results, "results");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** What the intake found. */
    sealed interface Intake {

        /** The session's own analysis has not landed and may still: try again soon. */
        record Awaiting() implements Intake {
        }

        /**
         * Nothing this language can use.
         *
         * @param passedOver records what was passed over; null when that changed nothing
         */
        record NothingNew(AnalysisProgress passedOver) implements Intake {

            /** The progress to record; empty when nothing was passed over. */
            Optional<AnalysisProgress> progress() {
                return Optional.ofNullable(passedOver);
            }
        }

        /**
         * Results to build the lesson from.
         *
         * @param consumed       the results consumed, newest first
         * @param lessonEvidence the evidence of the most recent ones, which the lesson is written from
         * @param memoryEvidence the evidence of all of them, which moves the memory model
         * @param progress       the analysis progress once the lesson is saved
         */
        record Ready(List<AnalysisResult> consumed, Evidence lessonEvidence, Evidence memoryEvidence,
                AnalysisProgress progress) implements Intake {
            public Ready {
                consumed = List.copyOf(consumed);
                Objects.requireNonNull(lessonEvidence, "lessonEvidence");
                Objects.requireNonNull(memoryEvidence, "memoryEvidence");
                Objects.requireNonNull(progress, "progress");
            }
        }
    }

    Intake read(GenerateDailyPackageCommand command, LearnerState state, Instant now) {
        AnalysisReading reading = settings.analysisReading();
        Instant watermark = state.lastProcessedAt().map(w -> w.isAfter(now) ? now : w).orElse(null);
        if (state.lastProcessedAt().filter(now::isBefore).isPresent()) {
            LogEvent.of("analysis.watermark_in_future").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("language", command.language()).warn(LOG);
        }
        Instant to = now.plus(reading.futureSkew());
        AnalysisPage page = results.loadRecent(command.userId(),
                watermark == null ? Instant.EPOCH : watermark.minus(reading.lookBack()), to, reading.readBound());
        List<StoredAnalysis.Usable> fresh = new ArrayList<>();
        List<StoredAnalysis.Unusable> unusable = new ArrayList<>();
        for (StoredAnalysis item : page.items()) {
            if (state.handledAnalyses().containsKey(item.key())) {
                continue;
            }
            switch (item) {
                case StoredAnalysis.Usable u -> {
                    if (u.result().appliesTo(command.language()) && !u.result().createdAt().isAfter(to)) {
                        fresh.add(u);
                    }
                }
                case StoredAnalysis.Unusable x -> unusable.add(x);
            }
        }
        fresh.sort(Comparator.comparing((StoredAnalysis.Usable u) -> u.result().createdAt()).reversed());
        if (shouldWait(command, page, fresh, now)) {
            return new Intake.Awaiting();
        }
        if (!page.complete()) {
            LogEvent.of("analysis.read_bound_reached").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("language", command.language())
                    .with("itemsRead", page.items().size()).warn(LOG);
        }
        List<AnalysisResult> consumed = fresh.stream().limit(reading.memoryResults()).map(StoredAnalysis.Usable::result)
                .toList();
        List<AnalysisResult> overflow = fresh.stream().skip(consumed.size()).map(StoredAnalysis.Usable::result).toList();
        logPassed(command, unusable, overflow);
        Map<String, Instant> handledNow = new LinkedHashMap<>();
        fresh.forEach(u -> handledNow.put(u.key(), u.result().createdAt()));
        unusable.forEach(x -> handledNow.put(x.key(), x.createdAt().orElse(now)));
        Optional<AnalysisProgress> progress = progress(state, watermark, handledNow, now);
        Evidence memory = Evidence.from(command.language(), consumed);
        if (memory.isEmpty()) {
            return new Intake.NothingNew(progress.orElse(null));
        }
        Evidence lesson = Evidence.from(command.language(), consumed.subList(0,
                Math.min(consumed.size(), reading.lessonResults())));
        return new Intake.Ready(consumed, lesson, memory, progress.orElseThrow());
    }

    private boolean shouldWait(GenerateDailyPackageCommand command, AnalysisPage page,
            List<StoredAnalysis.Usable> fresh, Instant now) {
        boolean ownAnalysisSeen = fresh.stream()
                .anyMatch(u -> u.result().sessionId().equals(command.sessionId().value()));
        boolean sessionIdsWritten = fresh.isEmpty() || fresh.stream().anyMatch(u -> !u.result().sessionId().isBlank());
        boolean stillInTime = now.isBefore(command.sessionCreatedAt().plus(settings.analysisWait()));
        return !ownAnalysisSeen && page.complete() && sessionIdsWritten && stillInTime;
    }

    /**
     * The progress after handling {@code handledNow}: the watermark moves to the newest time handled
     * (never past now, never back), and keys are remembered while they are within the look-back.
     * Empty when nothing was handled. {@code watermark} is null when no result was handled before.
     */
    private Optional<AnalysisProgress> progress(LearnerState state, Instant watermark,
            Map<String, Instant> handledNow, Instant now) {
        if (handledNow.isEmpty()) {
            return Optional.empty();
        }
        Instant newest = handledNow.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        Instant moved = newest.isAfter(now) ? now : newest;
        Instant next = watermark != null && watermark.isAfter(moved) ? watermark : moved;
        Instant forgetBefore = next.minus(settings.analysisReading().lookBack());
        Map<String, Instant> handled = new HashMap<>(state.handledAnalyses());
        handled.putAll(handledNow);
        handled.values().removeIf(at -> at.isBefore(forgetBefore));
        int bound = settings.analysisReading().handledBound();
        if (handled.size() > bound) {
            List<Map.Entry<String, Instant>> newestFirst = handled.entrySet().stream()
                    .sorted(Map.Entry.<String, Instant>comparingByValue().reversed()).toList();
            handled = new HashMap<>();
            for (Map.Entry<String, Instant> e : newestFirst.subList(0, bound)) {
                handled.put(e.getKey(), e.getValue());
            }
        }
        return Optional.of(new AnalysisProgress(next, handled));
    }

    private static void logPassed(GenerateDailyPackageCommand command, List<StoredAnalysis.Unusable> unusable,
            List<AnalysisResult> overflow) {
        for (StoredAnalysis.Unusable x : unusable) {
            LogEvent.of("analysis.result_passed").with("sessionId", command.sessionId()).with("userId", command.userId())
                    .with("language", command.language()).with("analysisId", x.analysisId()).with("reason", x.reason())
                    .warn(LOG);
        }
        if (!overflow.isEmpty()) {
            LogEvent.of("analysis.results_over_bound").with("sessionId", command.sessionId())
                    .with("userId", command.userId()).with("language", command.language())
                    .with("passed", overflow.size())
                    .with("newestPassedAnalysisId", overflow.get(0).analysisId())
                    .with("oldestPassedAnalysisId", overflow.get(overflow.size() - 1).analysisId())
                    .with("reason", "more results waited than one lesson consumes; the most recent were used").warn(LOG);
        }
    }
}

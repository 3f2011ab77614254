package io.lessonpack.application.service;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.evidence.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads the analysis results a lesson is built from (those after the learner's
 * {@code lastProcessedAt}, oldest first, a bounded page) and decides whether to build now or to
 * wait for the session's own analysis.
 *
 * <p>Waiting is bounded ({@link GenerationSettings#analysisWait()} after the session ended) and only
 * done when the analysis can arrive: not when a full page shows a backlog (the session's own
 * result may simply be beyond it, and consuming the backlog brings it closer), and not when the
 * results carry no session ids at all (the analysis service does not write them, so the session's
 * own result could never be recognised).
 */
final class AnalysisIntake {

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
         * Nothing this language can use; {@code passed} holds the results read (of other languages,
         * or without evidence), which the watermark moves over so they are not read again.
         */
        record NothingNew(List<AnalysisResult> passed) implements Intake {
            public NothingNew {
                passed = List.copyOf(passed);
            }
        }

        /** Results to build the lesson from, and the evidence they hold for the language. */
        record Ready(List<AnalysisResult> consumed, Evidence evidence) implements Intake {
            public Ready {
                consumed = List.copyOf(consumed);
                Objects.requireNonNull(evidence, "evidence");
            }
        }
    }

    Intake read(GenerateDailyPackageCommand command, LearnerState state, Instant now) {
        List<AnalysisResult> page = results.loadResultsAfter(command.userId(), state.lastProcessedAt(),
                settings.maxResults());
        List<AnalysisResult> fresh = page.stream()
                .filter(r -> state.lastProcessedAt().map(r.createdAt()::isAfter).orElse(true))
                .toList();
        if (shouldWait(command, page, fresh, now)) {
            return new Intake.Awaiting();
        }
        Evidence evidence = Evidence.from(command.language(), fresh);
        return evidence.isEmpty() ? new Intake.NothingNew(fresh) : new Intake.Ready(fresh, evidence);
    }

    private boolean shouldWait(GenerateDailyPackageCommand command, List<AnalysisResult> page,
            List<AnalysisResult> fresh, Instant now) {
        boolean ownAnalysisSeen = fresh.stream().anyMatch(r -> r.sessionId().equals(command.sessionId().value()));
        boolean backlog = page.size() >= settings.maxResults();
        boolean sessionIdsWritten = fresh.isEmpty() || fresh.stream().anyMatch(r -> !r.sessionId().isBlank());
        boolean stillInTime = now.isBefore(command.sessionCreatedAt().plus(settings.analysisWait()));
        return !ownAnalysisSeen && !backlog && sessionIdsWritten && stillInTime;
    }
}

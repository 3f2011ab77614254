package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LearnerMemoryModel;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.memory.PersonalFit;
import io.lessonpack.domain.memory.RecallHistory;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Refits a learner's memory-model parameters from their own word histories once enough new evidence
 * arrived ({@link MemoryFitting#isDue}), after their lesson was saved and announced, so it never
 * delays or fails a lesson: it reads a bounded sample of histories, lets the domain choose between
 * the defaults, the current fit and a new one ({@link PersonalFit}), and records the choice, which
 * resets the count of new outcomes. Without enough time left it waits for the learner's next
 * lesson; a failure is logged and the lesson stands.
 */
final class ParameterRefit {

    private static final Logger LOG = System.getLogger(ParameterRefit.class.getName());

    private final LoadCurriculumPort curriculum;
    private final SaveGenerationPort saver;
    private final MemoryFitting fitting;
    private final Clock clock;

    ParameterRefit(LoadCurriculumPort curriculum, SaveGenerationPort saver, MemoryFitting fitting, Clock clock) {
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.saver = Objects.requireNonNull(saver, "saver");
        this.fitting = Objects.requireNonNull(fitting, "fitting");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Refits when due.
     *
     * @param model the learner's memory model as the lesson's commit left it
     */
    void afterLesson(GenerateDailyPackageCommand command, LearnerMemoryModel model, LessonDay today, Instant deadline) {
        if (!fitting.isDue(model)) {
            return;
        }
        Instant started = clock.instant();
        if (Duration.between(started, deadline).compareTo(fitting.minTimeLeft()) < 0) {
            line("memory.refit_deferred", command).with("outcomesSinceFit", model.outcomesSinceFit()).info(LOG);
            return;
        }
        try {
            List<RecallHistory> histories = curriculum.histories(command.userId(), command.language(),
                    fitting.maxWordsRead());
            PersonalFit.Choice choice = new PersonalFit(fitting.minScoredReviews(), fitting.holdoutShare())
                    .choose(histories, model.parameters());
            FsrsParameters chosen = choice instanceof PersonalFit.Choice.Judged judged ? judged.parameters()
                    : model.parameters();
            boolean recorded = saver.recordFit(command.userId(), command.language(), model.fitVersion(), chosen,
                    today.date(), choice.scoredReviews());
            LogEvent line = line("memory.refit", command).with("wordsRead", histories.size())
                    .with("scoredReviews", choice.scoredReviews()).with("recorded", recorded)
                    .with("durationMs", Duration.between(started, clock.instant()).toMillis());
            switch (choice) {
                case PersonalFit.Choice.TooLittle t -> line.with("outcome", "too_little_history");
                case PersonalFit.Choice.Judged j -> {
                    line.with("outcome", j.winner().name().toLowerCase(Locale.ROOT)).with("heldOut", j.heldOut())
                            .with("defaultsLogLoss", round(j.defaultsLogLoss()))
                            .with("fittedLogLoss", round(j.fittedLogLoss()));
                    if (!Double.isNaN(j.currentLogLoss())) {
                        line.with("currentLogLoss", round(j.currentLogLoss()));
                    }
                }
            }
            line.info(LOG);
        } catch (RuntimeException e) {
            // The lesson is saved and announced; a refit that failed is tried again after the next one.
            line("memory.refit_failed", command).with("errorType", e.getClass().getName()).warn(LOG);
        }
    }

    private static LogEvent line(String event, GenerateDailyPackageCommand command) {
        return LogEvent.of(event).with("sessionId", command.sessionId()).with("userId", command.userId())
                .with("language", command.language());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

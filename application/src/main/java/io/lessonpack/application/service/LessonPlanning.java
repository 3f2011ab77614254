package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.EvidenceApplication;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.LessonPlanner;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans today's lesson from the evidence: the recall outcomes move the memory of the curriculum
 * words they name, then the domain picks the review openers among the most due words (the moved
 * ones included) and fixes the new-word count. Reads only the words the evidence names and a
 * bounded page of review candidates, never the whole curriculum.
 */
final class LessonPlanning {

    private static final Logger LOG = System.getLogger(LessonPlanning.class.getName());

    private final LoadCurriculumPort curriculum;
    private final GenerationSettings settings;
    private final EvidenceApplication evidenceApplication;
    private final LessonPlanner planner;

    LessonPlanning(LoadCurriculumPort curriculum, GenerationSettings settings, Fsrs fsrs) {
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.evidenceApplication = new EvidenceApplication(fsrs);
        this.planner = new LessonPlanner(new ReviewSelection(fsrs));
    }

    /**
     * Today's plan, the curriculum entries whose memory the evidence moved (to be saved with the
     * lesson), and the candidates the plan was chosen from (a sample of known words for the brief).
     */
    record PlannedLesson(LessonPlan plan, List<CurriculumEntry> memoryUpdates, List<CurriculumEntry> candidates) {
        public PlannedLesson {
            Objects.requireNonNull(plan, "plan");
            memoryUpdates = List.copyOf(memoryUpdates);
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The plan, or empty when there is nothing to open a review with.
     *
     * @param memoryEvidence every outcome consumed: it moves the memory of the words it names
     * @param lessonEvidence the most recent ones: a first lesson reviews what they tested
     */
    Optional<PlannedLesson> plan(GenerateDailyPackageCommand command, Evidence memoryEvidence, Evidence lessonEvidence,
            LessonDay today) {
        UserId user = command.userId();
        Language language = command.language();
        List<CurriculumEntry> moved = memoryUpdates(command, memoryEvidence);
        List<CurriculumEntry> candidates = merge(
                curriculum.reviewCandidates(user, language, today, settings.reviewCandidates()), moved);
        return planner.plan(language, candidates, lessonEvidence, today, settings.newWords())
                .map(plan -> new PlannedLesson(plan, moved, candidates));
    }

    private List<CurriculumEntry> memoryUpdates(GenerateDailyPackageCommand command, Evidence evidence) {
        UserId user = command.userId();
        Language language = command.language();
        Set<WordKey> evidenced = evidence.outcomes().stream().map(WordOutcome::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<CurriculumEntry> known = evidenced.isEmpty() ? List.of() : curriculum.entries(user, language, evidenced);
        List<CurriculumEntry> moved = evidenceApplication.apply(known, evidence.outcomes());
        if (moved.size() <= settings.maxMemoryUpdates()) {
            return moved;
        }
        // One commit must stay within DynamoDB's 100-item transaction; the earliest-evidenced words
        // move, the rest keep their memory until their next evidence.
        LogEvent.of("generation.memory_updates_capped").with("sessionId", command.sessionId())
                .with("userId", user).with("updates", moved.size())
                .with("kept", settings.maxMemoryUpdates()).warn(LOG);
        return moved.subList(0, settings.maxMemoryUpdates());
    }

    private static List<CurriculumEntry> merge(List<CurriculumEntry> candidates, List<CurriculumEntry> moved) {
        Map<WordKey, CurriculumEntry> byKey = new LinkedHashMap<>();
        candidates.forEach(e -> byKey.put(e.key(), e));
        moved.forEach(e -> byKey.put(e.key(), e));
        return List.copyOf(byKey.values());
    }
}

package io.lessonpack.application.service;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.LessonPlanner;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans today's lesson once the evidence is in the curriculum ({@link EvidenceRecording}): the
 * domain picks the review openers among the most due words (those the evidence just moved
 * included), with the learner's own memory model, and fixes the new-word count. Reads only a
 * bounded page of review candidates, never the whole curriculum.
 */
final class LessonPlanning {

    private final LoadCurriculumPort curriculum;
    private final GenerationSettings settings;

    LessonPlanning(LoadCurriculumPort curriculum, GenerationSettings settings) {
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Today's plan, the curriculum entries to save with the lesson (memory the evidence moved, and
     * a word the learner only used that now opens a review, which makes it scheduled), and the
     * candidates the plan was chosen from (a sample of known words for the brief).
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
     * @param recorded       what the evidence did to the curriculum
     * @param lessonEvidence the most recent evidence: a first lesson reviews what it tested
     * @param fsrs           the learner's memory model
     */
    Optional<PlannedLesson> plan(GenerateDailyPackageCommand command, EvidenceRecording.Recorded recorded,
            Evidence lessonEvidence, LessonDay today, Fsrs fsrs) {
        List<CurriculumEntry> candidates = merge(
                curriculum.reviewCandidates(command.userId(), command.language(), today, settings.reviewCandidates()),
                recorded.moved());
        return new LessonPlanner(new ReviewSelection(fsrs))
                .plan(command.language(), candidates, lessonEvidence, today, settings.newWords())
                .map(plan -> new PlannedLesson(plan, withOpeners(recorded, plan), candidates));
    }

    /** The moved entries, and any word the evidence added that now opens a review and so becomes scheduled. */
    private static List<CurriculumEntry> withOpeners(EvidenceRecording.Recorded recorded, LessonPlan plan) {
        Map<WordKey, CurriculumEntry> added = new LinkedHashMap<>();
        recorded.added().forEach(e -> added.put(e.key(), e));
        List<CurriculumEntry> updates = new ArrayList<>(recorded.moved());
        for (ReviewWord word : plan.reviewWords()) {
            CurriculumEntry entry = added.get(word.key());
            if (entry != null && !entry.openedReview().equals(entry)) {
                updates.add(entry.openedReview());
            }
        }
        return updates;
    }

    private static List<CurriculumEntry> merge(List<CurriculumEntry> candidates, List<CurriculumEntry> moved) {
        Map<WordKey, CurriculumEntry> byKey = new LinkedHashMap<>();
        candidates.forEach(e -> byKey.put(e.key(), e));
        moved.forEach(e -> byKey.put(e.key(), e));
        return List.copyOf(byKey.values());
    }
}

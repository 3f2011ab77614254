package io.lessonpack.application.port.out;

import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.lesson.LessonPackage;
import java.util.Objects;

/**
 * Everything one generation writes, committed all together or not at all: the package (optimistic
 * version check), the learner's analysis progress (optimistic check), the lesson day (set, and the
 * claim cleared), the curriculum changes (new words only if absent), the processed-session marker,
 * the run record and the event to publish.
 *
 * @param claimToken              the attempt's claim; the commit fails if it was taken over
 * @param expectedVersion         the package version read (0 when creating the package)
 * @param expectedAnalysisVersion the analysis progress version read; the commit fails if it moved meanwhile
 * @param analysis                the analysis progress after this lesson
 * @param outcomesRecorded        recall outcomes this lesson brought into the curriculum, counted
 *                                towards the learner's next refit of their memory model
 */
public record GenerationCommit(String claimToken, LessonDay day, LessonPackage lessonPackage, long expectedVersion,
        long expectedAnalysisVersion, AnalysisProgress analysis, CurriculumChange curriculumChange,
        GenerationRecord record, PackageGeneratedEvent event, long outcomesRecorded) {

    public GenerationCommit {
        Objects.requireNonNull(claimToken, "claimToken");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(lessonPackage, "lessonPackage");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(curriculumChange, "curriculumChange");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(event, "event");
        if (lessonPackage.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the committed version must follow the expected one");
        }
        if (expectedAnalysisVersion < 0 || outcomesRecorded < 0) {
            throw new IllegalArgumentException("expectedAnalysisVersion and outcomesRecorded are not negative");
        }
    }
}

package io.lessonpack.application.port.out;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.FsrsParameters;
import io.lessonpack.domain.word.Language;
import java.time.LocalDate;
import java.util.List;

/** Saves what a generation produced, atomically. */
public interface SaveGenerationPort {

    /** Commits everything in {@code commit} all together or nothing. */
    CommitResult commit(UserId userId, GenerationCommit commit);

    /**
     * Records how far the learner's analysis results were handled in {@code language} without a
     * lesson (results of no use to it were passed over), so they are not read and logged again.
     *
     * @return false when the progress moved meanwhile (another writer), in which case nothing was written
     */
    boolean recordAnalysisProgress(UserId userId, Language language, long expectedAnalysisVersion,
            AnalysisProgress progress);

    /**
     * Adds to the learner's curriculum the entries it does not hold yet, leaving every entry already
     * there untouched: the words of a package the original service wrote, adopted before the lesson
     * that evolves it. Safe to repeat.
     *
     * @return how many entries were added
     */
    int addAbsentWords(UserId userId, Language language, List<CurriculumEntry> entries);

    /**
     * Records a refit of the learner's memory model in {@code language}: the parameters to use from
     * now on (null: the defaults), the day of the fit, the scored reviews it saw, and the count of
     * outcomes since the fit reset to 0.
     *
     * @return false when another fit was recorded meanwhile, in which case nothing was written
     */
    boolean recordFit(UserId userId, Language language, long expectedFitVersion, FsrsParameters parameters,
            LocalDate fittedOn, long scoredReviews);
}

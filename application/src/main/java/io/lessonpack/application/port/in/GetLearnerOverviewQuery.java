package io.lessonpack.application.port.in;

import io.lessonpack.domain.learner.UserId;
import java.time.LocalDate;

/** Reads what a tutor sees of a learner: their packages, their words and how well they hold. */
public interface GetLearnerOverviewQuery {

    /** The learner's overview on {@code today}; no language at all for a learner never seen. */
    LearnerOverview overview(UserId userId, LocalDate today);
}

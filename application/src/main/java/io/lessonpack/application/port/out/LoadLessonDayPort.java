package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;

/** Reads what the service knows about a learner's lessons before it decides anything. */
public interface LoadLessonDayPort {

    /**
     * The learner's lesson-day status for the session at hand: the day of the last lesson, whether
     * this session already produced its lesson, and an event saved but not yet published.
     */
    LessonDayStatus status(UserId userId, SessionId sessionId);
}

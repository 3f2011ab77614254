package io.lessonpack.application.port.out;

import io.lessonpack.domain.daily.LessonDay;
import java.util.Optional;

/**
 * What the service knows about a learner's lessons, read in one look-up before anything else: the
 * day of the last lesson, whether the session at hand already produced its lesson, and an event
 * that was saved but not yet published (a crash between the save and the publish).
 */
public record LessonDayStatus(Optional<LessonDay> lastLessonDay, boolean sessionAlreadyGenerated,
        Optional<PackageGeneratedEvent> unpublishedEvent) {

    /** A learner who never had a lesson. */
    public static LessonDayStatus none() {
        return new LessonDayStatus(Optional.empty(), false, Optional.empty());
    }
}

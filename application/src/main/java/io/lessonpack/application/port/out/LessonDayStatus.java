package io.lessonpack.application.port.out;

import io.lessonpack.domain.daily.LessonDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the service knows about a learner's lessons, read in one look-up before anything else: the
 * day of the last lesson, whether the session at hand already produced its lesson, and the events
 * saved but not yet published (a crash or an SNS failure between the save and the publish).
 *
 * @param lastLesson        the day of the learner's last lesson; null when they never had one
 *                          ({@link #lastLessonDay()} reads it as an {@code Optional})
 * @param unpublishedEvents every saved event still to publish, oldest first; more than one when the
 *                          publishes of several lessons failed (around midnight, or while SNS was down)
 */
public record LessonDayStatus(LessonDay lastLesson, boolean sessionAlreadyGenerated,
        List<PackageGeneratedEvent> unpublishedEvents) {

    public LessonDayStatus {
        unpublishedEvents = unpublishedEvents.stream()
                .sorted(Comparator.comparing(PackageGeneratedEvent::generatedAt).thenComparing(PackageGeneratedEvent::eventId))
                .toList();
    }

    /** The day of the learner's last lesson; empty when they never had one. */
    public Optional<LessonDay> lastLessonDay() {
        return Optional.ofNullable(lastLesson);
    }

    /** A learner who never had a lesson. */
    public static LessonDayStatus none() {
        return new LessonDayStatus(null, false, List.of());
    }
}

package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;

/**
 * The outbox of {@code package.generated} events: the commit saves each event with the lesson, and
 * the event leaves the outbox only once it was published.
 */
public interface EventOutboxPort {

    /** Forgets the saved event once it was published; a no-op when it is already gone. */
    void markPublished(UserId userId, String eventId);
}

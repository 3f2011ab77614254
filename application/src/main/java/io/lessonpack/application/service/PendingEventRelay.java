package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.EventOutboxPort;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.domain.learner.UserId;
import java.lang.System.Logger;
import java.util.Objects;

/**
 * Moves a saved {@code package.generated} event from the outbox to its subscribers: publish, then
 * forget it. An event whose publish failed stays in the outbox and is published by the next
 * attempt for the learner; one published but not forgotten is published again under the same
 * {@code eventId}, which consumers de-duplicate on. Either way no event is lost.
 */
final class PendingEventRelay {

    private static final Logger LOG = System.getLogger(PendingEventRelay.class.getName());

    private final PublishPackageEventPort publisher;
    private final EventOutboxPort outbox;

    PendingEventRelay(PublishPackageEventPort publisher, EventOutboxPort outbox) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Publishes {@code event} and takes it out of the outbox; false when the publish failed. */
    boolean relay(UserId user, PackageGeneratedEvent event) {
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            LogEvent.of("event.publish_failed").with("userId", user).with("eventId", event.eventId())
                    .with("errorType", e.getClass().getName()).warn(LOG);
            return false;
        }
        try {
            outbox.markPublished(user, event.eventId());
        } catch (RuntimeException e) {
            // The event went out; a retry would only publish it again under the same eventId.
            LogEvent.of("event.mark_published_failed").with("userId", user).with("eventId", event.eventId())
                    .with("errorType", e.getClass().getName()).warn(LOG);
        }
        return true;
    }
}

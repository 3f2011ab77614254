package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.port.out.StorageUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps the in-memory publisher that stands in for SNS: on a lane, a publish may fail as SNS fails
 * (the {@link StorageUnavailableException} the SNS adapter throws), or the process may die before
 * it is sent or after it went out (the event published, the outbox not cleared).
 */
final class FaultyPublisher implements PublishPackageEventPort {

    private final PublishPackageEventPort inner;

    FaultyPublisher(PublishPackageEventPort inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public void publish(PackageGeneratedEvent event) {
        Optional<Lane> bound = Lanes.current();
        if (bound.isEmpty()) {
            inner.publish(event);
            return;
        }
        Lane lane = bound.get();
        Lane.Fate fate = lane.enter(CallKind.PUBLISH, "Publish");
        switch (fate) {
            case FAIL -> throw failed(event, "the process died (chaos soak)");
            case INJECT -> throw failed(event, "InternalError (chaos soak)");
            default -> {
            }
        }
        inner.publish(event);
        if (fate == Lane.Fate.DIE_AFTER) {
            lane.die();
            throw failed(event, "the process died (chaos soak) after the publish went out");
        }
    }

    private static StorageUnavailableException failed(PackageGeneratedEvent event, String why) {
        return new StorageUnavailableException("SNS Publish of event " + event.eventId() + " failed: " + why);
    }
}

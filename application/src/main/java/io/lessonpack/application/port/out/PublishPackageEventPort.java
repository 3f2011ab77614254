package io.lessonpack.application.port.out;

/** Announces a saved package to other services. */
public interface PublishPackageEventPort {

    /**
     * Publishes the event. May be called more than once for the same event (after a crash);
     * consumers de-duplicate on {@link PackageGeneratedEvent#eventId()}.
     *
     * @throws RuntimeException when the event could not be published; the service retries later
     */
    void publish(PackageGeneratedEvent event);
}

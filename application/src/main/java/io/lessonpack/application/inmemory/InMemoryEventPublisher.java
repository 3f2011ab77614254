package io.lessonpack.application.inmemory;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import java.util.ArrayList;
import java.util.List;

/** Keeps published events in memory, in order, for an embedding service or a test to read. */
public final class InMemoryEventPublisher implements PublishPackageEventPort {

    private final List<PackageGeneratedEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(PackageGeneratedEvent event) {
        events.add(event);
    }

    /** Every event published so far, oldest first (a re-published event appears twice). */
    public synchronized List<PackageGeneratedEvent> events() {
        return List.copyOf(events);
    }
}

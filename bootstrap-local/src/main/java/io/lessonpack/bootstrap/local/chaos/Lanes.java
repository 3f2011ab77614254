package io.lessonpack.bootstrap.local.chaos;

import java.util.Optional;

/**
 * The lane bound to the current thread while a message attempt runs on it. The soak's clock, ids,
 * SDK interceptor and port decorators read it; on any other thread (the handler's own, the driver's
 * observer reads, other tests in the same JVM) there is none, and they change nothing.
 */
final class Lanes {

    private static final ThreadLocal<Lane> CURRENT = new ThreadLocal<>();

    private Lanes() {
    }

    static Optional<Lane> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(Lane lane) {
        CURRENT.set(lane);
    }

    static void unbind() {
        CURRENT.remove();
    }
}

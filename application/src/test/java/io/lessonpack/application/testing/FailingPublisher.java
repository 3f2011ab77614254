package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a publisher and makes the next publishes fail (SNS unreachable, or the process dying before
 * the publish), then delegates again. Inert until {@link #failNext} is called.
 *
 * <pre>{@code
 * FailingPublisher publisher = new FailingPublisher(new InMemoryEventPublisher()).failNext(1);
 * }</pre>
 */
public final class FailingPublisher implements PublishPackageEventPort {

    private final PublishPackageEventPort delegate;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    public FailingPublisher(PublishPackageEventPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Makes the next {@code count} publishes throw {@link InjectedFailureException} without publishing. */
    public FailingPublisher failNext(int count) {
        failuresLeft.set(count);
        return this;
    }

    @Override
    public void publish(PackageGeneratedEvent event) {
        attempts.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InjectedFailureException("injected: the event could not be published");
        }
        delegate.publish(event);
    }

    /** Every publish call, failed ones included. */
    public int attempts() {
        return attempts.get();
    }
}

package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.StorageUnavailableException;

/**
 * The failure the test decorators inject ({@link FailingSaver}, {@link FailingPublisher}): a
 * storage or network call that did not answer, as a crash or a timeout looks to the service.
 */
public final class InjectedFailureException extends StorageUnavailableException {

    private static final long serialVersionUID = 1L;

    public InjectedFailureException(String message) {
        super(message);
    }
}

package io.lessonpack.application.port.out;

/**
 * A storage or messaging port could not do its work this time (a network fault, throttling, a
 * service error). Adapters throw it for failures a retry may fix; the service reports them as
 * {@code STORAGE_UNAVAILABLE}, anything else as {@code UNEXPECTED}. The message is for operators:
 * it names the operation and the cause's type, never learner text or a secret.
 */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.lessonpack.application.port.out;

/**
 * The API key could not be read from where it is kept (Secrets Manager in AWS). {@link #retryable()} tells the caller whether
 * waiting can help: throttling, a service error or a network fault may pass; a missing secret,
 * denied access, a failed decryption or a value that is not a usable key will not, until an
 * operator acts. The message names the secret id and the error type, never the secret's value.
 */
public final class ApiKeyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message   for operators: what failed and how to fix it; never the secret's value
     * @param retryable whether a later attempt may succeed without anyone changing anything
     * @param cause     the SDK failure, or null; its text must not hold the value either
     */
    public ApiKeyUnavailableException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether a later attempt may succeed without anyone changing the secret or its permissions. */
    public boolean retryable() {
        return retryable;
    }
}

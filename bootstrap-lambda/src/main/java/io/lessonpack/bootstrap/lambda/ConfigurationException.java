package io.lessonpack.bootstrap.lambda;

/**
 * The function's configuration is missing or wrong. Thrown at initialisation, so a deployment with
 * a bad variable fails at once with a message that names the variable and what it should hold.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}

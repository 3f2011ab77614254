package io.lessonpack.application.port.out;

import java.util.Objects;

/**
 * A learner's package item cannot be read, not even as a package of the original service to adopt
 * (a later schema, a conversation list that is not a list, no user). Retrying cannot help until
 * someone repairs the item; the service reports {@code PACKAGE_UNREADABLE}. The message names the
 * package and the faulty attribute, never its text.
 */
public class UnreadablePackageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String packageId;

    /** @param packageId the item's id as stored (it may itself be what is wrong with it) */
    public UnreadablePackageException(String packageId, String message) {
        super(message);
        this.packageId = Objects.requireNonNull(packageId, "packageId");
    }

    /** The item's id as stored. */
    public String packageId() {
        return packageId;
    }
}

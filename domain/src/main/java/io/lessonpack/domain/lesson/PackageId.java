package io.lessonpack.domain.lesson;

import io.lessonpack.domain.learner.Ids;

/**
 * The identity of a learner's package for one language. It is chosen once, when the package is
 * created, and kept across every update, so the apps that show the package can link to it.
 */
public record PackageId(String value) {

    public static final int MAX_LENGTH = 128;

    public PackageId {
        Ids.requireValid("packageId", value, MAX_LENGTH);
    }

    public static PackageId of(String value) {
        return new PackageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

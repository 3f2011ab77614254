package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code package.generated} event other services subscribe to. Its {@link #eventId()} is
 * deterministic ({@code packageId:version}), so a duplicate publish is harmless to consumers that
 * de-duplicate on it.
 *
 * @param updated whether an existing package was updated (false: it was created)
 */
public record PackageGeneratedEvent(String eventId, UserId userId, Language language, PackageId packageId,
        String packageName, Instant generatedAt, boolean updated, long packageVersion) {

    /** The event type on the wire. */
    public static final String TYPE = "package.generated";

    public PackageGeneratedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** The event announcing {@code pkg} as saved: updated from version 2 on. */
    public static PackageGeneratedEvent of(LessonPackage pkg) {
        return of(pkg, pkg.version() > 1);
    }

    /**
     * The event announcing {@code pkg} as saved.
     *
     * @param updated whether the learner had the package before (a package of the original service
     *                that lessonpack adopted is updated at its version 1)
     */
    public static PackageGeneratedEvent of(LessonPackage pkg, boolean updated) {
        return new PackageGeneratedEvent(eventIdOf(pkg.id(), pkg.version()), pkg.userId(), pkg.language(), pkg.id(),
                pkg.name(), pkg.updatedAt(), updated, pkg.version());
    }

    /** The deterministic event id of a package version. */
    public static String eventIdOf(PackageId id, long version) {
        return id.value() + ":" + version;
    }
}

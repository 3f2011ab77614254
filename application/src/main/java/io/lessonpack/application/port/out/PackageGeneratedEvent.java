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

    /** The event announcing {@code pkg} as saved. */
    public static PackageGeneratedEvent of(LessonPackage pkg) {
        return new PackageGeneratedEvent(eventIdOf(pkg.id(), pkg.version()), pkg.userId(), pkg.language(), pkg.id(),
                pkg.name(), pkg.updatedAt(), pkg.version() > 1, pkg.version());
    }

    /** The deterministic event id of a package version. */
    public static String eventIdOf(PackageId id, long version) {
        return id.value() + ":" + version;
    }
}

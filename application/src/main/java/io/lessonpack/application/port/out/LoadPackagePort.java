package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.util.Optional;

/**
 * Reads learners' packages from the shared packages table, whoever wrote them.
 *
 * @throws UnreadablePackageException (from every method) when a package item is neither a current
 *                                    package nor one of the original service's shape
 */
public interface LoadPackagePort {

    /** The package with this id. */
    Optional<StoredPackage> loadPackage(PackageId id);

    /** The learner's package for a language, for learners whose state does not name it yet. */
    Optional<StoredPackage> findPackage(UserId userId, Language language);
}

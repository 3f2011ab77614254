package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.util.Optional;

/** Reads learners' packages. */
public interface LoadPackagePort {

    /** The package with this id. */
    Optional<LessonPackage> loadPackage(PackageId id);

    /** The learner's package for a language, for learners whose state does not name it yet. */
    Optional<LessonPackage> findPackage(UserId userId, Language language);
}

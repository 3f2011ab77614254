package io.lessonpack.application.port.in;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.word.Language;
import java.util.Optional;

/** Reads a learner's current package in a language, as the app shows it. */
public interface GetLessonPackageQuery {

    /** The package lessonpack wrote for the learner in the language; empty before the first lesson. */
    Optional<LessonPackage> lessonPackage(UserId userId, Language language);
}

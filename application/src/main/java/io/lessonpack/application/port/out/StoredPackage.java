package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.ValidDraft;
import java.time.Instant;
import java.util.Objects;

/**
 * A learner's package as found in the shared packages table: one lessonpack wrote
 * ({@link Current}), or one the original service wrote in its own shape, to be adopted
 * ({@link Foreign}).
 */
public sealed interface StoredPackage {

    PackageId id();

    /** The version a commit of the next package expects to replace: 0 while lessonpack wrote none. */
    long version();

    /** Today's package: the next version of a current one, or the adoption of a foreign one. */
    LessonPackage next(ValidDraft draft, Instant now, String author);

    /** A {@link LessonPackage#SCHEMA_VERSION} package. */
    record Current(LessonPackage lessonPackage) implements StoredPackage {

        public Current {
            Objects.requireNonNull(lessonPackage, "lessonPackage");
        }

        @Override
        public PackageId id() {
            return lessonPackage.id();
        }

        @Override
        public long version() {
            return lessonPackage.version();
        }

        @Override
        public LessonPackage next(ValidDraft draft, Instant now, String author) {
            return lessonPackage.evolve(draft, now, author);
        }
    }

    /** A package of the original service, not yet adopted. */
    record Foreign(ForeignPackage foreignPackage) implements StoredPackage {

        public Foreign {
            Objects.requireNonNull(foreignPackage, "foreignPackage");
        }

        @Override
        public PackageId id() {
            return foreignPackage.id();
        }

        @Override
        public long version() {
            return 0;
        }

        @Override
        public LessonPackage next(ValidDraft draft, Instant now, String author) {
            return foreignPackage.adopt(draft, now, author);
        }
    }
}

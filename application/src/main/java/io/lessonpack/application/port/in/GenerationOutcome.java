package io.lessonpack.application.port.in;

import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.lesson.LessonPackage;
import java.util.Objects;

/** What became of one voice session: a package, a reasoned skip, or a classified failure. */
public sealed interface GenerationOutcome {

    /** Whether the message is done with (generated or skipped) and may be acknowledged. */
    default boolean acknowledged() {
        return !(this instanceof Failed);
    }

    /**
     * Today's lesson was written and saved, and its event published.
     *
     * @param created whether this created the learner's package (false: it evolved an existing one)
     */
    record Generated(LessonPackage lessonPackage, boolean created, PackageGeneratedEvent event,
            GenerationRecord record) implements GenerationOutcome {
        public Generated {
            Objects.requireNonNull(lessonPackage, "lessonPackage");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(record, "record");
        }
    }

    /** No lesson, by the rules; {@code detail} is operator text and never holds learner text. */
    record Skipped(SkipReason reason, String detail) implements GenerationOutcome {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    /** No lesson this time; {@code detail} is operator text and never holds learner text. */
    record Failed(FailureReason reason, String detail) implements GenerationOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        public boolean retryable() {
            return reason.retryable();
        }
    }
}

package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.Violation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An author that takes its time, as a model does: each call waits {@code delay} before the wrapped author
 * answers, and fails as unavailable while {@code failuresLeft} is above zero (counting it down).
 */
record DelayedAuthor(LessonAuthorPort inner, Duration delay, AtomicInteger failuresLeft) implements LessonAuthorPort {

    /** An author that is only slow. */
    DelayedAuthor(LessonAuthorPort inner, Duration delay) {
        this(inner, delay, new AtomicInteger());
    }

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        pause();
        return inner.write(brief, budget);
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        pause();
        return inner.repair(brief, previous, violations, budget);
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new LessonAuthorException(LessonAuthorException.Kind.UNAVAILABLE, "the stand-in is down");
        }
    }
}

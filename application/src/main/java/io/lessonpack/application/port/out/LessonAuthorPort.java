package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.Violation;
import java.util.List;

/**
 * Writes today's package from a {@link LessonBrief}: GPT-4o in production, an offline author on a
 * laptop. The author is not trusted: the service validates every draft against the domain's rules.
 */
public interface LessonAuthorPort {

    /**
     * Writes a draft for the brief within {@code budget}: the answer is in by its deadline, and no
     * model request (a retry included) is started with less than its minimum left.
     *
     * @throws LessonAuthorException when no usable draft could be obtained; {@link LessonAuthorException.Kind#NO_TIME}
     *                               when no request could be started for lack of time
     */
    AuthoredDraft write(LessonBrief brief, AuthorBudget budget);

    /**
     * Rewrites {@code previous} so it no longer breaks the listed rules (one repair round), within
     * {@code budget} as for {@link #write}.
     *
     * @throws LessonAuthorException when no usable draft could be obtained
     */
    AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations, AuthorBudget budget);
}

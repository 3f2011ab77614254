package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.Violation;
import java.time.Instant;
import java.util.List;

/**
 * Writes today's package from a {@link LessonBrief}: GPT-4o in production, an offline author on a
 * laptop. The author is not trusted: the service validates every draft against the domain's rules.
 */
public interface LessonAuthorPort {

    /**
     * Writes a draft for the brief, finishing before {@code deadline}.
     *
     * @throws LessonAuthorException when no usable draft could be obtained
     */
    AuthoredDraft write(LessonBrief brief, Instant deadline);

    /**
     * Rewrites {@code previous} so it no longer breaks the listed rules (one repair round).
     *
     * @throws LessonAuthorException when no usable draft could be obtained
     */
    AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations, Instant deadline);
}

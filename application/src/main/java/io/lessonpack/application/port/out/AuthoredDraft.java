package io.lessonpack.application.port.out;

import io.lessonpack.domain.lesson.PackageDraft;
import java.util.Objects;

/**
 * A draft as an author returned it, with who wrote it and what it cost.
 *
 * @param author e.g. {@code offline} or {@code openai:gpt-4o-2024-08-06}; stored on the package
 */
public record AuthoredDraft(PackageDraft draft, String author, AuthorUsage usage) {

    public AuthoredDraft {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(usage, "usage");
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("an authored draft names its author");
        }
    }

    /** The same draft with {@code earlier} usage added (the answer a repair replaced). */
    public AuthoredDraft withEarlierUsage(AuthorUsage earlier) {
        return new AuthoredDraft(draft, author, earlier.plus(usage));
    }
}

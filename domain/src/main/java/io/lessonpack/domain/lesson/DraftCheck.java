package io.lessonpack.domain.lesson;

import java.util.List;

/** The verdict on a draft: valid, or the full list of rules it breaks. Never a boolean. */
public sealed interface DraftCheck {

    /** The draft keeps every rule and may be applied. */
    record Valid(ValidDraft draft) implements DraftCheck {
    }

    /** The draft breaks at least one rule; {@code violations} lists them all, in draft order. */
    record Invalid(List<Violation> violations) implements DraftCheck {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid draft has at least one violation");
            }
        }
    }
}

package io.lessonpack.domain.lesson;

import java.util.List;

/**
 * A package as a lesson author wrote it, before any rule was checked. Nothing here is trusted:
 * {@link DraftValidator} lists every rule it breaks, and only a {@link ValidDraft} can change a
 * package or a curriculum.
 *
 * @param name          the package's display name (kept from the first version when updating)
 * @param conversations review topics, then the new lesson
 * @param notes         the learner's notes
 */
public record PackageDraft(String name, List<Conversation> conversations, Notes notes) {

    public PackageDraft {
        name = Conversation.clean(name);
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
        notes = notes == null ? new Notes("", List.of(), List.of()) : notes;
    }
}

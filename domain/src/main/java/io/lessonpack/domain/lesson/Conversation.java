package io.lessonpack.domain.lesson;

import java.util.List;

/**
 * One conversation the AI tutor holds with the learner: a {@link ReviewTopic} or a
 * {@link NewLesson}. Its instructions are written for the tutor, in the target language's context,
 * and focus on speaking.
 *
 * <p>The records accept what an author wrote, blanks included, so that a draft can be checked and
 * its faults listed ({@link DraftValidator}); a saved {@link LessonPackage} refuses blanks.
 */
public sealed interface Conversation permits ReviewTopic, NewLesson {

    ConversationKind kind();

    String title();

    /** What the AI tutor should do in this conversation. */
    String instructions();

    /** The words or phrases this conversation practises (for a new lesson: the new words). */
    List<String> words();

    /** Null-tolerant copy of a list of strings, stripped. */
    static List<String> cleanWords(List<String> words) {
        return words == null ? List.of() : words.stream().map(w -> w == null ? "" : w.strip()).toList();
    }

    /** Null-tolerant stripped text. */
    static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}

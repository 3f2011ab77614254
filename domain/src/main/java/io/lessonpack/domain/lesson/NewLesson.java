package io.lessonpack.domain.lesson;

import java.util.List;

/**
 * The day's new lesson: built mostly from known words plus a few new ones ({@code words}), so the
 * learner understands nearly everything they hear.
 */
public record NewLesson(String title, String instructions, List<String> words) implements Conversation {

    public NewLesson {
        title = Conversation.clean(title);
        instructions = Conversation.clean(instructions);
        words = Conversation.cleanWords(words);
    }

    @Override
    public ConversationKind kind() {
        return ConversationKind.NEW_LESSON;
    }
}

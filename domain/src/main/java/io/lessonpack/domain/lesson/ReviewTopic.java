package io.lessonpack.domain.lesson;

import java.util.List;

/**
 * A review conversation. It opens by asking the learner to say {@code openingWord}, a word the
 * domain chose (testing beats restudy), then practises it and related known words.
 */
public record ReviewTopic(String title, String instructions, String openingWord, List<String> words)
        implements Conversation {

    public ReviewTopic {
        title = Conversation.clean(title);
        instructions = Conversation.clean(instructions);
        openingWord = Conversation.clean(openingWord);
        words = Conversation.cleanWords(words);
    }

    @Override
    public ConversationKind kind() {
        return ConversationKind.REVIEW;
    }
}

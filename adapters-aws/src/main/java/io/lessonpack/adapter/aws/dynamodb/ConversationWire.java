package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.ConversationKind;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.ReviewTopic;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of a conversation's kind, shared by the package item and the stored draft:
 * {@code review} or {@code new_lesson}, the words the conversation-package service reads.
 */
final class ConversationWire {

    static final String REVIEW = "review";
    static final String NEW_LESSON = "new_lesson";

    private ConversationWire() {
    }

    static String kind(Conversation conversation) {
        return conversation.kind() == ConversationKind.REVIEW ? REVIEW : NEW_LESSON;
    }

    /** The opening word of a review; empty for a new lesson. */
    static Optional<String> openingWord(Conversation conversation) {
        return conversation instanceof ReviewTopic review ? Optional.of(review.openingWord()) : Optional.empty();
    }

    /**
     * The conversation of a stored kind, or empty when the kind is unknown.
     *
     * @param openingWord ignored for a new lesson
     */
    static Optional<Conversation> of(String kind, String title, String instructions, String openingWord,
            List<String> words) {
        if (REVIEW.equals(kind)) {
            return Optional.of(new ReviewTopic(title, instructions, openingWord, words));
        }
        if (NEW_LESSON.equals(kind)) {
            return Optional.of(new NewLesson(title, instructions, words));
        }
        return Optional.empty();
    }
}

package io.lessonpack.domain.lesson;

/**
 * A word as the learner's notes show it: how it is written, how it sounds (IPA, a reading or a
 * romanisation) and what it means.
 */
public record WordNote(String writing, String pronunciation, String meaning) {

    public WordNote {
        writing = Conversation.clean(writing);
        pronunciation = Conversation.clean(pronunciation);
        meaning = Conversation.clean(meaning);
    }
}

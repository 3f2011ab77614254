package io.lessonpack.domain.lesson;

import java.util.List;

/**
 * The learner's notes for the day: what they are learning, what to work on (drawn from feedback and
 * misses), and the day's words with writing and pronunciation.
 */
public record Notes(String learning, List<String> workOn, List<WordNote> words) {

    public Notes {
        learning = Conversation.clean(learning);
        workOn = Conversation.cleanWords(workOn);
        words = words == null ? List.of() : List.copyOf(words);
    }
}

package io.lessonpack.domain.lesson;

/** The two kinds of conversation in a package: reviews come first, then one new lesson. */
public enum ConversationKind {
    /** Practises known words; opens by asking the learner to say a domain-chosen word. */
    REVIEW,
    /** Builds on earlier material and introduces the day's new words. */
    NEW_LESSON
}

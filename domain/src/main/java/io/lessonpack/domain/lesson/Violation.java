package io.lessonpack.domain.lesson;

/**
 * One rule a draft breaks. Each violation has a stable {@link #code()} for logs and metrics (it
 * never holds learner or model text) and a {@link #describe()} sentence an author can act on in a
 * repair round (it may quote the words at fault).
 */
public sealed interface Violation {

    /** A stable, text-free code such as {@code DUPLICATE_WORD}. */
    String code();

    /** A sentence that says what is wrong and what would be right. */
    String describe();

    /** The package must have as many review topics as the plan has review words. */
    record WrongReviewCount(int expected, int actual) implements Violation {
        public String code() {
            return "WRONG_REVIEW_COUNT";
        }

        public String describe() {
            return "The package must have exactly " + expected + " review topic(s), one per chosen review word; it has "
                    + actual + ".";
        }
    }

    /** There must be exactly one new lesson. */
    record WrongNewLessonCount(int actual) implements Violation {
        public String code() {
            return "WRONG_NEW_LESSON_COUNT";
        }

        public String describe() {
            return "The package must have exactly one new lesson; it has " + actual + ".";
        }
    }

    /** Review topics come first; conversation {@code index} is a review after the new lesson. */
    record ReviewAfterNewLesson(int index) implements Violation {
        public String code() {
            return "REVIEW_AFTER_NEW_LESSON";
        }

        public String describe() {
            return "Conversation " + (index + 1) + " is a review topic after the new lesson; review topics come first.";
        }
    }

    /** Review topic {@code review} has no opening word. */
    record MissingOpeningWord(int review, String expected) implements Violation {
        public String code() {
            return "MISSING_OPENING_WORD";
        }

        public String describe() {
            return "Review topic " + (review + 1) + " has no opening word; it must open with \"" + expected + "\".";
        }
    }

    /** Review topic {@code review} opens with another word than the one the domain chose. */
    record WrongOpeningWord(int review, String expected, String actual) implements Violation {
        public String code() {
            return "WRONG_OPENING_WORD";
        }

        public String describe() {
            return "Review topic " + (review + 1) + " opens with \"" + actual + "\"; it must open with \"" + expected
                    + "\" exactly.";
        }
    }

    /** The tutor's instructions for review topic {@code review} never ask for the opening word. */
    record OpeningWordNotAsked(int review, String word) implements Violation {
        public String code() {
            return "OPENING_WORD_NOT_ASKED";
        }

        public String describe() {
            return "The instructions of review topic " + (review + 1) + " must tell the tutor to open by asking the learner to say \""
                    + word + "\"; they do not mention it.";
        }
    }

    /** The new lesson introduces too few or too many new words. */
    record NewWordCountOutOfRange(int min, int max, int actual) implements Violation {
        public String code() {
            return "NEW_WORD_COUNT_OUT_OF_RANGE";
        }

        public String describe() {
            return "The new lesson must introduce " + (min == max ? String.valueOf(max) : min + " to " + max)
                    + " new words; it introduces " + actual + ".";
        }
    }

    /** A new word is not new. */
    record DuplicateWord(String word, Reason reason) implements Violation {
        /** Why the word is a duplicate. */
        public enum Reason {
            /** The learner's curriculum already has it. */
            ALREADY_IN_CURRICULUM,
            /** The new lesson lists it twice (as the same word key). */
            REPEATED_IN_LESSON,
            /** It is one of today's review words. */
            IS_REVIEW_WORD
        }

        public String code() {
            return "DUPLICATE_WORD";
        }

        public String describe() {
            return switch (reason) {
                case ALREADY_IN_CURRICULUM -> "\"" + word + "\" is already in the learner's curriculum; replace it with a word they have not learned.";
                case REPEATED_IN_LESSON -> "\"" + word + "\" appears more than once among the new words; each new word must be distinct.";
                case IS_REVIEW_WORD -> "\"" + word + "\" is one of today's review words; it cannot also be a new word.";
            };
        }
    }

    /** A new word has no letters or digits once normalised. */
    record UnusableWord(int index) implements Violation {
        public String code() {
            return "UNUSABLE_WORD";
        }

        public String describe() {
            return "New word " + (index + 1) + " has no letters or digits.";
        }
    }

    /** A new word's note is missing or lacks its pronunciation or meaning. */
    record IncompleteWordNote(String word, String missing) implements Violation {
        public String code() {
            return "INCOMPLETE_WORD_NOTE";
        }

        public String describe() {
            return "The notes must give the " + missing + " of the new word \"" + word + "\".";
        }
    }

    /** A required text is empty. */
    record BlankField(String field) implements Violation {
        public String code() {
            return "BLANK_FIELD";
        }

        public String describe() {
            return "The field " + field + " must not be empty.";
        }
    }

    /** A text is longer than the package allows (packages stay small whatever the curriculum). */
    record FieldTooLong(String field, int max, int actual) implements Violation {
        public String code() {
            return "FIELD_TOO_LONG";
        }

        public String describe() {
            return "The field " + field + " has " + actual + " characters; at most " + max + " are allowed.";
        }
    }

    /** A list has more items than the package allows. */
    record TooManyItems(String field, int max, int actual) implements Violation {
        public String code() {
            return "TOO_MANY_ITEMS";
        }

        public String describe() {
            return "The list " + field + " has " + actual + " items; at most " + max + " are allowed.";
        }
    }
}

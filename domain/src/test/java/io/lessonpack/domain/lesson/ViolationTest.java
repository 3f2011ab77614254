package io.lessonpack.domain.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.lesson.Violation.DuplicateWord.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ViolationTest {

    private static final String LEARNER_TEXT = "Xylófono";

    static Stream<Arguments> oneOfEach() {
        return Stream.of(
                Arguments.of(new Violation.WrongReviewCount(2, 1), "WRONG_REVIEW_COUNT"),
                Arguments.of(new Violation.WrongNewLessonCount(0), "WRONG_NEW_LESSON_COUNT"),
                Arguments.of(new Violation.ReviewAfterNewLesson(2), "REVIEW_AFTER_NEW_LESSON"),
                Arguments.of(new Violation.MissingOpeningWord(0, LEARNER_TEXT), "MISSING_OPENING_WORD"),
                Arguments.of(new Violation.WrongOpeningWord(1, LEARNER_TEXT, LEARNER_TEXT + "2"), "WRONG_OPENING_WORD"),
                Arguments.of(new Violation.OpeningWordNotAsked(0, LEARNER_TEXT), "OPENING_WORD_NOT_ASKED"),
                Arguments.of(new Violation.NewWordCountOutOfRange(3, 5, 7), "NEW_WORD_COUNT_OUT_OF_RANGE"),
                Arguments.of(new Violation.DuplicateWord(LEARNER_TEXT, Reason.ALREADY_IN_CURRICULUM), "DUPLICATE_WORD"),
                Arguments.of(new Violation.DuplicateWord(LEARNER_TEXT, Reason.REPEATED_IN_LESSON), "DUPLICATE_WORD"),
                Arguments.of(new Violation.DuplicateWord(LEARNER_TEXT, Reason.IS_REVIEW_WORD), "DUPLICATE_WORD"),
                Arguments.of(new Violation.UnusableWord(4), "UNUSABLE_WORD"),
                Arguments.of(new Violation.IncompleteWordNote(LEARNER_TEXT, "meaning"), "INCOMPLETE_WORD_NOTE"),
                Arguments.of(new Violation.BlankField("notes.learning"), "BLANK_FIELD"),
                Arguments.of(new Violation.FieldTooLong("name", 120, 130), "FIELD_TOO_LONG"),
                Arguments.of(new Violation.TooManyItems("notes.words", 30, 31), "TOO_MANY_ITEMS"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneOfEach")
    void code_isStableAndHoldsNoLearnerText(Violation violation, String code) {
        assertThat(violation.code()).isEqualTo(code).matches("[A-Z_]+").doesNotContainIgnoringCase(LEARNER_TEXT);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneOfEach")
    void describe_isANonEmptySentence(Violation violation, String code) {
        assertThat(violation.describe()).isNotBlank().endsWith(".").hasSizeGreaterThan(20);
    }

    @Test
    void everyViolationType_isCovered() {
        List<Class<?>> covered = oneOfEach().<Class<?>>map(a -> a.get()[0].getClass()).distinct().toList();

        assertThat(covered).containsExactlyInAnyOrder(Violation.class.getPermittedSubclasses());
    }

    @Test
    void describe_quotesTheWordsAtFaultSoAnAuthorCanRepairThem() {
        assertThat(new Violation.WrongOpeningWord(0, "gato", "perro").describe())
                .contains("\"gato\"", "\"perro\"").startsWith("Review topic 1 ");
        assertThat(new Violation.DuplicateWord("uva", Reason.ALREADY_IN_CURRICULUM).describe()).contains("\"uva\"");
        assertThat(new Violation.IncompleteWordNote("pera", "pronunciation").describe()).contains("pronunciation", "\"pera\"");
    }

    @Test
    void describe_countsFromOne() {
        assertThat(new Violation.ReviewAfterNewLesson(2).describe()).startsWith("Conversation 3 ");
        assertThat(new Violation.UnusableWord(0).describe()).startsWith("New word 1 ");
        assertThat(new Violation.MissingOpeningWord(1, "perro").describe()).startsWith("Review topic 2 ");
    }

    @Test
    void describe_newWordCountRange_isWrittenAsOneNumberWhenMinEqualsMax() {
        assertThat(new Violation.NewWordCountOutOfRange(1, 1, 0).describe()).contains("introduce 1 new words");
        assertThat(new Violation.NewWordCountOutOfRange(3, 5, 7).describe()).contains("3 to 5").contains("7");
    }

    @Test
    void invalid_withoutViolations_isRefused() {
        assertThatThrownBy(() -> new DraftCheck.Invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalid_copiesItsViolations() {
        ArrayList<Violation> list = new ArrayList<>(List.of(new Violation.UnusableWord(0)));
        DraftCheck.Invalid invalid = new DraftCheck.Invalid(list);
        list.clear();

        assertThat(invalid.violations()).hasSize(1);
    }
}

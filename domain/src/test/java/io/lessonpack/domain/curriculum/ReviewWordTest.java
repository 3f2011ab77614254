package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewWordTest {

    private static final WordKey GATO = WordKey.of(Language.of("es"), "gato");

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void constructor_retrievabilityWithinZeroToOne_isAccepted(double retrievability) {
        ReviewWord word = new ReviewWord(GATO, "gato", ReviewWord.Source.CURRICULUM, retrievability);

        assertThat(word.retrievability()).isEqualTo(retrievability);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.0001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void constructor_retrievabilityOutsideZeroToOne_isRefused(double retrievability) {
        assertThatThrownBy(() -> new ReviewWord(GATO, "gato", ReviewWord.Source.CURRICULUM, retrievability))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retrievability")
                .hasMessageContaining("0..1")
                .hasMessageNotContaining("gato");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t\n"})
    void constructor_blankText_isRefusedWithoutEchoingIt(String text) {
        assertThatThrownBy(() -> new ReviewWord(GATO, text, ReviewWord.Source.MISSED_TARGET, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("review word text must not be blank");
    }

    @Test
    void constructor_nullText_isRefused() {
        assertThatThrownBy(() -> new ReviewWord(GATO, null, ReviewWord.Source.MISSED_TARGET, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("review word text must not be blank");
    }

    @Test
    void constructor_nullKeyOrSource_isRefused() {
        assertThatThrownBy(() -> new ReviewWord(null, "gato", ReviewWord.Source.CURRICULUM, 0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReviewWord(GATO, "gato", null, 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void constructor_refusalOfOneWord_neverEchoesItsText() {
        assertThatThrownBy(() -> new ReviewWord(GATO, "mi-secreto", ReviewWord.Source.WORD_USED, 2.0))
                .hasMessageNotContaining("mi-secreto");
    }
}

package io.lessonpack.domain.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewWordCountTest {

    @Test
    void defaultCount_isFive() {
        assertThat(NewWordCount.defaultCount().requested()).isEqualTo(5).isEqualTo(NewWordCount.DEFAULT);
        assertThat(NewWordCount.defaultCount()).isEqualTo(NewWordCount.of(5));
    }

    @ParameterizedTest(name = "{0} requested: {1}..{2}")
    @CsvSource({
        "1, 1, 1",
        "2, 1, 2",
        "3, 1, 3",
        "4, 2, 4",
        "5, 3, 5",
        "10, 8, 10",
    })
    void minAndMax_allowUpToTwoFewerButNeverNone(int requested, int min, int max) {
        NewWordCount count = NewWordCount.of(requested);

        assertThat(count.min()).isEqualTo(min);
        assertThat(count.max()).isEqualTo(max);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, NewWordCount.MAX})
    void of_withinOneToTen_isAccepted(int requested) {
        assertThat(NewWordCount.of(requested).requested()).isEqualTo(requested);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, NewWordCount.MAX + 1, 1_000, Integer.MAX_VALUE})
    void of_outsideOneToTen_isRefusedNamingTheRange(int requested) {
        assertThatThrownBy(() -> NewWordCount.of(requested))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.." + NewWordCount.MAX);
    }
}

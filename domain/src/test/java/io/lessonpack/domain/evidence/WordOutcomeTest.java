package io.lessonpack.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WordOutcomeTest {

    private static final WordKey GATO = WordKey.of(Language.of("es"), "gato");
    private static final Instant AT = Instant.parse("2026-03-01T23:59:59.999Z");

    @Test
    void day_isTheUtcDayOfTheInstant() {
        assertThat(new WordOutcome(GATO, "gato", Rating.GOOD, AT).day()).isEqualTo(LessonDay.parse("2026-03-01"));
    }

    @Test
    void missed_onlyForAgain() {
        assertThat(new WordOutcome(GATO, "gato", Rating.AGAIN, AT).missed()).isTrue();
        assertThat(new WordOutcome(GATO, "gato", Rating.HARD, AT).missed()).isFalse();
        assertThat(new WordOutcome(GATO, "gato", Rating.GOOD, AT).missed()).isFalse();
    }

    @Test
    void constructor_nullPart_isRefused() {
        assertThatThrownBy(() -> new WordOutcome(null, "gato", Rating.GOOD, AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WordOutcome(GATO, null, Rating.GOOD, AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WordOutcome(GATO, "gato", null, AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WordOutcome(GATO, "gato", Rating.GOOD, null)).isInstanceOf(NullPointerException.class);
    }
}

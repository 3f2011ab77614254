package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurriculumLookupTest {

    @Test
    void empty_knowsNoWord() {
        Set<WordKey> keys = Set.of(WordKey.of(Language.of("es"), "gato"), WordKey.of(Language.of("es"), "perro"));

        assertThat(CurriculumLookup.empty().existing(keys)).isEmpty();
    }
}

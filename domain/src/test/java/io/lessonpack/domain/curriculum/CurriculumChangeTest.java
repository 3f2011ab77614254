package io.lessonpack.domain.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurriculumChangeTest {

    @Test
    void none_addsAndUpdatesNothing() {
        assertThat(CurriculumChange.none().added()).isEmpty();
        assertThat(CurriculumChange.none().updated()).isEmpty();
        assertThat(new CurriculumChange(List.of(), List.of())).isEqualTo(CurriculumChange.none());
    }

    @Test
    void constructor_copiesItsLists() {
        List<CurriculumEntry> added = new ArrayList<>();
        CurriculumChange change = new CurriculumChange(added, List.of());
        added.add(CurriculumEntry.introduced(WordKey.of(Language.of("es"), "gato"), "gato", "", "",
                LessonDay.parse("2026-03-01")));

        assertThat(change.added()).isEmpty();
    }
}

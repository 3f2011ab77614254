package io.lessonpack.bootstrap.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCapCheckTest {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);

    @Test
    void capped_longHistory_keepsTheFirstRecallAndEveryRecallOnTheMostRecentDays() {
        List<Recall> history = List.of(recall(0, 1), recall(0, 3), recall(2, 3), recall(5, 3), recall(9, 1),
                recall(9, 3), recall(20, 3));

        assertThat(HistoryCapCheck.capped(history, 3))
                .containsExactly(recall(0, 1), recall(9, 1), recall(9, 3), recall(20, 3));
    }

    @Test
    void capped_historyOnNoMoreDaysThanTheCap_isUnchanged() {
        List<Recall> history = List.of(recall(0, 1), recall(0, 3), recall(2, 3), recall(5, 3));
        assertThat(HistoryCapCheck.capped(history, 3)).isSameAs(history);
        assertThat(HistoryCapCheck.capped(history, 32)).isSameAs(history);
    }

    private static Recall recall(int day, int grade) {
        return new Recall(DAY0.plusDays(day), Rating.ofGrade(grade));
    }
}

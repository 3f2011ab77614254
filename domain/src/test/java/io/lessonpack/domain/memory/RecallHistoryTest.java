package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecallHistoryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static Recall on(int day, Rating rating) {
        return new Recall(DAY.plusDays(day), rating);
    }

    @Test
    void with_aLaterDay_isAdded_aSameOrEarlierDayIsDropped() {
        RecallHistory history = RecallHistory.empty().with(on(0, Rating.AGAIN)).with(on(0, Rating.GOOD))
                .with(on(2, Rating.GOOD)).with(on(1, Rating.AGAIN));

        assertThat(history.recalls()).containsExactly(on(0, Rating.AGAIN), on(2, Rating.GOOD));
    }

    @Test
    void with_beyondTheCap_keepsTheFirstAndTheMostRecent() {
        RecallHistory history = RecallHistory.empty();
        for (int day = 0; day < RecallHistory.CAP + 10; day++) {
            history = history.with(on(day, day % 3 == 0 ? Rating.AGAIN : Rating.GOOD));
        }

        assertThat(history.size()).isEqualTo(RecallHistory.CAP);
        assertThat(history.recalls().get(0)).isEqualTo(on(0, Rating.AGAIN));
        assertThat(history.recalls().get(1).day()).isEqualTo(DAY.plusDays(11));
        assertThat(history.recalls().get(RecallHistory.CAP - 1).day()).isEqualTo(DAY.plusDays(RecallHistory.CAP + 9));
    }

    @Test
    void of_storedOutcomesInAnyOrder_areSortedOnePerDayAndCapped() {
        List<Recall> stored = new ArrayList<>(IntStream.range(0, 40).mapToObj(d -> on(39 - d, Rating.GOOD)).toList());
        stored.add(on(5, Rating.AGAIN));

        RecallHistory history = RecallHistory.of(stored);

        assertThat(history.size()).isEqualTo(RecallHistory.CAP);
        assertThat(history.recalls().get(0)).isEqualTo(on(0, Rating.GOOD));
        assertThat(history.recalls()).isSortedAccordingTo((a, b) -> a.day().compareTo(b.day()));
        assertThat(RecallHistory.of(List.of(on(1, Rating.GOOD), on(1, Rating.AGAIN))).recalls())
                .containsExactly(on(1, Rating.GOOD));
    }
}

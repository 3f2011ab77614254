package io.lessonpack.domain.lesson;

import static io.lessonpack.domain.lesson.DraftFixtures.SPANISH;
import static io.lessonpack.domain.lesson.DraftFixtures.reviewWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.curriculum.ReviewWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonPlanTest {

    @Test
    void constructor_oneOrTwoDistinctWords_isAccepted() {
        assertThat(new LessonPlan(SPANISH, List.of(reviewWord(SPANISH, "gato")), NewWordCount.defaultCount())
                .reviewWords()).hasSize(1);
        assertThat(new LessonPlan(SPANISH, List.of(reviewWord(SPANISH, "gato"), reviewWord(SPANISH, "perro")),
                NewWordCount.of(3)).reviewWords()).hasSize(2);
    }

    @Test
    void constructor_noReviewWord_isRefused() {
        assertThatThrownBy(() -> new LessonPlan(SPANISH, List.of(), NewWordCount.defaultCount()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or 2 review words");
    }

    @Test
    void constructor_threeReviewWords_isRefusedWithoutEchoingThem() {
        List<ReviewWord> three = List.of(reviewWord(SPANISH, "gato"), reviewWord(SPANISH, "perro"),
                reviewWord(SPANISH, "caballo"));

        assertThatThrownBy(() -> new LessonPlan(SPANISH, three, NewWordCount.defaultCount()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or 2 review words")
                .hasMessageNotContaining("gato").hasMessageNotContaining("perro").hasMessageNotContaining("caballo");
    }

    @Test
    void constructor_sameWordTwiceByKey_isRefusedWithoutEchoingIt() {
        List<ReviewWord> twice = List.of(reviewWord(SPANISH, "gato"), reviewWord(SPANISH, "El Gato"));

        assertThatThrownBy(() -> new LessonPlan(SPANISH, twice, NewWordCount.defaultCount()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct")
                .hasMessageNotContainingAny("gato", "Gato");
    }

    @Test
    void constructor_missingLanguageOrCount_isRefused() {
        List<ReviewWord> one = List.of(reviewWord(SPANISH, "gato"));

        assertThatThrownBy(() -> new LessonPlan(null, one, NewWordCount.defaultCount()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LessonPlan(SPANISH, one, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void constructor_copiesTheReviewWords() {
        List<ReviewWord> words = new ArrayList<>(List.of(reviewWord(SPANISH, "gato")));
        LessonPlan plan = new LessonPlan(SPANISH, words, NewWordCount.defaultCount());
        words.add(reviewWord(SPANISH, "perro"));

        assertThat(plan.reviewWords()).hasSize(1);
    }
}

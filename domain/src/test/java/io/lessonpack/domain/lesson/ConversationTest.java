package io.lessonpack.domain.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void reviewTopic_stripsTextAndToleratesNulls() {
        ReviewTopic topic = new ReviewTopic("  Cats ", null, " gato ", Arrays.asList(" gato", null, "tener "));

        assertThat(topic.title()).isEqualTo("Cats");
        assertThat(topic.instructions()).isEmpty();
        assertThat(topic.openingWord()).isEqualTo("gato");
        assertThat(topic.words()).containsExactly("gato", "", "tener");
        assertThat(topic.kind()).isEqualTo(ConversationKind.REVIEW);
    }

    @Test
    void newLesson_stripsTextAndToleratesNulls() {
        NewLesson lesson = new NewLesson(null, " Teach fruit. ", null);

        assertThat(lesson.title()).isEmpty();
        assertThat(lesson.instructions()).isEqualTo("Teach fruit.");
        assertThat(lesson.words()).isEmpty();
        assertThat(lesson.kind()).isEqualTo(ConversationKind.NEW_LESSON);
    }

    @Test
    void notesAndWordNote_stripTextAndTolerateNulls() {
        Notes notes = new Notes(null, Arrays.asList(" Roll the r. ", null), null);
        WordNote note = new WordNote(" gato ", null, " cat ");

        assertThat(notes.learning()).isEmpty();
        assertThat(notes.workOn()).containsExactly("Roll the r.", "");
        assertThat(notes.words()).isEmpty();
        assertThat(note).isEqualTo(new WordNote("gato", "", "cat"));
    }

    @Test
    void packageDraft_toleratesNulls() {
        PackageDraft draft = new PackageDraft(null, null, null);

        assertThat(draft.name()).isEmpty();
        assertThat(draft.conversations()).isEmpty();
        assertThat(draft.notes()).isEqualTo(new Notes("", List.of(), List.of()));
    }
}

package io.lessonpack.adapter.openai;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer the model must give, as Java records: the SDK derives the strict JSON schema sent in
 * {@code response_format} from this type ({@code responseFormat(LessonAnswer.class)}), and the
 * answer is read back into it.
 *
 * <p>The shape makes two rules structural (review topics come first, there is exactly one new
 * lesson), so the model cannot break them; the rest is the domain's to check. Every field is
 * required, as strict mode demands, and none is nullable: the model always writes every part.
 * A type used as a described property carries no class description of its own: the SDK would
 * wrap the two in an {@code allOf}, which its own strict-schema check refuses.
 * Properties reach the schema in alphabetical order (the SDK's generator ignores
 * {@code @JsonPropertyOrder}), which is why the names read well in that order: the model writes the
 * new lesson before the notes that describe its words.
 *
 * <p>Nothing in the answer can name the learner, the language or the package: those come from the
 * message being processed, never from the model. An answer that lacks a part (possible only from
 * an endpoint that ignores strict mode) maps to blanks, which {@code DraftValidator} reports.
 */
@JsonClassDescription("Today's speaking-practice package for one learner, as the system message describes it.")
record LessonAnswer(
        @JsonPropertyDescription("The package's display name: the existing package's name unchanged, else a short new name.")
        String name,
        @JsonPropertyDescription("The day's one new lesson, built mostly from known words plus the new words.")
        NewLessonAnswer newLesson,
        @JsonPropertyDescription("The notes the learner reads today.")
        NotesAnswer notes,
        @JsonPropertyDescription("One review topic per review word, in the order of reviewWords.")
        List<ReviewTopicAnswer> reviewTopics) {

    /** A review conversation that opens by asking the learner to say a word the app chose. */
    @JsonClassDescription("A review conversation that opens by asking the learner to say its opening word.")
    record ReviewTopicAnswer(
            @JsonPropertyDescription("What the AI tutor does, step by step; it opens by asking the learner to say the opening word, quoted exactly.")
            String instructions,
            @JsonPropertyDescription("The review word exactly as given in reviewWords.")
            String openingWord,
            @JsonPropertyDescription("A short title for the topic.")
            String title,
            @JsonPropertyDescription("The opening word first, then the related known words this topic practises.")
            List<String> words) {
    }

    /** The day's new lesson. */
    record NewLessonAnswer(
            @JsonPropertyDescription("What the AI tutor does, step by step; it introduces each new word, quoted exactly.")
            String instructions,
            @JsonPropertyDescription("The new words, each a word or short phrase in the target language, none already known.")
            List<String> newWords,
            @JsonPropertyDescription("A short title for the lesson.")
            String title) {
    }

    /** The learner's notes. */
    record NotesAnswer(
            @JsonPropertyDescription("What the learner is learning today and how it connects with earlier lessons.")
            String learning,
            @JsonPropertyDescription("One entry for each new word, optionally also for the review words.")
            List<WordNoteAnswer> words,
            @JsonPropertyDescription("Concrete points to work on, drawn from the feedback and the missed targets.")
            List<String> workOn) {
    }

    /** A word with how it is written, how it sounds and what it means. */
    @JsonClassDescription("A word as the notes show it.")
    record WordNoteAnswer(
            @JsonPropertyDescription("A short English meaning.")
            String meaning,
            @JsonPropertyDescription("How the word sounds: IPA, a reading or a standard romanisation.")
            String pronunciation,
            @JsonPropertyDescription("The word exactly as written in newWords or reviewWords.")
            String writing) {
    }

    /**
     * The draft this answer describes: the review topics, then the new lesson, then the notes.
     * Missing parts become blanks (the domain records turn nulls into empty texts and lists).
     */
    PackageDraft toDraft() {
        List<Conversation> conversations = new ArrayList<>();
        if (reviewTopics != null) {
            for (ReviewTopicAnswer review : reviewTopics) {
                conversations.add(review == null
                        ? new ReviewTopic(null, null, null, null)
                        : new ReviewTopic(review.title(), review.instructions(), review.openingWord(), review.words()));
            }
        }
        if (newLesson != null) {
            conversations.add(new NewLesson(newLesson.title(), newLesson.instructions(), newLesson.newWords()));
        }
        Notes draftNotes = notes == null ? null : new Notes(notes.learning(), notes.workOn(),
                notes.words() == null ? null : notes.words().stream()
                        .map(w -> w == null ? new WordNote(null, null, null)
                                : new WordNote(w.writing(), w.pronunciation(), w.meaning()))
                        .toList());
        return new PackageDraft(name, conversations, draftNotes);
    }

    /**
     * The answer that would describe {@code draft}, to show the model its previous answer in a
     * repair round. A draft with more than one new lesson (which no answer can describe) shows
     * the first; the violations say how many there were.
     */
    static LessonAnswer fromDraft(PackageDraft draft) {
        List<ReviewTopicAnswer> reviews = new ArrayList<>();
        NewLessonAnswer lesson = null;
        for (Conversation c : draft.conversations()) {
            switch (c) {
                case ReviewTopic r -> reviews.add(new ReviewTopicAnswer(r.instructions(), r.openingWord(), r.title(),
                        r.words()));
                case NewLesson n -> {
                    if (lesson == null) {
                        lesson = new NewLessonAnswer(n.instructions(), n.words(), n.title());
                    }
                }
            }
        }
        Notes n = draft.notes();
        NotesAnswer notes = new NotesAnswer(n.learning(),
                n.words().stream().map(w -> new WordNoteAnswer(w.meaning(), w.pronunciation(), w.writing())).toList(),
                n.workOn());
        return new LessonAnswer(draft.name(), lesson, notes, reviews);
    }
}

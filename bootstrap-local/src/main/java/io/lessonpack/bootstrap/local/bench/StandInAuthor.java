package io.lessonpack.bootstrap.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the model stand-in writes: it reads the learner data a request's user message carries
 * between {@code <learner_data>} and {@code </learner_data>} (the shape the adapter's prompt builder
 * writes), rebuilds the {@link LessonBrief}, has the {@link OfflineLessonAuthor} write the draft (for
 * a repair, the previous package's new words count as known, so it picks others), and returns it as
 * the structured-output JSON the adapter expects.
 */
final class StandInAuthor {

    static final String DATA_OPEN = "<learner_data>";
    static final String DATA_CLOSE = "</learner_data>";
    static final String DRAFT_OPEN = "<previous_package>";
    static final String DRAFT_CLOSE = "</previous_package>";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OfflineLessonAuthor author = new OfflineLessonAuthor();

    /**
     * An answer: its content, null when the offline author has nothing to write (a model would
     * refuse), and whether it answers a write or a repair.
     */
    record Written(String content, String operation) {

        /** The content, or empty for a refusal. */
        Optional<String> answer() {
            return Optional.ofNullable(content);
        }
    }

    /**
     * Writes the answer to a user message.
     *
     * @throws IllegalArgumentException when the message carries no readable learner data
     */
    Written write(String userMessage) {
        JsonNode data;
        try {
            data = JSON.readTree(tagged(userMessage, DATA_OPEN, DATA_CLOSE)
                    .orElseThrow(() -> new IllegalArgumentException("no learner data in the user message")));
        } catch (IOException e) {
            throw new IllegalArgumentException("the learner data is not JSON", e);
        }
        Optional<String> previous = tagged(userMessage, DRAFT_OPEN, DRAFT_CLOSE);
        String operation = previous.isPresent() ? "repair" : "write";
        try {
            LessonBrief brief = brief(data, previous.map(StandInAuthor::newWordsOf).orElse(List.of()));
            PackageDraft draft = author.write(brief, new AuthorBudget(Instant.MAX, Duration.ZERO)).draft();
            return new Written(JSON.writeValueAsString(lessonAnswer(draft)), operation);
        } catch (LessonAuthorException | IllegalArgumentException | IOException e) {
            return new Written(null, operation);
        }
    }

    /** The text between {@code open} and {@code close} on lines of their own, when present. */
    private static Optional<String> tagged(String text, String open, String close) {
        int start = text.indexOf(open + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        int from = start + open.length() + 1;
        int end = text.indexOf("\n" + close, from);
        return end < 0 ? Optional.empty() : Optional.of(text.substring(from, end));
    }

    /** The new words of the previous package a repair request shows. */
    private static List<String> newWordsOf(String previousPackage) {
        List<String> words = new ArrayList<>();
        try {
            JSON.readTree(previousPackage).path("newLesson").path("newWords").forEach(w -> words.add(w.asText()));
        } catch (IOException e) {
            // An unreadable previous package: the repair is written like a fresh draft.
        }
        return words;
    }

    /**
     * The brief the learner data describes (the shape the adapter's prompt builder writes), with
     * {@code alsoKnown} first among the known words.
     */
    static LessonBrief brief(JsonNode data, List<String> alsoKnown) {
        Language language = Language.of(data.path("targetLanguage").path("tag").asText());
        List<ReviewWord> reviewWords = new ArrayList<>();
        for (JsonNode word : data.path("reviewWords")) {
            String text = word.asText();
            reviewWords.add(new ReviewWord(WordKey.of(language, text), text, ReviewWord.Source.CURRICULUM, 0));
        }
        LessonPlan plan = new LessonPlan(language, reviewWords,
                NewWordCount.of(data.path("newWordCount").asInt(NewWordCount.DEFAULT)));
        List<WordNote> known = new ArrayList<>();
        alsoKnown.forEach(w -> known.add(new WordNote(w, "", "")));
        for (JsonNode word : data.path("knownWords")) {
            known.add(new WordNote(word.path("writing").asText(), word.path("pronunciation").asText(),
                    word.path("meaning").asText()));
        }
        JsonNode existing = data.path("existingPackage");
        LessonBrief.PackageSummary summary = existing.isObject()
                ? new LessonBrief.PackageSummary(existing.path("name").asText(),
                        existing.path("version").asLong(), existing.path("lastNewLesson").asText(),
                        texts(existing.path("lastNewWords")))
                : null;
        return new LessonBrief(plan, texts(data.path("missedTargets")), texts(data.path("hitTargets")),
                texts(data.path("wordsUsed")), texts(data.path("feedback")), known, summary);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The draft in the shape of the adapter's structured-output schema ({@code LessonAnswer}). */
    static ObjectNode lessonAnswer(PackageDraft draft) {
        ObjectNode answer = JSON.createObjectNode().put("name", draft.name());
        ObjectNode newLesson = null;
        ArrayNode reviewTopics = JSON.createArrayNode();
        for (Conversation conversation : draft.conversations()) {
            switch (conversation) {
                case ReviewTopic r -> {
                    ObjectNode topic = reviewTopics.addObject()
                            .put("instructions", r.instructions())
                            .put("openingWord", r.openingWord())
                            .put("title", r.title());
                    r.words().forEach(topic.putArray("words")::add);
                }
                case NewLesson n -> {
                    if (newLesson == null) {
                        newLesson = JSON.createObjectNode().put("instructions", n.instructions());
                        n.words().forEach(newLesson.putArray("newWords")::add);
                        newLesson.put("title", n.title());
                    }
                }
            }
        }
        answer.set("newLesson", newLesson);
        ObjectNode notes = answer.putObject("notes").put("learning", draft.notes().learning());
        ArrayNode words = notes.putArray("words");
        for (WordNote note : draft.notes().words()) {
            words.addObject().put("meaning", note.meaning()).put("pronunciation", note.pronunciation())
                    .put("writing", note.writing());
        }
        draft.notes().workOn().forEach(notes.putArray("workOn")::add);
        answer.set("reviewTopics", reviewTopics);
        return answer;
    }
}

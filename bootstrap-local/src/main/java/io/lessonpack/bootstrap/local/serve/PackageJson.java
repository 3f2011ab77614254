package io.lessonpack.bootstrap.local.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import java.util.List;

/** A package as {@code GET /v1/learners/{userId}/packages/{language}} answers it. */
final class PackageJson {

    private PackageJson() {
    }

    static ObjectNode of(LessonPackage pkg) {
        ObjectNode json = Http.JSON.createObjectNode().put("id", pkg.id().value()).put("userId", pkg.userId().value())
                .put("language", pkg.language().tag()).put("name", pkg.name()).put("version", pkg.version())
                .put("lessonDate", pkg.lessonDate().date().toString()).put("author", pkg.author())
                .put("createdAt", pkg.createdAt().toString()).put("updatedAt", pkg.updatedAt().toString());
        ArrayNode reviews = json.putArray("reviews");
        for (ReviewTopic r : pkg.reviewTopics()) {
            ObjectNode review = reviews.addObject().put("title", r.title()).put("openingWord", r.openingWord())
                    .put("instructions", r.instructions());
            strings(review.putArray("words"), r.words());
        }
        NewLesson lesson = pkg.newLesson();
        ObjectNode newLesson = json.putObject("newLesson").put("title", lesson.title())
                .put("instructions", lesson.instructions());
        strings(newLesson.putArray("words"), lesson.words());
        ObjectNode notes = json.putObject("notes").put("learning", pkg.notes().learning());
        strings(notes.putArray("workOn"), pkg.notes().workOn());
        ArrayNode words = notes.putArray("words");
        for (WordNote w : pkg.notes().words()) {
            words.addObject().put("writing", w.writing()).put("pronunciation", w.pronunciation())
                    .put("meaning", w.meaning());
        }
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

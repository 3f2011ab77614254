package io.lessonpack.adapter.openai;

import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Lesson briefs for tests, built directly (as the service would) so their caps apply. */
final class Briefs {

    static final Language SPANISH = Language.of("es");
    static final String FEEDBACK = "Clear pronunciation; hesitant with the past tense.";

    private Briefs() {
    }

    /** A first-lesson brief reviewing {@code reviewWords}, with the fixture's evidence and {@code feedback}. */
    static LessonBrief brief(List<String> reviewWords, List<String> feedback) {
        return new LessonBrief(plan(reviewWords, 5), List.of("gato"), List.of("perro"), List.of("casa"), feedback,
                List.of(new WordNote("perro", "/ˈpe.ro/", "dog")), null);
    }

    static LessonBrief brief(String... reviewWords) {
        return brief(List.of(reviewWords), List.of(FEEDBACK));
    }

    static LessonPlan plan(List<String> reviewWords, int newWords) {
        return new LessonPlan(SPANISH, reviewWords.stream()
                .map(w -> new ReviewWord(WordKey.of(SPANISH, w), w, ReviewWord.Source.CURRICULUM, 0.42))
                .toList(), NewWordCount.of(newWords));
    }

    /**
     * The brief a learner with a curriculum of {@code size} words gets: everything known is offered
     * (most recent first), as if a careless caller passed the whole curriculum; the brief keeps a
     * bounded sample. Realistic evidence from a few sessions and an existing package.
     */
    static LessonBrief fromCurriculum(int size) {
        List<WordNote> curriculum = new ArrayList<>(size);
        for (int i = size; i >= 1; i--) {
            curriculum.add(new WordNote("palabra" + i, "/paˈla.βɾa " + i + "/", "the word number " + i + " of the course"));
        }
        List<String> reviewWords = size >= 2 ? List.of("palabra1", "palabra2") : List.of("palabra1");
        List<String> used = IntStream.rangeClosed(1, 25).mapToObj(i -> "usada" + i).toList();
        List<String> feedback = List.of(
                "Good fluency when describing your family; you paused before verbs in the past tense and used"
                        + " 'fui' where 'era' fits. Rolled r in 'perro' is improving.",
                "You asked for help twice with numbers above twenty. Vocabulary for food was strong, and you"
                        + " corrected yourself well when the tutor recast your sentence.",
                "Try to answer in full sentences: many answers were single words. Pronunciation of 'll' is clear.");
        return new LessonBrief(plan(reviewWords, 5), List.of("treinta", "cuarenta", "cebolla"),
                List.of("perro", "gato", "manzana", "pan", "leche"), used, feedback, curriculum,
                new LessonBrief.PackageSummary("Spanish speaking practice", size / 5 + 1L,
                        "At the bakery", List.of("pan", "harina", "horno", "barra", "dulce")));
    }

    /** A brief with every list full and every text as long as the brief allows. */
    static LessonBrief largest() {
        String longWord = "x".repeat(200);
        List<String> words = IntStream.range(0, 100).mapToObj(i -> i + longWord).toList();
        List<WordNote> known = IntStream.range(0, 100)
                .mapToObj(i -> new WordNote("w" + i + "y".repeat(100), "p".repeat(120), "m".repeat(200))).toList();
        List<String> feedback = IntStream.range(0, 10).mapToObj(i -> "f<>\"{}".repeat(1_000)).toList();
        return new LessonBrief(plan(List.of("palabra1", "palabra2"), 10), words, words, words, feedback, known,
                new LessonBrief.PackageSummary("n".repeat(120), 7, "t".repeat(160),
                        IntStream.range(0, 20).mapToObj(i -> "w".repeat(100)).toList()));
    }
}

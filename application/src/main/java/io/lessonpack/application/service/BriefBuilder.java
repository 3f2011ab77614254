package io.lessonpack.application.service;

import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the author's brief: the plan, the recent evidence (most recent first) and a bounded sample
 * of known words — the review words, the last lesson's words, then the most due candidates. It
 * makes no read of its own: everything it needs is already loaded, and its size does not grow with
 * the curriculum.
 */
final class BriefBuilder {

    private final GenerationSettings settings;

    BriefBuilder(GenerationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The brief for {@code planned}; {@code existing} is the learner's package, null when they have none. */
    LessonBrief brief(LessonPlanning.PlannedLesson planned, Evidence evidence, StoredPackage existing) {
        Language language = planned.plan().language();
        Map<WordKey, WordNote> known = new LinkedHashMap<>();
        Set<WordKey> reviewKeys = planned.plan().reviewWords().stream().map(ReviewWord::key).collect(Collectors.toSet());
        planned.candidates().stream().filter(e -> reviewKeys.contains(e.key()))
                .forEach(e -> known.put(e.key(), noteOf(e)));
        (existing == null ? List.<WordNote>of() : noteWords(existing)).forEach(note ->
                WordKey.tryOf(language, note.writing()).ifPresent(k -> known.putIfAbsent(k, note)));
        planned.candidates().forEach(e -> known.putIfAbsent(e.key(), noteOf(e)));
        LessonBrief.PackageSummary summary = existing == null ? null : summary(existing);
        return new LessonBrief(planned.plan(), reversedTexts(evidence.misses()), reversedTexts(evidence.hits()),
                reversed(evidence.wordsUsed()), reversed(evidence.feedback()),
                known.values().stream().limit(Math.max(settings.knownWordSample(), reviewKeys.size())).toList(),
                summary);
    }

    /** The words the package's notes show: the last lesson's of a current package, all of a foreign one. */
    private static List<WordNote> noteWords(StoredPackage stored) {
        return switch (stored) {
            case StoredPackage.Current c -> c.lessonPackage().notes().words();
            case StoredPackage.Foreign f -> f.foreignPackage().words();
        };
    }

    /** What the author is told of the package; a foreign one is version 0, as lessonpack wrote none. */
    private static LessonBrief.PackageSummary summary(StoredPackage stored) {
        return switch (stored) {
            case StoredPackage.Current c -> {
                LessonPackage p = c.lessonPackage();
                yield new LessonBrief.PackageSummary(p.name(), p.version(), p.newLesson().title(), p.newLesson().words());
            }
            case StoredPackage.Foreign f -> {
                ForeignPackage p = f.foreignPackage();
                yield new LessonBrief.PackageSummary(p.name(), 0, p.lastLessonTitle(), p.lastLessonWords());
            }
        };
    }

    private static WordNote noteOf(CurriculumEntry e) {
        return new WordNote(e.writing(), e.pronunciation(), e.meaning());
    }

    private static List<String> reversedTexts(List<WordOutcome> outcomes) {
        return reversed(outcomes.stream().map(WordOutcome::text).toList());
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}

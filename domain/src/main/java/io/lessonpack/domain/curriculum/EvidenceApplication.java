package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings recall evidence into the curriculum. An outcome moves the memory of the entry it names; an
 * outcome for a word the curriculum does not hold makes it an entry ({@link CurriculumEntry.Origin#TESTED})
 * whose memory starts from that outcome; a word the learner used that the curriculum does not hold
 * becomes a known, unscheduled entry ({@link CurriculumEntry.Origin#USED}). So every word the
 * learner met is remembered, and none of them can be taught as new later.
 *
 * <pre>{@code
 * EvidenceApplication.Applied applied = new EvidenceApplication(fsrs)
 *         .apply(language, known, heldByReading, evidence.outcomes(), evidence.wordsUsed(), today);
 * }</pre>
 */
public final class EvidenceApplication {

    private final Fsrs fsrs;

    public EvidenceApplication(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs");
    }

    /**
     * What the evidence changed.
     *
     * @param moved   entries the curriculum held whose memory changed, in the order they were given
     * @param created entries for words the curriculum did not hold, in the order the evidence met them
     */
    public record Applied(List<CurriculumEntry> moved, List<CurriculumEntry> created) {
        public Applied {
            moved = List.copyOf(moved);
            created = List.copyOf(created);
        }
    }

    /**
     * Applies {@code outcomes} (in time order) and {@code wordsUsed}.
     *
     * @param known         the entries of the words the evidence names that the curriculum holds
     * @param heldByReading keys the curriculum holds only as another word's reading (a kana word whose
     *                      kanji form is known): they are neither moved nor created
     * @param today         the day a used word enters the curriculum
     */
    public Applied apply(Language language, List<CurriculumEntry> known, Set<WordKey> heldByReading,
            List<WordOutcome> outcomes, List<String> wordsUsed, LessonDay today) {
        Map<WordKey, CurriculumEntry> before = new LinkedHashMap<>();
        known.forEach(e -> before.put(e.key(), e));
        Map<WordKey, CurriculumEntry> current = new LinkedHashMap<>(before);
        Map<WordKey, CurriculumEntry> created = new LinkedHashMap<>();
        for (WordOutcome outcome : outcomes) {
            WordKey key = outcome.key();
            if (current.containsKey(key)) {
                current.computeIfPresent(key, (k, e) -> e.recordOutcome(fsrs, outcome.rating(), outcome.day()));
            } else if (created.containsKey(key)) {
                created.computeIfPresent(key, (k, e) -> e.recordOutcome(fsrs, outcome.rating(), outcome.day()));
            } else if (!heldByReading.contains(key)) {
                created.put(key, CurriculumEntry.tested(fsrs, key, outcome.text(), outcome.rating(), outcome.day()));
            }
        }
        for (String word : wordsUsed) {
            WordKey.tryOf(language, word)
                    .filter(key -> !current.containsKey(key) && !heldByReading.contains(key))
                    .ifPresent(key -> created.putIfAbsent(key, CurriculumEntry.used(key, word, today)));
        }
        List<CurriculumEntry> moved = current.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(Map.Entry::getValue)
                .toList();
        return new Applied(moved, List.copyOf(created.values()));
    }
}

package io.lessonpack.domain.curriculum;

import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.WordKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the memory of known words with new recall evidence. Outcomes for words that are not in the
 * curriculum are ignored here: evidence alone never creates an entry.
 */
public final class EvidenceApplication {

    private final Fsrs fsrs;

    public EvidenceApplication(Fsrs fsrs) {
        this.fsrs = fsrs;
    }

    /**
     * Applies {@code outcomes} (in time order) to the {@code known} entries they name and returns
     * the entries whose memory changed, in the order of {@code known}.
     */
    public List<CurriculumEntry> apply(List<CurriculumEntry> known, List<WordOutcome> outcomes) {
        Map<WordKey, CurriculumEntry> byKey = new LinkedHashMap<>();
        known.forEach(e -> byKey.put(e.key(), e));
        Map<WordKey, CurriculumEntry> current = new LinkedHashMap<>(byKey);
        for (WordOutcome outcome : outcomes) {
            current.computeIfPresent(outcome.key(), (k, e) -> e.recordOutcome(fsrs, outcome.rating(), outcome.day()));
        }
        return current.entrySet().stream()
                .filter(e -> !e.getValue().equals(byKey.get(e.getKey())))
                .map(Map.Entry::getValue)
                .toList();
    }
}

package io.lessonpack.domain.curriculum;

import java.util.List;

/**
 * What one generation changes in a curriculum: words the new lesson introduces and existing words
 * whose memory moved with new evidence. Nothing is ever removed, so nothing learned is lost.
 *
 * @param added   entries to create; storage must refuse one whose key already exists
 * @param updated existing entries with new memory state
 */
public record CurriculumChange(List<CurriculumEntry> added, List<CurriculumEntry> updated) {

    public CurriculumChange {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
    }

    /** A change that changes nothing. */
    public static CurriculumChange none() {
        return new CurriculumChange(List.of(), List.of());
    }
}

package io.lessonpack.application.inmemory;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every learner's curriculum per language, in introduction order, for {@link InMemoryLessonStore}:
 * the reads of its curriculum port and the writes of a commit. Not thread-safe on its own: the store
 * calls it while holding its lock, so a commit's checks and writes are one atomic step.
 */
final class InMemoryCurricula {

    private record Key(UserId userId, String language) {
        static Key of(UserId userId, Language language) {
            return new Key(userId, language.code());
        }
    }

    private final Map<Key, Map<WordKey, CurriculumEntry>> curricula = new HashMap<>();

    /** The learner's curriculum in a language, by key, in introduction order (empty and read-only when none). */
    Map<WordKey, CurriculumEntry> of(UserId userId, Language language) {
        return curricula.getOrDefault(Key.of(userId, language), Map.of());
    }

    private Map<WordKey, CurriculumEntry> writable(UserId userId, Language language) {
        return curricula.computeIfAbsent(Key.of(userId, language), k -> new LinkedHashMap<>());
    }

    /**
     * Scheduled words introduced before {@code today}, in the order of the DynamoDB DueIndex: the day
     * recall falls to 90% (lastReview + S, since the interval at 0.9 retention is S), or the
     * introduction day for a word never recalled.
     */
    List<CurriculumEntry> reviewCandidates(UserId userId, Language language, LessonDay today, int limit) {
        return of(userId, language).values().stream()
                .filter(e -> e.scheduled() && e.introducedOn().compareTo(today) < 0)
                .sorted(Comparator.comparing((CurriculumEntry e) -> e.memory()
                                .map(m -> m.lastReview().plusDays(Math.max(1, Math.round(m.stability()))))
                                .orElse(e.introducedOn().date()))
                        .thenComparing(e -> e.key().value()))
                .limit(limit)
                .toList();
    }

    List<CurriculumEntry> entries(UserId userId, Language language, Set<WordKey> keys) {
        Map<WordKey, CurriculumEntry> curriculum = of(userId, language);
        return keys.stream().map(curriculum::get).filter(e -> e != null).toList();
    }

    /** The keys some entry answers to, by its key or its reading key. */
    Set<WordKey> existingKeys(UserId userId, Language language, Set<WordKey> keys) {
        Set<WordKey> answered = new HashSet<>();
        for (CurriculumEntry e : of(userId, language).values()) {
            answered.add(e.key());
            e.readingKey().ifPresent(answered::add);
        }
        Set<WordKey> found = new HashSet<>(keys);
        found.retainAll(answered);
        return found;
    }

    List<RecallHistory> histories(UserId userId, Language language, int maxWords) {
        return of(userId, language).values().stream().map(CurriculumEntry::history)
                .filter(h -> !h.isEmpty()).limit(maxWords).toList();
    }

    List<CurriculumEntry> words(UserId userId, Language language, int maxWords) {
        return of(userId, language).values().stream().limit(maxWords).toList();
    }

    /** Whether any of {@code entries} is in the curriculum already (a commit's added words must not be). */
    boolean holdsAny(UserId userId, Language language, List<CurriculumEntry> entries) {
        Map<WordKey, CurriculumEntry> curriculum = of(userId, language);
        return entries.stream().anyMatch(e -> curriculum.containsKey(e.key()));
    }

    /** Writes each entry whole, in order (a commit's memory moves, then its new words). */
    void put(UserId userId, Language language, List<CurriculumEntry> entries) {
        Map<WordKey, CurriculumEntry> curriculum = writable(userId, language);
        entries.forEach(e -> curriculum.put(e.key(), e));
    }

    /** Adds the entries not there yet; returns how many were added. */
    int addAbsent(UserId userId, Language language, List<CurriculumEntry> entries) {
        Map<WordKey, CurriculumEntry> curriculum = writable(userId, language);
        int added = 0;
        for (CurriculumEntry entry : entries) {
            if (curriculum.putIfAbsent(entry.key(), entry) == null) {
                added++;
            }
        }
        return added;
    }
}

package io.lessonpack.domain.evidence;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.lesson.PackageLimits;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recall evidence in a set of analysis results for one language, reduced to what the scheduler
 * and the lesson author need.
 *
 * <p>Rules (docs/domain.md, "From evidence to ratings"):
 * <ul>
 *   <li>a missed target is {@link Rating#AGAIN}, a hit is {@link Rating#GOOD};</li>
 *   <li>per word and UTC day only the first outcome counts; later ones that day are dropped (a
 *       word both missed and hit in the same result counts as missed, the cautious reading);</li>
 *   <li>words are identified by {@link WordKey}; a text that normalises to nothing, or one longer
 *       than any curriculum word may be ({@link PackageLimits#WORD}), is ignored;</li>
 *   <li>words used spontaneously are not recall outcomes: they feed the new lesson, not the memory.</li>
 * </ul>
 * What the curriculum makes of it is {@code EvidenceApplication}'s matter.
 *
 * @param newestCreatedAt when the newest of the results was created; null when there was none
 *                        ({@link #latestResultAt()} reads it as an {@code Optional})
 */
public record Evidence(
        List<WordOutcome> outcomes,
        List<String> wordsUsed,
        List<String> feedback,
        Instant newestCreatedAt,
        Set<String> sessionIds) {

    public Evidence {
        outcomes = List.copyOf(outcomes);
        wordsUsed = List.copyOf(wordsUsed);
        feedback = List.copyOf(feedback);
        sessionIds = Set.copyOf(sessionIds);
    }

    /** When the newest of the results was created; empty when there was none. */
    public Optional<Instant> latestResultAt() {
        return Optional.ofNullable(newestCreatedAt);
    }

    /** Evidence with nothing in it. */
    public static Evidence empty() {
        return new Evidence(List.of(), List.of(), List.of(), null, Set.of());
    }

    /**
     * Extracts the evidence for {@code language} from analysis results, in the order they were
     * created. Results for another language are ignored.
     */
    public static Evidence from(Language language, List<AnalysisResult> results) {
        List<AnalysisResult> ordered = results.stream()
                .filter(r -> r.appliesTo(language))
                .sorted(Comparator.comparing(AnalysisResult::createdAt))
                .toList();
        Map<DayAndKey, WordOutcome> firstPerDay = new LinkedHashMap<>();
        Map<WordKey, String> used = new LinkedHashMap<>();
        List<String> feedback = new ArrayList<>();
        Set<String> sessions = new HashSet<>();
        Instant latest = null;
        for (AnalysisResult result : ordered) {
            LessonDay day = LessonDay.of(result.createdAt());
            addOutcomes(firstPerDay, language, result.targetsMissed(), Rating.AGAIN, result.createdAt(), day);
            addOutcomes(firstPerDay, language, result.targetsHit(), Rating.GOOD, result.createdAt(), day);
            for (String word : result.wordsUsed()) {
                if (word.length() <= PackageLimits.WORD) {
                    WordKey.tryOf(language, word).ifPresent(key -> used.putIfAbsent(key, word.strip()));
                }
            }
            if (!result.feedback().isBlank()) {
                feedback.add(result.feedback().strip());
            }
            if (!result.sessionId().isEmpty()) {
                sessions.add(result.sessionId());
            }
            latest = result.createdAt();
        }
        return new Evidence(List.copyOf(firstPerDay.values()), List.copyOf(used.values()), feedback,
                latest, sessions);
    }

    private static void addOutcomes(Map<DayAndKey, WordOutcome> firstPerDay, Language language,
            List<String> words, Rating rating, Instant at, LessonDay day) {
        for (String word : words) {
            if (word.length() > PackageLimits.WORD) {
                continue;
            }
            WordKey.tryOf(language, word).ifPresent(key ->
                    firstPerDay.putIfAbsent(new DayAndKey(day, key), new WordOutcome(key, word.strip(), rating, at)));
        }
    }

    /** Whether there is nothing to build a lesson from. */
    public boolean isEmpty() {
        return outcomes.isEmpty() && wordsUsed.isEmpty() && feedback.isEmpty();
    }

    /** The distinct words the learner missed, oldest first. */
    public List<WordOutcome> misses() {
        return distinctByKey(outcomes.stream().filter(WordOutcome::missed).toList());
    }

    /** The distinct words the learner produced when asked, oldest first. */
    public List<WordOutcome> hits() {
        return distinctByKey(outcomes.stream().filter(o -> !o.missed()).toList());
    }

    private static List<WordOutcome> distinctByKey(List<WordOutcome> list) {
        Map<WordKey, WordOutcome> seen = new LinkedHashMap<>();
        list.forEach(o -> seen.putIfAbsent(o.key(), o));
        return List.copyOf(seen.values());
    }

    private record DayAndKey(LessonDay day, WordKey key) {
    }
}

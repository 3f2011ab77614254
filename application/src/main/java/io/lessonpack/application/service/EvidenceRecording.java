package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.EvidenceApplication;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.evidence.Evidence;
import io.lessonpack.domain.evidence.WordOutcome;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.lang.System.Logger;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Brings a lesson's evidence into the learner's curriculum before the lesson is planned, so that
 * every word the learner met is remembered and none can be taught as new.
 *
 * <p>It reads only the entries the evidence names (by key, and for a Japanese kana word by reading), bounded by
 * {@link GenerationSettings#maxEvidenceWords()} distinct words: the evidence's outcomes first, then
 * the words used, the rest left out with an {@code evidence.words_over_bound} line. Words the
 * curriculum did not hold are written at once, each only if still absent (safe to repeat: an attempt
 * that fails later leaves them, and its retry finds them known and its outcomes already applied).
 * The memory moves of words it held are returned for the lesson's commit, up to
 * {@link GenerationSettings#maxMemoryUpdates()} (a commit is one transaction); the rest keep their
 * memory until their next evidence, with a {@code generation.memory_updates_capped} line.
 */
final class EvidenceRecording {

    private static final Logger LOG = System.getLogger(EvidenceRecording.class.getName());

    private final LoadCurriculumPort curriculum;
    private final SaveGenerationPort saver;
    private final GenerationSettings settings;

    EvidenceRecording(LoadCurriculumPort curriculum, SaveGenerationPort saver, GenerationSettings settings) {
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.saver = Objects.requireNonNull(saver, "saver");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What the evidence did to the curriculum.
     *
     * @param moved            entries the curriculum held whose memory moved, for the commit
     * @param added            entries the evidence brought into the curriculum (already written)
     * @param outcomesRecorded outcomes applied to moved or added words, counted towards a refit
     */
    record Recorded(List<CurriculumEntry> moved, List<CurriculumEntry> added, long outcomesRecorded) {
        Recorded {
            moved = List.copyOf(moved);
            added = List.copyOf(added);
        }

        /** Words whose memory the evidence moved or started: what the memory model saw of the lesson. */
        int wordsWithEvidence() {
            return moved.size() + (int) added.stream().filter(e -> e.memory().isPresent()).count();
        }
    }

    Recorded record(GenerateDailyPackageCommand command, Evidence evidence, Fsrs fsrs, LessonDay today) {
        Language language = command.language();
        Set<WordKey> keys = boundedKeys(command, evidence);
        List<WordOutcome> outcomes = evidence.outcomes().stream().filter(o -> keys.contains(o.key())).toList();
        List<String> used = evidence.wordsUsed().stream()
                .filter(w -> WordKey.tryOf(language, w).filter(keys::contains).isPresent()).toList();
        List<CurriculumEntry> known = keys.isEmpty() ? List.of() : curriculum.entries(command.userId(), language, keys);
        // Only a kana key can be another word's reading (Japanese): other languages need no second read.
        Set<WordKey> mayBeReadings = new LinkedHashSet<>();
        keys.stream().filter(k -> WordKey.readingKey(language, k.value()).isPresent()).forEach(mayBeReadings::add);
        known.forEach(e -> mayBeReadings.remove(e.key()));
        Set<WordKey> heldByReading = mayBeReadings.isEmpty() ? Set.of()
                : curriculum.existingKeys(command.userId(), language, mayBeReadings);
        EvidenceApplication.Applied applied = new EvidenceApplication(fsrs)
                .apply(language, known, heldByReading, outcomes, used, today);
        if (!applied.created().isEmpty()) {
            saver.addAbsentWords(command.userId(), language, applied.created());
        }
        long recorded = countApplied(outcomes, applied);
        return new Recorded(capped(command, applied.moved()), applied.created(), recorded);
    }

    /** The evidence's distinct word keys, outcomes first, up to the bound. */
    private Set<WordKey> boundedKeys(GenerateDailyPackageCommand command, Evidence evidence) {
        Set<WordKey> all = new LinkedHashSet<>();
        evidence.outcomes().forEach(o -> all.add(o.key()));
        evidence.wordsUsed().forEach(w -> WordKey.tryOf(command.language(), w).ifPresent(all::add));
        int bound = settings.maxEvidenceWords();
        if (all.size() <= bound) {
            return all;
        }
        LogEvent.of("evidence.words_over_bound").with("sessionId", command.sessionId()).with("userId", command.userId())
                .with("language", command.language()).with("words", all.size()).with("kept", bound).warn(LOG);
        return new LinkedHashSet<>(all.stream().limit(bound).toList());
    }

    /** The outcomes that moved or started a word's memory (same-day repeats and stale ones do not). */
    private static long countApplied(List<WordOutcome> outcomes, EvidenceApplication.Applied applied) {
        Set<WordKey> touched = new HashSet<>();
        applied.moved().forEach(e -> touched.add(e.key()));
        applied.created().stream().filter(e -> e.memory().isPresent()).forEach(e -> touched.add(e.key()));
        return outcomes.stream().filter(o -> touched.contains(o.key())).map(o -> o.key() + "|" + o.day())
                .distinct().count();
    }

    private List<CurriculumEntry> capped(GenerateDailyPackageCommand command, List<CurriculumEntry> moved) {
        if (moved.size() <= settings.maxMemoryUpdates()) {
            return moved;
        }
        // One commit must stay within DynamoDB's 100-item transaction; the earliest-evidenced words
        // move, the rest keep their memory until their next evidence.
        LogEvent.of("generation.memory_updates_capped").with("sessionId", command.sessionId())
                .with("userId", command.userId()).with("updates", moved.size())
                .with("kept", settings.maxMemoryUpdates()).warn(LOG);
        return moved.subList(0, settings.maxMemoryUpdates());
    }
}

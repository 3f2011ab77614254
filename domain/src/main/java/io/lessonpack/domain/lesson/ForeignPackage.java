package io.lessonpack.domain.lesson;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's package written by another service (the original one) in its own shape: no schema
 * version, no version, no author. Lessonpack adopts it rather than refusing it: the words it taught
 * join the learner's curriculum once, so they are never introduced as new, and the next lesson
 * turns it into a {@link LessonPackage} with the same id ({@link #adopt}).
 *
 * <p>What the other service wrote is untrusted: a missing or blank name falls back to the lesson's
 * own, a creation time in the future counts as the adoption's time, and the words are kept as far
 * as they make a {@link WordKey}, each once, up to {@link #MAX_WORDS}.
 *
 * @param name            the package's display name, blank when it had none
 * @param createdAt       when the other service created it; null when it did not say so readably
 * @param taughtAt        when it last changed (its words were taught then); null when it did not say so readably
 * @param lastLessonTitle the title of its last lesson, blank when it had none
 * @param lastLessonWords the words of its last lesson
 * @param words           every word it taught, with the pronunciation and meaning its notes gave
 */
public record ForeignPackage(PackageId id, UserId userId, Language language, String name, Instant createdAt,
        Instant taughtAt, String lastLessonTitle, List<String> lastLessonWords, List<WordNote> words) {

    /** The most words adopted from one package; more would only be noise in the curriculum. */
    public static final int MAX_WORDS = 500;

    public ForeignPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(language, "language");
        name = name == null ? "" : Conversation.clean(name);
        lastLessonTitle = lastLessonTitle == null ? "" : Conversation.clean(lastLessonTitle);
        lastLessonWords = Conversation.cleanWords(lastLessonWords).stream().filter(w -> !w.isEmpty()).toList();
        words = distinct(language, words);
    }

    private static List<WordNote> distinct(Language language, List<WordNote> words) {
        Set<WordKey> seen = new HashSet<>();
        List<WordNote> kept = new ArrayList<>();
        for (WordNote word : words == null ? List.<WordNote>of() : words) {
            if (kept.size() == MAX_WORDS) {
                break;
            }
            WordKey.tryOf(language, word.writing()).filter(seen::add).ifPresent(k -> kept.add(word));
        }
        return List.copyOf(kept);
    }

    /** The name the package keeps once adopted, when it had one. */
    public Optional<String> keptName() {
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Its words as curriculum entries, introduced on the day it was last changed (never after
     * {@code today}), with no recall evidence yet.
     */
    public List<CurriculumEntry> curriculumEntries(LessonDay today) {
        LessonDay taught = taughtAt == null ? today : LessonDay.of(taughtAt);
        LessonDay introducedOn = taught.compareTo(today) > 0 ? today : taught;
        return words.stream()
                .map(w -> CurriculumEntry.introduced(WordKey.of(language, w.writing()), w.writing(), w.pronunciation(),
                        w.meaning(), introducedOn))
                .toList();
    }

    /**
     * The package this one becomes with today's lesson: the same id, user, language and creation
     * time (the adoption's time when the one written is missing or in the future), its name when it
     * had one, {@link LessonPackage#SCHEMA_VERSION} at version 1.
     */
    public LessonPackage adopt(ValidDraft draft, Instant now, String author) {
        if (!draft.plan().language().code().equals(language.code())) {
            throw new IllegalArgumentException("a " + draft.plan().language() + " lesson cannot adopt a "
                    + language + " package");
        }
        Instant created = createdAt == null || createdAt.isAfter(now) ? now : createdAt;
        PackageDraft d = draft.draft();
        return new LessonPackage(id, userId, language, keptName().orElse(d.name()), 1, created, now, LessonDay.of(now),
                d.conversations(), d.notes(), author);
    }
}

package io.lessonpack.domain.lesson;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A learner's single speaking-practice package for one language: today's review topics, then one
 * new lesson, then notes. There is at most one per (user, language); each day's lesson evolves it
 * in place, keeping its id and name and raising its version.
 *
 * <p>The package holds only the current day's lesson, so its size is bounded whatever the size of
 * the curriculum; the curriculum (every word ever introduced) lives beside it, word by word.
 *
 * <p>Create one with {@link #create}; evolve it with {@link #evolve}. Both take a {@link ValidDraft},
 * so no package can hold a lesson that broke a rule.
 *
 * @param author who wrote the current lesson, e.g. {@code offline} or {@code openai:gpt-4o-2024-08-06}
 */
public record LessonPackage(
        PackageId id,
        UserId userId,
        Language language,
        String name,
        long version,
        Instant createdAt,
        Instant updatedAt,
        LessonDay lessonDate,
        List<Conversation> conversations,
        Notes notes,
        String author) {

    /** The schema of the package item, shared with the conversation-package service. */
    public static final String SCHEMA_VERSION = "package.v1";

    public LessonPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lessonDate, "lessonDate");
        Objects.requireNonNull(notes, "notes");
        conversations = List.copyOf(conversations);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a package needs a name");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a package names its author");
        }
        if (version < 1) {
            throw new IllegalArgumentException("package version starts at 1, was " + version);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt is before createdAt");
        }
        requireShape(conversations);
    }

    private static void requireShape(List<Conversation> conversations) {
        int reviews = 0;
        int lessons = 0;
        for (Conversation c : conversations) {
            switch (c) {
                case ReviewTopic r -> {
                    if (lessons > 0) {
                        throw new IllegalArgumentException("review topics must come before the new lesson");
                    }
                    if (r.openingWord().isEmpty()) {
                        throw new IllegalArgumentException("a review topic needs an opening word");
                    }
                    reviews++;
                }
                case NewLesson n -> lessons++;
            }
        }
        if (reviews < 1 || reviews > 2 || lessons != 1) {
            throw new IllegalArgumentException("a package has 1-2 review topics then exactly one new lesson; got "
                    + reviews + " review(s) and " + lessons + " new lesson(s)");
        }
    }

    /** A learner's first package for a language, at version 1. */
    public static LessonPackage create(PackageId id, UserId userId, ValidDraft draft, Instant now, String author) {
        PackageDraft d = draft.draft();
        return new LessonPackage(id, userId, draft.plan().language(), d.name(), 1, now, now, LessonDay.of(now),
                d.conversations(), d.notes(), author);
    }

    /**
     * Today's version of this package: same id, name, user, language and creation time; the next
     * version; today's conversations and notes. The language of the draft's plan must match.
     */
    public LessonPackage evolve(ValidDraft draft, Instant now, String author) {
        if (!draft.plan().language().code().equals(language.code())) {
            throw new IllegalArgumentException("a " + draft.plan().language() + " lesson cannot evolve a "
                    + language + " package");
        }
        Instant updated = now.isBefore(createdAt) ? createdAt : now;
        PackageDraft d = draft.draft();
        return new LessonPackage(id, userId, language, name, version + 1, createdAt, updated, LessonDay.of(now),
                d.conversations(), d.notes(), author);
    }

    /** The review topics, in order. */
    public List<ReviewTopic> reviewTopics() {
        return conversations.stream().filter(ReviewTopic.class::isInstance).map(ReviewTopic.class::cast).toList();
    }

    /** The one new lesson. */
    public NewLesson newLesson() {
        return conversations.stream().filter(NewLesson.class::isInstance).map(NewLesson.class::cast)
                .findFirst().orElseThrow();
    }
}

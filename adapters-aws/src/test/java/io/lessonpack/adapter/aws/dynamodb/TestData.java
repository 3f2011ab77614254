package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.GenerationCommit;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.PackageLimits;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Domain objects for adapter tests, built directly (no author, no service). */
final class TestData {

    static final UserId LEARNER = UserId.of("learner-1");
    static final Language SPANISH = Language.of("es");
    static final Language MEXICAN_SPANISH = Language.of("es-MX");
    static final Language JAPANESE = Language.of("ja");

    private TestData() {
    }

    static LessonPackage pkg(String id, Language language, long version, Instant at) {
        return new LessonPackage(PackageId.of(id), LEARNER, language, "Speaking practice", version,
                at.minusSeconds(86_400L * (version - 1)), at, LessonDay.of(at),
                List.of(new ReviewTopic("Review: gato", "Ask the learner to say \"gato\".", "gato", List.of("gato", "perro")),
                        new ReviewTopic("Review: casa", "Ask for \"casa\".", "casa", List.of("casa")),
                        new NewLesson("At the market", "Introduce the new words one at a time.", List.of("manzana", "pera"))),
                new Notes("Everyday conversation.", List.of("Past tense", "Rolled r"),
                        List.of(new WordNote("manzana", "/manˈθana/", "apple"), new WordNote("pera", "/ˈpeɾa/", "pear"))),
                "scripted");
    }

    /** A package with every text and list at its {@link PackageLimits} maximum, written in {@code letter}. */
    static LessonPackage maximal(String letter) {
        String word = letter.repeat(PackageLimits.WORD);
        List<String> words = IntStream.range(0, PackageLimits.WORDS_PER_CONVERSATION).mapToObj(i -> word).toList();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        List<Conversation> conversations = List.of(
                new ReviewTopic(letter.repeat(PackageLimits.TITLE), letter.repeat(PackageLimits.INSTRUCTIONS), word, words),
                new ReviewTopic(letter.repeat(PackageLimits.TITLE), letter.repeat(PackageLimits.INSTRUCTIONS), word, words),
                new NewLesson(letter.repeat(PackageLimits.TITLE), letter.repeat(PackageLimits.INSTRUCTIONS), words));
        Notes notes = new Notes(letter.repeat(PackageLimits.LEARNING),
                IntStream.range(0, PackageLimits.WORK_ON_ITEMS).mapToObj(i -> letter.repeat(PackageLimits.WORK_ON_ITEM)).toList(),
                IntStream.range(0, PackageLimits.NOTE_WORDS).mapToObj(i -> new WordNote(word,
                        letter.repeat(PackageLimits.PRONUNCIATION), letter.repeat(PackageLimits.MEANING))).toList());
        return new LessonPackage(PackageId.of("p-maximal-" + Integer.toHexString(letter.hashCode())), LEARNER, SPANISH,
                letter.repeat(PackageLimits.NAME), 7, at.minusSeconds(86_400 * 6), at, LessonDay.of(at), conversations,
                notes, "openai:gpt-4o-2024-08-06");
    }

    static AuthoredDraft draft(String marker) {
        return new AuthoredDraft(new PackageDraft("Practice " + marker,
                List.of(new ReviewTopic("Review " + marker, "Open with gato.", "gato", List.of("gato")),
                        new NewLesson("New " + marker, "Teach.", List.of("uno", "dos"))),
                new Notes("learning " + marker, List.of("work"), List.of(new WordNote("uno", "/uno/", "one")))),
                "scripted", new AuthorUsage(1, 1_200, 100, 400));
    }

    static CurriculumEntry entry(Language language, String word, LessonDay introduced) {
        return CurriculumEntry.introduced(WordKey.of(language, word), word, "/" + word + "/", "meaning of " + word,
                introduced);
    }

    static GenerationRecord record(String session) {
        return new GenerationRecord(SessionId.of(session), "scripted", new AuthorUsage(2, 2_400, 1_024, 800), 0.01248,
                1, false, 2, 2, 3, 4, 1);
    }

    /**
     * A commit of {@code pkg} (version expectedVersion + 1) under {@code token}, with these curriculum
     * changes, moving the analysis watermark to {@code lastProcessedAt} with the one result at that time handled.
     */
    static GenerationCommit commit(String token, String session, LessonPackage pkg, long expectedAnalysisVersion,
            Instant lastProcessedAt, CurriculumChange change) {
        return new GenerationCommit(token, pkg.lessonDate(), pkg, pkg.version() - 1, expectedAnalysisVersion,
                progress(lastProcessedAt), change, record(session), PackageGeneratedEvent.of(pkg), 0);
    }

    /** Analysis progress up to {@code lastProcessedAt}, with the one result at that time handled. */
    static AnalysisProgress progress(Instant lastProcessedAt) {
        return new AnalysisProgress(lastProcessedAt, Map.of(lastProcessedAt.toString(), lastProcessedAt));
    }

    /**
     * A package item as the original service wrote it: no schemaVersion, version or author; its own
     * conversation and notes shape; and two attributes another service added ({@code lastPracticedAt},
     * {@code tags}).
     */
    static Map<String, AttributeValue> originalServicePackage(String id, UserId user, String languageTag) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("userId", AttributeValue.fromS(user.value()));
        item.put("language", AttributeValue.fromS(languageTag));
        item.put("name", AttributeValue.fromS("Daily conversation practice"));
        item.put("createdAt", AttributeValue.fromS("2026-01-20T10:00:00Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-02-19T10:00:30Z"));
        item.put("conversations", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("type", AttributeValue.fromS("review"),
                        "title", AttributeValue.fromS("Warm-up review"),
                        "prompt", AttributeValue.fromS("Ask the learner to greet you."),
                        "firstWord", AttributeValue.fromS("hola"),
                        "vocabulary", AttributeValue.fromL(List.of(AttributeValue.fromS("hola"))))),
                AttributeValue.fromM(Map.of("type", AttributeValue.fromS("lesson"),
                        "title", AttributeValue.fromS("Meeting someone"),
                        "prompt", AttributeValue.fromS("Role-play meeting a new neighbour."),
                        "vocabulary", AttributeValue.fromSs(List.of("vecino", "encantado")))))));
        item.put("notes", AttributeValue.fromM(Map.of(
                "learning", AttributeValue.fromS("Greetings and introductions."),
                "improve", AttributeValue.fromL(List.of(AttributeValue.fromS("Speak a little more slowly."))),
                "vocabulary", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "word", AttributeValue.fromS("vecino"), "pronunciation", AttributeValue.fromS("/beˈθino/"),
                        "translation", AttributeValue.fromS("neighbour"))))))));
        item.put("lastPracticedAt", AttributeValue.fromS("2026-02-27T18:30:00Z"));
        item.put("tags", AttributeValue.fromSs(List.of("beginner", "migrated")));
        return item;
    }
}

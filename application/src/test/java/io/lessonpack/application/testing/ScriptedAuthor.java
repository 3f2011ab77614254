package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.Violation;
import io.lessonpack.domain.lesson.WordNote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A {@link LessonAuthorPort} for tests, standing in for GPT-4o.
 *
 * <p>By default it answers every {@link #write} and {@link #repair} with a draft that keeps every
 * rule of the brief: one review topic per planned review word, opening with that word and telling
 * the tutor to ask for it; then one new lesson with {@code brief.newWords().requested()} new words
 * from a supply that never repeats ({@code palabra1}, {@code palabra2}, ...); then notes with a
 * pronunciation and a meaning for each new word. Tests script the next calls with {@link #onWrite}
 * and {@link #onRepair}, and read what the author saw ({@link #briefs()}, {@link #repairViolations()})
 * and how often it was called. Thread-safe; a {@link #awaiting} reply blocks only its own caller.
 *
 * <pre>{@code
 * ScriptedAuthor author = new ScriptedAuthor()
 *         .onWrite(ScriptedAuthor.duplicateWord())     // first write breaks a rule
 *         .onRepair(ScriptedAuthor.valid());           // the repair fixes it
 * // ... run the service ...
 * assertThat(author.writeCalls()).isEqualTo(1);
 * assertThat(author.repairCalls()).isEqualTo(1);
 * }</pre>
 */
public final class ScriptedAuthor implements LessonAuthorPort {

    /** The author name stored on packages this author wrote. */
    public static final String NAME = "scripted";

    /** The usage reported for each call. */
    public static final AuthorUsage USAGE_PER_CALL = new AuthorUsage(1, 1_200, 0, 400);

    /** The opening word {@link #wrongOpeningWord()} uses instead of the planned one. */
    public static final String WRONG_OPENING_WORD = "equivocado";

    /** How long an {@link #awaiting} reply waits before it gives up, so a broken test cannot hang. */
    public static final long AWAIT_SECONDS = 10;

    /**
     * One scripted answer: returns a draft for the brief, or throws (e.g. a {@link LessonAuthorException}).
     * The author is passed in so a reply can draw fresh words from its supply.
     */
    @FunctionalInterface
    public interface Reply {
        PackageDraft answer(ScriptedAuthor author, LessonBrief brief);
    }

    private final String wordPrefix;
    private final AtomicInteger wordSupply = new AtomicInteger();
    private final Queue<Reply> writeReplies = new ConcurrentLinkedQueue<>();
    private final Queue<Reply> repairReplies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger repairCalls = new AtomicInteger();
    private final List<LessonBrief> briefs = new CopyOnWriteArrayList<>();
    private final List<LessonBrief> repairBriefs = new CopyOnWriteArrayList<>();
    private final List<List<Violation>> repairViolations = new CopyOnWriteArrayList<>();
    private final List<PackageDraft> repairedDrafts = new CopyOnWriteArrayList<>();
    private final List<PackageDraft> answers = new CopyOnWriteArrayList<>();
    private final List<AuthorBudget> budgets = new CopyOnWriteArrayList<>();

    /** An author whose new words are {@code palabra1}, {@code palabra2}, ... */
    public ScriptedAuthor() {
        this("palabra");
    }

    /** An author whose new words are {@code wordPrefix1}, {@code wordPrefix2}, ... */
    public ScriptedAuthor(String wordPrefix) {
        if (wordPrefix == null || wordPrefix.isBlank()) {
            throw new IllegalArgumentException("a word prefix needs letters");
        }
        this.wordPrefix = wordPrefix;
    }

    // ---- scripting ----

    /** Queues answers for the next {@link #write} calls, in order; later calls get {@link #valid()}. */
    public ScriptedAuthor onWrite(Reply... replies) {
        writeReplies.addAll(Arrays.asList(replies));
        return this;
    }

    /** Queues answers for the next {@link #repair} calls, in order; later calls get {@link #valid()}. */
    public ScriptedAuthor onRepair(Reply... replies) {
        repairReplies.addAll(Arrays.asList(replies));
        return this;
    }

    /** A draft that keeps every rule, with fresh new words. The default answer. */
    public static Reply valid() {
        return (author, brief) -> author.validDraft(brief);
    }

    /** Exactly this draft, whatever the brief. */
    public static Reply draft(PackageDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return (author, brief) -> draft;
    }

    /** A draft that keeps every rule but introduces exactly these new words. */
    public static Reply withNewWords(String... newWords) {
        List<String> words = List.of(newWords);
        return (author, brief) -> author.validDraft(brief, words);
    }

    /** A draft whose new lesson lists one of its new words twice (a {@code DUPLICATE_WORD} violation). */
    public static Reply duplicateWord() {
        return (author, brief) -> {
            List<String> words = new ArrayList<>(author.nextWords(Math.max(1, brief.newWords().requested() - 1)));
            words.add(words.get(0));
            return author.validDraft(brief, words);
        };
    }

    /**
     * A draft whose new words include {@code word}, e.g. one already in the curriculum or one of
     * today's review words (a {@code DUPLICATE_WORD} violation).
     */
    public static Reply duplicateWord(String word) {
        Objects.requireNonNull(word, "word");
        return (author, brief) -> {
            List<String> words = new ArrayList<>(author.nextWords(Math.max(1, brief.newWords().requested() - 1)));
            words.add(word);
            return author.validDraft(brief, words);
        };
    }

    /**
     * A draft whose first review topic opens with {@link #WRONG_OPENING_WORD} instead of the planned
     * word (a {@code WRONG_OPENING_WORD} violation).
     */
    public static Reply wrongOpeningWord() {
        return (author, brief) -> {
            PackageDraft valid = author.validDraft(brief);
            List<Conversation> conversations = new ArrayList<>(valid.conversations());
            conversations.set(0, review(WRONG_OPENING_WORD));
            return new PackageDraft(valid.name(), conversations, valid.notes());
        };
    }

    /** Throws a {@link LessonAuthorException} of {@code kind}, as an author adapter would. */
    public static Reply failure(LessonAuthorException.Kind kind) {
        return failure(kind, "scripted author failure: " + kind);
    }

    /**
     * Throws a {@link LessonAuthorException} of {@code kind} with {@code message}, e.g. one that
     * (wrongly) holds learner text, to check that the service never passes it on.
     */
    public static Reply failure(LessonAuthorException.Kind kind, String message) {
        Objects.requireNonNull(kind, "kind");
        return (author, brief) -> {
            throw new LessonAuthorException(kind, message);
        };
    }

    /**
     * Counts down {@code entered}, then blocks until {@code proceed} is released (at most
     * {@link #AWAIT_SECONDS}), then answers {@link #valid()}: keeps an attempt "in flight" inside the
     * author while a test runs another one.
     */
    public static Reply awaiting(CountDownLatch entered, CountDownLatch proceed) {
        return (author, brief) -> {
            entered.countDown();
            try {
                if (!proceed.await(AWAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the scripted author proceed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the scripted author waited", e);
            }
            return author.validDraft(brief);
        };
    }

    // ---- LessonAuthorPort ----

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        writeCalls.incrementAndGet();
        briefs.add(brief);
        budgets.add(budget);
        return answer(writeReplies.poll(), brief);
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        repairCalls.incrementAndGet();
        budgets.add(budget);
        repairBriefs.add(brief);
        repairedDrafts.add(previous);
        repairViolations.add(List.copyOf(violations));
        return answer(repairReplies.poll(), brief);
    }

    private AuthoredDraft answer(Reply reply, LessonBrief brief) {
        PackageDraft draft = (reply == null ? valid() : reply).answer(this, brief);
        answers.add(draft);
        return new AuthoredDraft(draft, NAME, USAGE_PER_CALL);
    }

    // ---- drafts ----

    /** A draft that keeps every rule of {@code brief}, with fresh new words from the supply. */
    public PackageDraft validDraft(LessonBrief brief) {
        return validDraft(brief, nextWords(brief.newWords().requested()));
    }

    /**
     * A draft that keeps every rule of {@code brief} except, possibly, those {@code newWords} break:
     * reviews open with the planned words, the new lesson introduces {@code newWords}, and the notes
     * give each of them a pronunciation and a meaning.
     */
    public PackageDraft validDraft(LessonBrief brief, List<String> newWords) {
        List<Conversation> conversations = new ArrayList<>();
        for (ReviewWord word : brief.reviewWords()) {
            conversations.add(review(word.text()));
        }
        conversations.add(new NewLesson("New lesson: " + newWords.get(0),
                "Build on what the learner already says well. Introduce " + String.join(", ", newWords)
                        + " one at a time and have the learner say each in a sentence of their own.",
                newWords));
        List<WordNote> notes = newWords.stream().map(w -> new WordNote(w, "/" + w + "/", "test meaning of " + w))
                .toList();
        String name = brief.existingPackage().map(LessonBrief.PackageSummary::name)
                .orElse("Speaking practice (" + brief.language().tag() + ")");
        return new PackageDraft(name, conversations,
                new Notes("Everyday conversation, spoken.", List.of("Answer in full sentences."), notes));
    }

    private static ReviewTopic review(String word) {
        return new ReviewTopic("Review: " + word,
                "Open by asking the learner to say \"" + word + "\" in a sentence, then keep them talking about it.",
                word, List.of(word));
    }

    /** The next {@code count} words of the supply; a word is never handed out twice. */
    public List<String> nextWords(int count) {
        return IntStream.range(0, count).mapToObj(i -> wordPrefix + wordSupply.incrementAndGet()).toList();
    }

    // ---- inspection ----

    /** How many times {@link #write} was called. */
    public int writeCalls() {
        return writeCalls.get();
    }

    /** How many times {@link #repair} was called. */
    public int repairCalls() {
        return repairCalls.get();
    }

    /** All calls, writes and repairs. */
    public int calls() {
        return writeCalls() + repairCalls();
    }

    /** The briefs {@link #write} was called with, in call order. */
    public List<LessonBrief> briefs() {
        return List.copyOf(briefs);
    }

    /** The brief of the latest {@link #write} call. */
    public LessonBrief lastBrief() {
        if (briefs.isEmpty()) {
            throw new IllegalStateException("the author was never asked to write");
        }
        return briefs.get(briefs.size() - 1);
    }

    /** The briefs {@link #repair} was called with, in call order. */
    public List<LessonBrief> repairBriefs() {
        return List.copyOf(repairBriefs);
    }

    /** The drafts {@link #repair} was asked to fix, in call order. */
    public List<PackageDraft> repairedDrafts() {
        return List.copyOf(repairedDrafts);
    }

    /** The violations each {@link #repair} call was given, in call order. */
    public List<List<Violation>> repairViolations() {
        return List.copyOf(repairViolations);
    }

    /** The budget of every call (writes and repairs), in call order. */
    public List<AuthorBudget> budgets() {
        return List.copyOf(budgets);
    }

    /** Every draft this author returned (writes and repairs), in order. */
    public List<PackageDraft> answers() {
        return List.copyOf(answers);
    }
}

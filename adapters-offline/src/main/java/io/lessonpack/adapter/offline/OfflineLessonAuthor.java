package io.lessonpack.adapter.offline;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.Notes;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.Violation;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes a valid package from a {@link LessonBrief} without any model, so lessonpack runs end to end
 * on a laptop with no key and no network. Every package it writes says so in its name, its notes and
 * its author ({@value #AUTHOR}).
 *
 * <p>How it writes: one review topic per domain-chosen word, opening by asking the learner to say it,
 * then a new lesson. Its new words come from the bundled {@link Lexicon}, read as one list in teaching
 * order: the words after the last lesson's (the brief's existing package names them), wrapping round
 * at the end, skipping every word the brief shows the learner has met: review words, known words,
 * the last lesson's words, and the targets they hit or missed and the words they used, which the
 * curriculum holds as well.
 *
 * <p>The brief is a sample, so a word the learner met long ago can still be chosen; the domain's check
 * against the whole curriculum names it. {@link #repair} then keeps the words the check let through
 * and adds unchecked ones only to reach the fewest the plan allows ({@link NewWordCount#min()}): a
 * repaired lesson may have fewer new words, but there is no second repair round to spend on a guess.
 * With fewer unmet words left than that, the author refuses.
 */
public final class OfflineLessonAuthor implements LessonAuthorPort {

    /** The author name stored on every package this author writes. */
    public static final String AUTHOR = "offline";

    private static final String OFFLINE_NOTE =
            "Written offline by lessonpack's rule-based author: no language model was used.";

    private final Map<String, Bundled> lexicons = new ConcurrentHashMap<>();

    /**
     * What is bundled for one language, so that the cache remembers a language without a lexicon too.
     *
     * @param lexiconOrNull the language's bundled lexicon; null when none is bundled
     */
    private record Bundled(Lexicon lexiconOrNull) {
    }

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        Lexicon lexicon = lexicon(brief.language());
        List<Lexicon.Entry> newWords = unmet(brief, lexicon, Set.of()).limit(brief.newWords().requested()).toList();
        return new AuthoredDraft(draft(brief, lexicon, newWords), AUTHOR, AuthorUsage.none());
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        Lexicon lexicon = lexicon(brief.language());
        Set<WordKey> rejected = new HashSet<>();
        for (Violation v : violations) {
            if (v instanceof Violation.DuplicateWord d) {
                WordKey.tryOf(brief.language(), d.word()).ifPresent(rejected::add);
            }
        }
        Set<WordKey> tried = new HashSet<>(rejected);
        List<Lexicon.Entry> newWords = new ArrayList<>();
        for (String word : checkedNewWords(previous)) {
            Optional<Lexicon.Entry> entry = lexicon.entry(word);
            if (entry.isPresent() && tried.add(entry.get().key()) && newWords.size() < brief.newWords().requested()) {
                newWords.add(entry.get());
            }
        }
        int missing = brief.newWords().min() - newWords.size();
        if (missing > 0) {
            unmet(brief, lexicon, tried).limit(missing).forEach(newWords::add);
        }
        return new AuthoredDraft(draft(brief, lexicon, newWords), AUTHOR, AuthorUsage.none());
    }

    private Lexicon lexicon(Language language) {
        Lexicon lexicon = lexicons.computeIfAbsent(language.code(),
                c -> new Bundled(Lexicon.bundled(language).orElse(null))).lexiconOrNull();
        if (lexicon == null) {
            throw new LessonAuthorException(LessonAuthorException.Kind.REJECTED,
                    "the offline author has no lexicon for language " + language.code()
                            + "; bundled: es, fr, ja (configure an OpenAI-compatible endpoint for others)");
        }
        return lexicon;
    }

    /**
     * The new words of the draft's one new lesson, which the domain checked against the whole
     * curriculum; none when the draft does not have exactly one (the check then never reached them).
     */
    private static List<String> checkedNewWords(PackageDraft draft) {
        List<NewLesson> lessons = draft.conversations().stream()
                .filter(NewLesson.class::isInstance).map(NewLesson.class::cast).toList();
        return lessons.size() == 1 ? lessons.get(0).words() : List.of();
    }

    /**
     * Lexicon words the brief does not show the learner has met, in teaching order from just after the
     * last lesson's words, wrapping round; none of {@code excluded}.
     */
    private static Stream<Lexicon.Entry> unmet(LessonBrief brief, Lexicon lexicon, Set<WordKey> excluded) {
        Language language = brief.language();
        Set<WordKey> met = new HashSet<>(excluded);
        List<String> texts = new ArrayList<>();
        brief.reviewWords().forEach(w -> {
            met.add(w.key());
            texts.add(w.text());
        });
        brief.knownWords().forEach(w -> texts.add(w.writing()));
        texts.addAll(brief.missedTargets());
        texts.addAll(brief.hitTargets());
        texts.addAll(brief.wordsUsed());
        List<String> lastWords = brief.existingPackage().map(LessonBrief.PackageSummary::lastNewWords).orElse(List.of());
        texts.addAll(lastWords);
        // A kana word also stands for its reading, as the domain's check treats it.
        texts.forEach(text -> {
            WordKey.tryOf(language, text).ifPresent(met::add);
            WordKey.readingKey(language, text).ifPresent(met::add);
        });
        List<Lexicon.Entry> entries = lexicon.entries();
        int start = lastWords.stream().map(lexicon::entry).flatMap(Optional::stream)
                .mapToInt(e -> e.position() + 1).max().orElse(0);
        return IntStream.range(0, entries.size()).mapToObj(i -> entries.get((start + i) % entries.size()))
                .filter(e -> !met.contains(e.key())
                        && WordKey.readingKey(language, e.note().writing()).map(r -> !met.contains(r)).orElse(true));
    }

    private static PackageDraft draft(LessonBrief brief, Lexicon lexicon, List<Lexicon.Entry> newWords) {
        Language language = brief.language();
        if (newWords.size() < brief.newWords().min()) {
            throw new LessonAuthorException(LessonAuthorException.Kind.REFUSED, "the offline author found "
                    + newWords.size() + " word(s) in its " + language.code() + " lexicon that the learner has not met,"
                    + " fewer than the " + brief.newWords().min() + " a lesson needs (configure an OpenAI-compatible"
                    + " endpoint for more words)");
        }
        String languageName = language.locale().getDisplayLanguage(Locale.ENGLISH);
        List<Conversation> conversations = new ArrayList<>();
        for (ReviewWord word : brief.reviewWords()) {
            conversations.add(reviewTopic(word, languageName));
        }
        String topic = String.join(" and ", newWords.stream().map(e -> e.topic().title()).distinct().toList());
        List<String> newWordTexts = newWords.stream().map(e -> e.note().writing()).toList();
        conversations.add(new NewLesson("New words: " + topic, newLessonInstructions(languageName, topic,
                newWordTexts, brief), newWordTexts));

        List<WordNote> noteWords = new ArrayList<>(newWords.stream().map(Lexicon.Entry::note).toList());
        for (ReviewWord word : brief.reviewWords()) {
            reviewNote(brief, lexicon, word).ifPresent(noteWords::add);
        }
        String name = brief.existingPackage().map(LessonBrief.PackageSummary::name)
                .orElse(languageName + " speaking practice (written offline)");
        return new PackageDraft(name, conversations, new Notes(learning(brief, topic), workOn(brief), noteWords));
    }

    private static ReviewTopic reviewTopic(ReviewWord word, String languageName) {
        String instructions = "Speak " + languageName + " only. Open by asking the learner to say \"" + word.text()
                + "\" without showing it to them: describe its meaning or a situation where it is needed, then wait."
                + " If they cannot produce it, give the first sound as a hint, then the word, and ask them to repeat it"
                + " twice. Then ask two short questions whose natural answer uses \"" + word.text()
                + "\", and finish by having them use it in a sentence of their own.";
        return new ReviewTopic("Recall \"" + word.text() + "\"", instructions, word.text(), List.of(word.text()));
    }

    private static String newLessonInstructions(String languageName, String topic, List<String> newWords,
            LessonBrief brief) {
        List<String> known = brief.knownWords().stream().map(WordNote::writing).limit(8).toList();
        return "Speak " + languageName + " only, slowly and simply. Role-play a short everyday scene on the topic \""
                + topic + "\". Introduce these new words one at a time: "
                + String.join(", ", newWords.stream().map(w -> "\"" + w + "\"").toList())
                + ". For each, say it clearly, ask the learner to repeat it, then ask a question they can answer with it."
                + (known.isEmpty() ? "" : " Build the scene on words they already know: " + String.join(", ", known) + ".")
                + " End by asking the learner to use three of the new words in their own sentences.";
    }

    private static Optional<WordNote> reviewNote(LessonBrief brief, Lexicon lexicon, ReviewWord word) {
        Optional<WordNote> known = brief.knownWords().stream()
                .filter(n -> WordKey.tryOf(brief.language(), n.writing()).map(word.key()::equals).orElse(false))
                .filter(n -> !n.pronunciation().isEmpty())
                .findFirst();
        return known.or(() -> lexicon.lookup(word.text()));
    }

    private static String learning(LessonBrief brief, String topic) {
        String reviews = String.join(", ", brief.reviewWords().stream().map(w -> "\"" + w.text() + "\"").toList());
        return "Today you recall " + reviews + " from memory, then learn new words for \"" + topic + "\". "
                + OFFLINE_NOTE;
    }

    private static List<String> workOn(LessonBrief brief) {
        List<String> items = new ArrayList<>();
        brief.missedTargets().stream().limit(3)
                .forEach(w -> items.add("Say \"" + w + "\" out loud until it comes without hesitation."));
        if (!brief.feedback().isEmpty()) {
            String latest = brief.feedback().get(0);
            items.add("From your last session's feedback: " + shorten(latest, 300));
        }
        if (items.isEmpty()) {
            items.add("Answer in full sentences and keep speaking even when unsure.");
        }
        return items;
    }

    private static String shorten(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints)) + "…";
    }
}

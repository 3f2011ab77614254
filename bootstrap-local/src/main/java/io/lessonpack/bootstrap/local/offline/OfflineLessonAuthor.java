package io.lessonpack.bootstrap.local.offline;

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
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a valid package from a {@link LessonBrief} without any model, so lessonpack runs end to end
 * on a laptop with no key and no network. Every package it writes says so in its name, its notes and
 * its author ({@value #AUTHOR}).
 *
 * <p>How it writes: one review topic per domain-chosen word, opening by asking the learner to say it;
 * a new lesson whose new words are, in order, the learner's missed targets and used words that the
 * bundled {@link Lexicon} knows (so it can give pronunciation and meaning), then words of the next
 * lexicon topic after the last lesson's. It sees only the brief's sample of known words, so it can
 * pick a word the learner already knows; the domain's check against the whole curriculum catches
 * that, and {@link #repair} replaces the words the violations name.
 */
public final class OfflineLessonAuthor implements LessonAuthorPort {

    /** The author name stored on every package this author writes. */
    public static final String AUTHOR = "offline";

    private static final String OFFLINE_NOTE =
            "Written offline by lessonpack's rule-based author: no language model was used.";

    private final Map<String, Optional<Lexicon>> lexicons = new ConcurrentHashMap<>();

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        return new AuthoredDraft(draft(brief, Set.of()), AUTHOR, AuthorUsage.none());
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        Set<WordKey> excluded = new HashSet<>();
        for (Violation v : violations) {
            if (v instanceof Violation.DuplicateWord d) {
                WordKey.tryOf(brief.language(), d.word()).ifPresent(excluded::add);
            }
        }
        return new AuthoredDraft(draft(brief, excluded), AUTHOR, AuthorUsage.none());
    }

    private PackageDraft draft(LessonBrief brief, Set<WordKey> excluded) {
        Language language = brief.language();
        Lexicon lexicon = lexicons.computeIfAbsent(language.code(), c -> Lexicon.bundled(language))
                .orElseThrow(() -> new LessonAuthorException(LessonAuthorException.Kind.REJECTED,
                        "the offline author has no lexicon for language " + language.code()
                                + "; bundled: es, fr, ja (configure an OpenAI-compatible endpoint for others)"));
        String languageName = language.locale().getDisplayLanguage(Locale.ENGLISH);

        Set<WordKey> unavailable = new HashSet<>(excluded);
        brief.knownWords().forEach(w -> WordKey.tryOf(language, w.writing()).ifPresent(unavailable::add));
        brief.reviewWords().forEach(w -> unavailable.add(w.key()));

        List<Conversation> conversations = new ArrayList<>();
        for (ReviewWord word : brief.reviewWords()) {
            conversations.add(reviewTopic(word, languageName));
        }
        Lexicon.Topic topic = nextTopic(lexicon, brief);
        Map<WordKey, WordNote> newWords = chooseNewWords(brief, lexicon, topic, unavailable);
        if (newWords.isEmpty()) {
            throw new LessonAuthorException(LessonAuthorException.Kind.REFUSED,
                    "the offline lexicon for " + language.code() + " has no word left that the learner does not know");
        }
        List<String> newWordTexts = newWords.values().stream().map(WordNote::writing).toList();
        conversations.add(new NewLesson("New words: " + topic.title(), newLessonInstructions(languageName, topic,
                newWordTexts, brief), newWordTexts));

        List<WordNote> noteWords = new ArrayList<>(newWords.values());
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

    private static Lexicon.Topic nextTopic(Lexicon lexicon, LessonBrief brief) {
        List<Lexicon.Topic> topics = lexicon.topics();
        int last = brief.existingPackage()
                .map(p -> indexOfTopic(topics, p.lastNewLesson()))
                .orElse(-1);
        return topics.get((last + 1) % topics.size());
    }

    private static int indexOfTopic(List<Lexicon.Topic> topics, String lessonTitle) {
        for (int i = 0; i < topics.size(); i++) {
            if (lessonTitle.endsWith(topics.get(i).title())) {
                return i;
            }
        }
        return -1;
    }

    private static Map<WordKey, WordNote> chooseNewWords(LessonBrief brief, Lexicon lexicon, Lexicon.Topic topic,
            Set<WordKey> unavailable) {
        Language language = brief.language();
        int wanted = brief.newWords().requested();
        Map<WordKey, WordNote> chosen = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>(brief.missedTargets());
        candidates.addAll(brief.wordsUsed());
        topic.words().forEach(w -> candidates.add(w.writing()));
        int start = lexicon.topics().indexOf(topic);
        for (int i = 1; i < lexicon.topics().size(); i++) {
            lexicon.topics().get((start + i) % lexicon.topics().size()).words().forEach(w -> candidates.add(w.writing()));
        }
        for (String candidate : candidates) {
            if (chosen.size() == wanted) {
                break;
            }
            Optional<WordKey> key = WordKey.tryOf(language, candidate);
            Optional<WordNote> note = lexicon.lookup(candidate);
            if (key.isPresent() && note.isPresent() && !unavailable.contains(key.get())) {
                chosen.putIfAbsent(key.get(), note.get());
            }
        }
        return chosen;
    }

    private static String newLessonInstructions(String languageName, Lexicon.Topic topic, List<String> newWords,
            LessonBrief brief) {
        List<String> known = brief.knownWords().stream().map(WordNote::writing).limit(8).toList();
        return "Speak " + languageName + " only, slowly and simply. Role-play a short everyday scene on the topic \""
                + topic.title() + "\". Introduce these new words one at a time: "
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

    private static String learning(LessonBrief brief, Lexicon.Topic topic) {
        String reviews = String.join(", ", brief.reviewWords().stream().map(w -> "\"" + w.text() + "\"").toList());
        return "Today you recall " + reviews + " from memory, then learn new words for \"" + topic.title() + "\". "
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

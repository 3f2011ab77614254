package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.UnreadablePackageException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import java.lang.System.Logger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a package item the original service wrote (no {@code schemaVersion}) as a
 * {@link ForeignPackage} to adopt. Its shape, as far as it is known:
 * <pre>
 * id S · userId S · language S · name S · createdAt S · updatedAt S
 * conversations L of M {type "review"|"lesson", title, prompt, firstWord (reviews), vocabulary L of S}
 * notes M {learning S, improve L of S, vocabulary L of M {word, pronunciation, translation}}
 * </pre>
 * Reading is lenient where leniency loses nothing: the field names of the current schema are
 * accepted as well ({@code kind}, {@code words}, {@code openingWord}, {@code writing},
 * {@code meaning}), a list of words may be an {@code L} or an {@code SS}, and a missing or unreadable
 * name or time is left out. Words beyond {@link ForeignPackage#MAX_WORDS} are left out with a
 * {@code package.foreign_words_over_bound} line. It is strict where a guess could re-teach a word or lose the learner:
 * the item must name its user and a language tag, and {@code conversations}, {@code notes} and their
 * word lists, when present, must have the shape that holds words; otherwise the item is unreadable.
 */
final class ForeignPackageItems {

    /** The conversation types that are a lesson (not a review); the last one is the package's last lesson. */
    private static final Set<String> LESSON_TYPES = Set.of("lesson", "new_lesson");

    private static final Logger LOG = System.getLogger(ForeignPackageItems.class.getName());

    private ForeignPackageItems() {
    }

    /** Reads the item; {@code table} only names it in errors. */
    static ForeignPackage fromItem(String table, Map<String, AttributeValue> item) {
        String rawId = Attributes.string(item, PackageItems.ID).orElse("?");
        Reader r = new Reader(table, rawId);
        PackageId id = r.valid(PackageItems.ID, () -> PackageId.of(rawId));
        UserId userId = r.valid(PackageItems.USER_ID, () -> UserId.of(Attributes.string(item, PackageItems.USER_ID)
                .orElseThrow()));
        Language language = Attributes.string(item, PackageItems.LANGUAGE).flatMap(Language::parse)
                .orElseThrow(() -> r.unreadable("language is missing or not a language tag"));

        List<WordNote> words = new ArrayList<>();
        String lastTitle = "";
        List<String> lastWords = List.of();
        AttributeValue notes = item.get("notes");
        if (notes != null) {
            if (!notes.hasM()) {
                throw r.unreadable("notes is not a map");
            }
            words.addAll(r.noteWords(notes.m()));
        }
        AttributeValue conversations = item.get("conversations");
        if (conversations != null) {
            if (!conversations.hasL()) {
                throw r.unreadable("conversations is not a list");
            }
            for (int i = 0; i < conversations.l().size(); i++) {
                AttributeValue value = conversations.l().get(i);
                String at = "conversations[" + i + "]";
                if (!value.hasM()) {
                    throw r.unreadable(at + " is not a map");
                }
                Map<String, AttributeValue> c = value.m();
                List<String> vocabulary = r.words(at, c, "vocabulary", "words");
                r.firstString(c, "firstWord", "openingWord").ifPresent(w -> words.add(new WordNote(w, "", "")));
                vocabulary.forEach(w -> words.add(new WordNote(w, "", "")));
                String type = r.firstString(c, "type", "kind").orElse("");
                if (LESSON_TYPES.contains(type) || i == conversations.l().size() - 1 && lastTitle.isEmpty()) {
                    lastTitle = r.firstString(c, "title").orElse("");
                    lastWords = vocabulary;
                }
            }
        }
        ForeignPackage pkg = new ForeignPackage(id, userId, language, Attributes.string(item, "name").orElse(""),
                instant(item, "createdAt"), instant(item, "updatedAt"), lastTitle, lastWords, words);
        if (pkg.words().size() == ForeignPackage.MAX_WORDS && words.size() > ForeignPackage.MAX_WORDS) {
            LogEvent.of("package.foreign_words_over_bound").with("packageId", rawId).with("wordEntries", words.size())
                    .with("adopted", ForeignPackage.MAX_WORDS).warn(LOG);
        }
        return pkg;
    }

    /** The instant, or null when it is missing or not an ISO-8601 instant (the package is adopted without it). */
    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return Attributes.string(item, name).flatMap(Instants::parse).orElse(null);
    }

    /** Reads parts of one item, failing with a message that names the item and the attribute, never a text. */
    private record Reader(String table, String id) {

        UnreadablePackageException unreadable(String what) {
            return new UnreadablePackageException(id, "package item '" + id + "' in table " + table
                    + " is neither a current package nor one of the original service's shape: " + what);
        }

        <T> T valid(String name, Supplier<T> read) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                throw unreadable(name + " is missing or not a valid id");
            }
        }

        Optional<String> firstString(Map<String, AttributeValue> m, String... names) {
            for (String name : names) {
                Optional<String> value = Attributes.string(m, name).filter(s -> !s.isBlank());
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }

        /** A word list under the first of {@code names} present: an L of strings or of word maps, or an SS. */
        List<String> words(String at, Map<String, AttributeValue> m, String... names) {
            for (String name : names) {
                AttributeValue v = m.get(name);
                if (v == null) {
                    continue;
                }
                if (v.hasSs()) {
                    return List.copyOf(v.ss());
                }
                if (!v.hasL()) {
                    throw unreadable(at + "." + name + " is not a list of words");
                }
                List<String> words = new ArrayList<>();
                for (AttributeValue element : v.l()) {
                    if (element.s() != null) {
                        words.add(element.s());
                    } else if (element.hasM()) {
                        firstString(element.m(), "word", "writing").ifPresent(words::add);
                    } else {
                        throw unreadable(at + "." + name + " holds something that is not a word");
                    }
                }
                return words;
            }
            return List.of();
        }

        /** The words of the notes, with the pronunciation and meaning they give. */
        List<WordNote> noteWords(Map<String, AttributeValue> notes) {
            for (String name : List.of("vocabulary", "words")) {
                AttributeValue v = notes.get(name);
                if (v == null) {
                    continue;
                }
                if (!v.hasL()) {
                    throw unreadable("notes." + name + " is not a list");
                }
                List<WordNote> words = new ArrayList<>();
                for (AttributeValue element : v.l()) {
                    if (element.s() != null) {
                        words.add(new WordNote(element.s(), "", ""));
                    } else if (element.hasM()) {
                        Map<String, AttributeValue> w = element.m();
                        firstString(w, "word", "writing").ifPresent(word -> words.add(new WordNote(word,
                                firstString(w, "pronunciation").orElse(""),
                                firstString(w, "translation", "meaning").orElse(""))));
                    } else {
                        throw unreadable("notes." + name + " holds something that is not a word");
                    }
                }
                return words;
            }
            return List.of();
        }
    }
}

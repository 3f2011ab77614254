package io.lessonpack.bootstrap.local.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small bundled beginner lexicon for one language, grouped into topics: the offline author's only
 * source of pronunciations and meanings (there is no model to ask). Bundled for Spanish, French and
 * Japanese, under {@code io/lessonpack/bootstrap/local/lexicon/<code>.json}.
 */
public final class Lexicon {

    /** A topic of the lexicon, such as "At the café", with its words in teaching order. */
    public record Topic(String title, List<WordNote> words) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    private final Language language;
    private final List<Topic> topics;
    private final Map<WordKey, WordNote> byKey = new LinkedHashMap<>();

    Lexicon(Language language, List<Topic> topics) {
        this.language = language;
        this.topics = List.copyOf(topics);
        topics.forEach(t -> t.words().forEach(w -> byKey.putIfAbsent(WordKey.of(language, w.writing()), w)));
    }

    /** The bundled lexicon for {@code language}, or empty when none is bundled. */
    public static Optional<Lexicon> bundled(Language language) {
        String resource = "/io/lessonpack/bootstrap/local/lexicon/" + language.code() + ".json";
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            File file = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, File.class);
            return Optional.of(new Lexicon(language, file.topics().stream()
                    .map(t -> new Topic(t.title(), t.words().stream()
                            .map(w -> new WordNote(w.writing(), w.pronunciation(), w.meaning())).toList()))
                    .toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled lexicon " + resource + " is unreadable", e);
        }
    }

    public Language language() {
        return language;
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The lexicon's note for a word, matched by word key. */
    public Optional<WordNote> lookup(String word) {
        return WordKey.tryOf(language, word).map(byKey::get);
    }

    private record File(String language, List<FileTopic> topics) {
    }

    private record FileTopic(String title, List<FileWord> words) {
    }

    private record FileWord(String writing, String pronunciation, String meaning) {
    }
}

package io.lessonpack.adapter.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundled lexicon of everyday words for one language, grouped into topics in teaching order: the
 * offline author's only source of new words, pronunciations and meanings (there is no model to ask).
 * Bundled for Spanish, French and Japanese (about 470 words each), under
 * {@code io/lessonpack/adapter/offline/lexicon/<code>.json}, generated from the word lists in
 * {@code adapters-offline/tools/lexicon} (see its README for sources and licence).
 */
public final class Lexicon {

    /** A topic of the lexicon, such as "At the café", with its words in teaching order. */
    public record Topic(String title, List<WordNote> words) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    /**
     * A word of the lexicon: its key, its note, its topic, and its place in the teaching order (0 for
     * the first word of the first topic).
     */
    public record Entry(int position, WordKey key, WordNote note, Topic topic) {
    }

    private final Language language;
    private final List<Topic> topics;
    private final List<Entry> entries;
    private final Map<WordKey, Entry> byKey = new HashMap<>();

    Lexicon(Language language, List<Topic> topics) {
        this.language = language;
        this.topics = List.copyOf(topics);
        List<Entry> inOrder = new ArrayList<>();
        for (Topic topic : this.topics) {
            for (WordNote word : topic.words()) {
                WordKey key = WordKey.of(language, word.writing());
                if (!byKey.containsKey(key)) {
                    Entry entry = new Entry(inOrder.size(), key, word, topic);
                    inOrder.add(entry);
                    byKey.put(key, entry);
                }
            }
        }
        this.entries = List.copyOf(inOrder);
    }

    /** The bundled lexicon for {@code language}, or empty when none is bundled. */
    public static Optional<Lexicon> bundled(Language language) {
        String resource = "/io/lessonpack/adapter/offline/lexicon/" + language.code() + ".json";
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

    /** Every word in teaching order, topic by topic; a word whose key an earlier one has is left out. */
    public List<Entry> entries() {
        return entries;
    }

    /** The lexicon's entry for a word, matched by word key. */
    public Optional<Entry> entry(String word) {
        return WordKey.tryOf(language, word).map(byKey::get);
    }

    /** The lexicon's note for a word, matched by word key. */
    public Optional<WordNote> lookup(String word) {
        return entry(word).map(Entry::note);
    }

    private record File(String language, List<FileTopic> topics) {
    }

    private record FileTopic(String title, List<FileWord> words) {
    }

    private record FileWord(String writing, String pronunciation, String meaning) {
    }
}

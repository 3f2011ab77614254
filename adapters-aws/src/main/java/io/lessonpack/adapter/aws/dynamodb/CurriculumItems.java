package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.Attributes.n;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.s;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.WordKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link CurriculumEntry} as a {@code WORD#<code>#<keyVersion>#<keyValue>} item of the state table:
 * <pre>
 * writing S · pronunciation S · meaning S · introducedOn S (YYYY-MM-DD) · keyValue S · keyVersion N
 * origin S (LESSON, TESTED, REVIEWED or USED; absent on items from before it: LESSON)
 * stability N · difficulty N · lastReview S   (only once the learner has memory of the word)
 * history L of S "YYYY-MM-DD:G"               (the recall outcomes, G the grade 1-4; absent: none)
 * readingKey S                                (Japanese entries that answer to a kana reading)
 * dueUser S = USER#&lt;userId&gt;#LANGUAGE#&lt;code&gt; · dueOn S (YYYY-MM-DD)   (the DueIndex)
 * </pre>
 * {@code dueOn} is the day the word's recall probability falls to 90% (lastReview plus the FSRS
 * interval at retention 0.9, which is round(stability) whatever the weights), or the day it was
 * introduced while there is no memory yet. A word the scheduler may not choose (one the learner
 * only used) has neither {@code dueUser} nor {@code dueOn}, so the sparse index never returns it.
 *
 * <p>A {@code READING#<code>#<keyVersion>#<readingKeyValue>} item, with {@code wordKey} naming the
 * WORD item's sort key, marks a reading some Japanese entry answers to, so that the duplicate check
 * is a point read too.
 */
final class CurriculumItems {

    static final double SCHEDULING_RETENTION = 0.9;

    private static final Fsrs FSRS = Fsrs.withDefaults();

    private CurriculumItems() {
    }

    static Map<String, AttributeValue> wordItem(UserId user, CurriculumEntry entry) {
        WordKey key = entry.key();
        Map<String, AttributeValue> item = new LinkedHashMap<>(StateKeys.key(user, StateKeys.word(key)));
        item.put("writing", s(entry.writing()));
        item.put("pronunciation", s(entry.pronunciation()));
        item.put("meaning", s(entry.meaning()));
        item.put("introducedOn", s(entry.introducedOn().toString()));
        item.put("keyValue", s(key.value()));
        item.put("keyVersion", n(key.version()));
        item.put("origin", s(entry.origin().name()));
        entry.memory().ifPresent(m -> {
            item.put("stability", n(m.stability()));
            item.put("difficulty", n(m.difficulty()));
            item.put("lastReview", s(m.lastReview().toString()));
        });
        if (!entry.history().isEmpty()) {
            item.put("history", AttributeValue.fromL(entry.history().recalls().stream()
                    .map(r -> s(r.day() + ":" + r.rating().grade())).toList()));
        }
        entry.readingKey().ifPresent(r -> item.put("readingKey", s(r.value())));
        if (entry.scheduled()) {
            item.put(StateKeys.DUE_USER, s(StateKeys.dueUser(user, key.language())));
            item.put(StateKeys.DUE_ON, s(dueOn(entry).toString()));
        }
        return item;
    }

    static Map<String, AttributeValue> readingItem(UserId user, WordKey readingKey, WordKey wordKey) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(StateKeys.key(user, StateKeys.reading(readingKey)));
        item.put("wordKey", s(StateKeys.word(wordKey)));
        return item;
    }

    /**
     * The READING items for the added words: one per distinct reading, none where an added word's
     * own key already answers to the reading (a kana word is its own reading). Two actions on one
     * item would make DynamoDB refuse the whole transaction.
     */
    static List<Map<String, AttributeValue>> readingItems(UserId userId, List<CurriculumEntry> added) {
        Set<WordKey> addedKeys = new HashSet<>();
        added.forEach(e -> addedKeys.add(e.key()));
        Map<WordKey, WordKey> readingToWord = new LinkedHashMap<>();
        for (CurriculumEntry entry : added) {
            entry.readingKey()
                    .filter(reading -> !addedKeys.contains(reading))
                    .ifPresent(reading -> readingToWord.putIfAbsent(reading, entry.key()));
        }
        return readingToWord.entrySet().stream()
                .map(e -> readingItem(userId, e.getKey(), e.getValue()))
                .toList();
    }

    /** When the word is due: the day its recall probability falls to 90%, or its first day. */
    static LocalDate dueOn(CurriculumEntry entry) {
        return entry.memory()
                .map(m -> m.lastReview().plusDays(FSRS.intervalDays(m.stability(), SCHEDULING_RETENTION)))
                .orElse(entry.introducedOn().date());
    }

    /**
     * Reads a WORD item.
     *
     * @throws UnreadableItemException naming the learner and the faulty attribute (never the word)
     */
    static CurriculumEntry fromItem(String table, UserId user, Map<String, AttributeValue> item) {
        try {
            String sortKey = Attributes.string(item, StateKeys.SK).orElseThrow(() -> new IllegalArgumentException("SK is missing"));
            String[] parts = sortKey.split("#", 4);
            if (parts.length != 4 || !"WORD".equals(parts[0])) {
                throw new IllegalArgumentException("SK is not WORD#<code>#<keyVersion>#<keyValue>");
            }
            WordKey key = new WordKey(parts[1], required(item, "keyValue"),
                    Math.toIntExact(Attributes.longNumber(item, "keyVersion")
                            .orElseThrow(() -> new IllegalArgumentException("keyVersion is missing or not a whole number"))));
            Optional<Double> stability = Attributes.doubleNumber(item, "stability");
            Optional<MemoryState> memory = stability.map(st -> new MemoryState(st,
                    Attributes.doubleNumber(item, "difficulty")
                            .orElseThrow(() -> new IllegalArgumentException("difficulty is missing beside stability")),
                    LocalDate.parse(required(item, "lastReview"))));
            CurriculumEntry.Origin origin = Attributes.string(item, "origin").map(CurriculumEntry.Origin::valueOf)
                    .orElse(CurriculumEntry.Origin.LESSON);
            return CurriculumEntry.restore(key, required(item, "writing"),
                    Attributes.string(item, "pronunciation").orElse(""), Attributes.string(item, "meaning").orElse(""),
                    LessonDay.parse(required(item, "introducedOn")), origin, memory.orElse(null), history(item));
        } catch (RuntimeException e) {
            // Domain and parse messages name fields and rules; the word itself never reaches the message.
            throw new UnreadableItemException("a curriculum WORD item of user " + user.value() + " in table " + table
                    + " cannot be read: " + e.getClass().getSimpleName() + ": " + safe(e));
        }
    }

    /** The {@code history} attribute; absent (items from before it) is an empty history. */
    static RecallHistory history(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("history");
        if (value == null) {
            return RecallHistory.empty();
        }
        if (!value.hasL()) {
            throw new IllegalArgumentException("history is not a list");
        }
        List<Recall> recalls = new ArrayList<>();
        for (AttributeValue element : value.l()) {
            String[] parts = element.s() == null ? new String[0] : element.s().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("history holds an element that is not YYYY-MM-DD:G");
            }
            recalls.add(new Recall(LocalDate.parse(parts[0]), Rating.ofGrade(Integer.parseInt(parts[1]))));
        }
        return RecallHistory.of(recalls);
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        return Attributes.string(item, name).orElseThrow(() -> new IllegalArgumentException(name + " is missing"));
    }

    /** A parse error's message can quote its input; only our own and the domain's are kept. */
    private static String safe(RuntimeException e) {
        return e instanceof java.time.format.DateTimeParseException ? "not a YYYY-MM-DD date" : e.getMessage();
    }
}

package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.offline.Lexicon;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Learner;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts packages of the original service's shape into the packages table before the soak starts, as
 * the shared table already holds them (docs/contracts.md, "The packages table"): no
 * {@code schemaVersion}, no {@code version}, no {@code author}; {@code conversations} of
 * {@code type} review or lesson with a {@code prompt}, a review's {@code firstWord} and a
 * {@code vocabulary} list; {@code notes} with {@code learning}, {@code improve} and a
 * {@code vocabulary} of {@code word}/{@code pronunciation}/{@code translation}; and attributes
 * another service added ({@code lastPracticedAt}, {@code tags}), which must survive.
 */
final class LegacyPackages {

    /**
     * A package written before the run.
     *
     * @param vocabulary the words it taught, which lessonpack must never introduce again
     * @param foreign    the attributes another service added, as written
     */
    record Legacy(String id, String userId, String languageTag, List<String> vocabulary,
            Map<String, AttributeValue> foreign) {
    }

    private LegacyPackages() {
    }

    /** Writes one package per learner that has a legacy language; returns them. */
    static List<Legacy> write(DynamoDbClient dynamoDb, String table, List<Learner> learners, LocalDate firstDay) {
        List<Legacy> written = new ArrayList<>();
        for (Learner learner : learners) {
            if (learner.legacyTag().isEmpty()) {
                continue;
            }
            String tag = learner.legacyTag().get();
            List<WordNote> words = Lexicon.bundled(Language.of(tag)).map(l -> l.topics().get(0).words())
                    .orElse(List.of()).stream().limit(5).toList();
            List<String> vocabulary = words.stream().map(WordNote::writing).toList();
            String id = UUID.nameUUIDFromBytes(("legacy|" + learner.userId() + "|" + tag).getBytes()).toString();
            Instant created = firstDay.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, AttributeValue> foreign = new LinkedHashMap<>();
            foreign.put("lastPracticedAt", AttributeValue.fromS(firstDay.minusDays(3).atTime(18, 30)
                    .toInstant(ZoneOffset.UTC).toString()));
            foreign.put("tags", AttributeValue.fromSs(List.of("beginner", "migrated")));
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("id", s(id));
            item.put("userId", s(learner.userId()));
            item.put("language", s(tag));
            item.put("name", s("Daily conversation practice"));
            item.put("createdAt", s(created.toString()));
            item.put("updatedAt", s(created.plusSeconds(30L * 86_400).toString()));
            item.put("conversations", AttributeValue.fromL(List.of(
                    conversation("review", "Warm-up review", "Ask the learner to greet you.", vocabulary.subList(0, 1), true),
                    conversation("lesson", "Meeting someone", "Role-play meeting a new neighbour.", vocabulary, false))));
            item.put("notes", AttributeValue.fromM(Map.of(
                    "learning", s("Greetings and introductions."),
                    "improve", AttributeValue.fromL(List.of(s("Speak a little more slowly."))),
                    "vocabulary", AttributeValue.fromL(words.stream().map(w -> AttributeValue.fromM(Map.of(
                            "word", s(w.writing()), "pronunciation", s(w.pronunciation()),
                            "translation", s(w.meaning())))).toList()))));
            item.putAll(foreign);
            dynamoDb.putItem(b -> b.tableName(table).item(item));
            written.add(new Legacy(id, learner.userId(), tag, vocabulary, foreign));
        }
        return written;
    }

    private static AttributeValue conversation(String type, String title, String prompt, List<String> vocabulary,
            boolean review) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("type", s(type));
        m.put("title", s(title));
        m.put("prompt", s(prompt));
        if (review && !vocabulary.isEmpty()) {
            m.put("firstWord", s(vocabulary.get(0)));
        }
        m.put("vocabulary", AttributeValue.fromL(vocabulary.stream().map(LegacyPackages::s).toList()));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

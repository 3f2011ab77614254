package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.offline.Lexicon;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.AnalysisWrite;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plays the analysis service: writes each planned result into the analysis-results table raw, in
 * that service's format, whatever is wrong with it (a {@code createdAt} that is not a date, a tag
 * lessonpack cannot read, no ids). What the learner was asked to say comes from their package at
 * the time (review openers and new words), else from the offline lexicon; each word is hit or
 * missed by chance.
 */
final class AnalysisWriter {

    /**
     * A result as it was written.
     *
     * @param storedSessionId the stored {@code sessionId}; null when none is stored ({@link #sessionId()})
     * @param storedTag       the stored {@code targetLanguage}; null when none is stored ({@link #tag()})
     * @param createdAt       the stored {@code createdAt} text
     * @param spelledInstant  the instant it spells; null when it spells none ({@link #createdAtInstant()})
     * @param writtenAt       the simulated time it was written
     */
    record Written(String analysisId, String userId, String storedSessionId, String storedTag, String createdAt,
            Instant spelledInstant, Instant writtenAt, AnalysisVariant variant, String sessionLanguageTag) {

        /** The stored {@code sessionId}; empty when none is stored. */
        Optional<String> sessionId() {
            return Optional.ofNullable(storedSessionId);
        }

        /** The stored {@code targetLanguage}; empty when none is stored. */
        Optional<String> tag() {
            return Optional.ofNullable(storedTag);
        }

        /** The instant the stored {@code createdAt} spells; empty when it spells none. */
        Optional<Instant> createdAtInstant() {
            return Optional.ofNullable(spelledInstant);
        }
    }

    private static final int HUGE = 300;

    private final DynamoDbClient dynamoDb;
    private final TableReader tables;
    private final Random random;
    private final Set<String> keys = new HashSet<>();
    private final List<Written> written = new ArrayList<>();

    AnalysisWriter(DynamoDbClient dynamoDb, TableReader tables, Random random) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.random = random;
    }

    /** Writes the result; {@code createdAt} is moved on by a millisecond while the learner already has one at it. */
    void write(AnalysisWrite plan) {
        String userId = plan.session().learner().userId();
        Optional<Instant> instant = plan.createdAtInstant();
        String createdAt = plan.createdAt();
        while (!keys.add(userId + "|" + createdAt)) {
            instant = instant.map(i -> i.plusMillis(1));
            createdAt = instant.map(Instant::toString).orElse(createdAt + "+");
        }
        List<String> targets = targets(userId, plan.session().languageTag());
        List<String> hit = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (String word : targets) {
            (random.nextDouble() < 0.7 ? hit : missed).add(word);
        }
        List<String> used = new ArrayList<>(hit);
        if (plan.variant() == AnalysisVariant.HUGE_TARGETS) {
            for (int i = 1; i <= HUGE; i++) {
                missed.add("target " + i);
                used.add("word " + i);
            }
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(userId));
        item.put("createdAt", AttributeValue.fromS(createdAt));
        item.put("analysisId", AttributeValue.fromS(plan.analysisId()));
        if (plan.withSession()) {
            item.put("sessionId", AttributeValue.fromS(plan.session().sessionId()));
        }
        plan.tag().ifPresent(t -> item.put("targetLanguage", AttributeValue.fromS(t)));
        item.put("targetsHit", list(hit));
        item.put("targetsMissed", list(missed));
        item.put("wordsUsed", list(used));
        item.put("feedback", AttributeValue.fromS("Spoke clearly and kept the conversation going; practise the missed words."));
        dynamoDb.putItem(b -> b.tableName(tables.tables().analysisResultsTable()).item(item));
        written.add(new Written(plan.analysisId(), userId, plan.withSession() ? plan.session().sessionId() : null,
                plan.storedTag(), createdAt, instant.orElse(null), plan.at(), plan.variant(),
                plan.session().languageTag()));
    }

    /** Every result written so far, in order. */
    List<Written> written() {
        return List.copyOf(written);
    }

    private List<String> targets(String userId, String tag) {
        String code = TableReader.code(tag);
        List<String> words = tables.languageStates(userId).getOrDefault(code,
                        new TableReader.LanguageState(code, null, null))
                .packageId().flatMap(tables::packageItem).map(TableReader::lessonWords).orElse(List.of());
        if (words.isEmpty()) {
            words = Lexicon.bundled(Language.of(tag)).map(l -> l.topics().get(random.nextInt(l.topics().size()))
                    .words().stream().map(w -> w.writing()).limit(4).toList()).orElse(List.of());
        }
        return words.stream().limit(6).toList();
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}

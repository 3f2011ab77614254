package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The soak's invariants, checked from what the tables hold at the end, the published events
 * (de-duplicated by {@code eventId}), the driver's samples and the queue's history. Invariants 5
 * (analysis results) and 6 (sessions end) have their own classes; the numbering is the issue's,
 * plus an eighth for the original service's packages.
 */
final class InvariantChecks {

    /** Days a learner with a session and its analysis every day may go without a lesson. */
    static final int STUCK_DAYS = 2;

    private InvariantChecks() {
    }

    static List<InvariantResult> all(SoakFacts facts) {
        return List.of(oneLessonPerDay(facts), noWordTwice(facts), versionsAnnounced(facts), watermarks(facts),
                AnalysisAccounting.check(facts), SessionEndings.check(facts), noLearnerStuck(facts),
                legacyKept(facts));
    }

    /** 1: the RUN# records and the published events, per learner per lesson day. */
    static InvariantResult oneLessonPerDay(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(1, "one lesson per learner per UTC day");
        Map<String, List<String>> runs = new TreeMap<>();
        for (Map<String, AttributeValue> run : facts.runRecords()) {
            String[] sk = TableReader.string(run, "SK").orElse("").split("#", 3);
            if (sk.length == 3) {
                runs.computeIfAbsent(user(run) + " on " + sk[1], k -> new ArrayList<>()).add(sk[2]);
            }
        }
        runs.forEach((day, sessions) -> {
            if (sessions.size() > 1) {
                result.violation(day + ": " + sessions.size() + " lessons (RUN# records of sessions "
                        + String.join(", ", sessions) + ")");
            }
        });
        Map<String, Set<String>> announced = new TreeMap<>();
        for (PackageGeneratedEvent e : uniqueEvents(facts).values()) {
            announced.computeIfAbsent(e.userId().value() + " on " + LocalDate.ofInstant(e.generatedAt(), ZoneOffset.UTC),
                    k -> new TreeSet<>()).add(e.eventId());
        }
        announced.forEach((day, ids) -> {
            if (ids.size() > 1 && runs.getOrDefault(day, List.of()).size() <= 1) {
                result.violation(day + ": " + ids.size() + " lessons announced (" + String.join(", ", ids) + ")");
            }
        });
        return result.build();
    }

    /** 2: no word key among the new words of two versions, nor among an original package's words. */
    static InvariantResult noWordTwice(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(2, "no word introduced twice");
        Map<String, Map<WordKey, String>> introduced = new HashMap<>();
        for (LegacyPackages.Legacy legacy : facts.legacy()) {
            Language language = Language.of(legacy.languageTag());
            Map<WordKey, String> known = introduced.computeIfAbsent(legacy.userId() + " " + language.code(),
                    k -> new HashMap<>());
            legacy.vocabulary().forEach(w -> WordKey.tryOf(language, w).ifPresent(key -> known.put(key,
                    "the original service's package " + legacy.id())));
        }
        for (SoakHistory.Version v : facts.history().versions()) {
            Optional<Language> language = Language.parse(v.tag());
            if (language.isEmpty()) {
                continue;
            }
            Map<WordKey, String> known = introduced.computeIfAbsent(v.userId() + " " + v.code(), k -> new HashMap<>());
            String here = "version " + v.version() + " of package " + v.packageId();
            for (String word : v.newWords()) {
                Optional<WordKey> key = WordKey.tryOf(language.get(), word);
                if (key.isEmpty()) {
                    continue;
                }
                String earlier = known.putIfAbsent(key.get(), here);
                if (earlier != null && !earlier.equals(here)) {
                    result.violation(v.userId() + " " + v.code() + ": word key " + key.get().value() + " introduced by "
                            + here + " and already by " + earlier);
                }
            }
        }
        return result.build();
    }

    /** 3: every committed version has an event with its id, and every event names a committed version. */
    static InvariantResult versionsAnnounced(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(3, "every committed version announced once by id");
        Map<String, String> committed = new TreeMap<>();
        for (Map<String, AttributeValue> run : facts.runRecords()) {
            TableReader.string(run, "packageId").ifPresent(id -> committed.put(
                    PackageGeneratedEvent.eventIdOf(PackageId.of(id),
                            TableReader.number(run, "packageVersion")), user(run)));
        }
        facts.history().versions().forEach(v -> committed.put(v.packageId() + ":" + v.version(), v.userId()));
        for (Map<String, AttributeValue> pkg : facts.packages()) {
            if (TableReader.string(pkg, "schemaVersion").isPresent() && TableReader.number(pkg, "version") > 0) {
                committed.put(TableReader.string(pkg, "id").orElse("") + ":" + TableReader.number(pkg, "version"),
                        TableReader.string(pkg, "userId").orElse("?"));
            }
        }
        Map<String, PackageGeneratedEvent> events = uniqueEvents(facts);
        committed.forEach((eventId, user) -> {
            if (!events.containsKey(eventId)) {
                result.violation(user + ": version " + eventId + " was committed but never announced");
            }
        });
        events.keySet().stream().filter(id -> !committed.containsKey(id)).forEach(id ->
                result.violation("event " + id + " was announced but that version was never committed"));
        Map<String, Set<PackageGeneratedEvent>> byId = new LinkedHashMap<>();
        facts.events().forEach(e -> byId.computeIfAbsent(e.eventId(), k -> new HashSet<>()).add(e));
        byId.forEach((id, variants) -> {
            if (variants.size() > 1) {
                result.violation("event id " + id + " was announced " + variants.size() + " times with different contents");
            }
        });
        return result.build();
    }

    /** 4: each sample of lastProcessedAt is at most the end of its invocation and at least the one before. */
    static InvariantResult watermarks(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(4,
                "lastProcessedAt never in the future and never backwards");
        facts.history().watermarks().forEach((learner, samples) -> {
            Optional<Instant> previous = Optional.empty();
            Set<Instant> future = new HashSet<>();
            for (SoakHistory.Watermark sample : samples) {
                Optional<Instant> value = sample.value().flatMap(TableReader::instant);
                if (sample.value().isPresent() && value.isEmpty()) {
                    result.violation(learner + ": lastProcessedAt is not an instant after invocation " + sample.invocation());
                    continue;
                }
                // A value in the future counts once, however many samples see it.
                if (value.isPresent() && value.get().isAfter(sample.invocationEnd()) && future.add(value.get())) {
                    result.violation(learner + ": lastProcessedAt " + value.get() + " after invocation "
                            + sample.invocation() + ", which ended at " + sample.invocationEnd());
                }
                if (previous.isPresent() && (value.isEmpty() || value.get().isBefore(previous.get()))) {
                    result.violation(learner + ": lastProcessedAt went back from " + previous.get() + " to "
                            + value.map(Object::toString).orElse("unset") + " in invocation " + sample.invocation());
                }
                if (value.isPresent() && (previous.isEmpty() || value.get().isAfter(previous.get()))) {
                    previous = value;
                }
            }
        });
        return result.build();
    }

    /**
     * 7: a learner whose every day of a stretch had a session with usable analysis, and who got no
     * lesson dated that day or the next, is stuck; more than {@value #STUCK_DAYS} such days in a row breaks it.
     */
    static InvariantResult noLearnerStuck(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(7,
                "no learner stuck for more than " + STUCK_DAYS + " days");
        Map<String, Set<LocalDate>> due = new TreeMap<>();
        for (SoakScenario.Session s : facts.scenario().sessions()) {
            if (s.analysis().usableSameDay()) {
                due.computeIfAbsent(s.learner().userId(), k -> new TreeSet<>())
                        .add(LocalDate.ofInstant(s.endedAt(), ZoneOffset.UTC));
            }
        }
        Map<String, Set<LocalDate>> lessons = new HashMap<>();
        for (Map<String, AttributeValue> run : facts.runRecords()) {
            String[] sk = TableReader.string(run, "SK").orElse("").split("#", 3);
            if (sk.length == 3) {
                lessons.computeIfAbsent(user(run), k -> new HashSet<>()).add(LocalDate.parse(sk[1]));
            }
        }
        due.forEach((user, days) -> {
            Set<LocalDate> had = lessons.getOrDefault(user, Set.of());
            int streak = 0;
            LocalDate lastStuck = null;
            for (LocalDate day : days) {
                if (had.contains(day) || had.contains(day.plusDays(1))) {
                    streak = 0;
                    lastStuck = null;
                    continue;
                }
                streak = lastStuck != null && lastStuck.plusDays(1).equals(day) ? streak + 1 : 1;
                lastStuck = day;
                if (streak == STUCK_DAYS + 1) {
                    result.violation(user + ": sessions with analysis on " + day.minusDays(STUCK_DAYS) + " to " + day
                            + " and no lesson on any of those days or the day after");
                }
            }
        });
        return result.build();
    }

    /** 8: the original service's packages keep their id, learner, language and other services' attributes. */
    static InvariantResult legacyKept(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(8,
                "original-service packages keep their id and other services' attributes");
        Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
        facts.packages().forEach(p -> TableReader.string(p, "id").ifPresent(id -> byId.put(id, p)));
        for (LegacyPackages.Legacy legacy : facts.legacy()) {
            Map<String, AttributeValue> item = byId.get(legacy.id());
            if (item == null) {
                result.violation(legacy.userId() + " " + legacy.languageTag() + ": package " + legacy.id() + " is gone");
                continue;
            }
            if (!legacy.userId().equals(TableReader.string(item, "userId").orElse(""))
                    || !TableReader.code(legacy.languageTag()).equals(TableReader.code(
                            TableReader.string(item, "language").orElse("")))) {
                result.violation(legacy.userId() + ": package " + legacy.id() + " changed learner or language");
            }
            legacy.foreign().forEach((name, value) -> {
                if (!value.equals(item.get(name))) {
                    result.violation(legacy.userId() + ": package " + legacy.id() + " lost or changed its attribute " + name);
                }
            });
        }
        return result.build();
    }

    /** The published events, one per eventId (the first published). */
    static Map<String, PackageGeneratedEvent> uniqueEvents(SoakFacts facts) {
        Map<String, PackageGeneratedEvent> unique = new LinkedHashMap<>();
        facts.events().forEach(e -> unique.putIfAbsent(e.eventId(), e));
        return unique;
    }

    private static String user(Map<String, AttributeValue> stateItem) {
        return TableReader.string(stateItem, "PK").orElse("USER#?").substring("USER#".length());
    }
}

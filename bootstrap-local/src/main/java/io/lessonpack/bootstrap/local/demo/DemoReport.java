package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the demo prints of each message's outcome (the package as a learner reads it, what the
 * memory model saw, a skip or a failure with its reason) and the summary at the end, per learner
 * and language.
 */
final class DemoReport {

    /** A learner in one language, to count their curriculum for the summary. */
    record LearnerLanguage(UserId userId, Language language) {
    }

    private final PrintStream out;
    private final LocalTables tables;
    private final InMemoryEventPublisher events;
    private final Map<String, Map<String, Integer>> tally = new TreeMap<>();
    private final Map<String, LearnerLanguage> learners = new LinkedHashMap<>();

    DemoReport(PrintStream out, LocalTables tables, InMemoryEventPublisher events) {
        this.out = Objects.requireNonNull(out, "out");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Prints one message's outcome.
     *
     * @param label   who and what, as the demo names the message
     * @param group   the summary line it counts in
     * @param learner the learner and language, or null when the message names none
     */
    void show(String label, String group, LearnerLanguage learner, GenerationOutcome outcome) {
        if (learner != null) {
            learners.putIfAbsent(group, learner);
        }
        switch (outcome) {
            case GenerationOutcome.Generated g -> {
                out.println("  ✔ " + label + " — " + (g.created() ? "package created" : "package updated")
                        + " (" + g.lessonPackage().id() + ")");
                out.print(PackageRenderer.render(g.lessonPackage(), "    "));
                out.println("    memory model: " + memory(g.record()));
                if (events.events().contains(g.event())) {
                    out.println("    → published " + PackageGeneratedEvent.TYPE + " eventId=" + g.event().eventId());
                }
                count(group, "lesson");
            }
            case GenerationOutcome.Skipped k -> {
                out.println("  – " + label + " — skipped: " + words(k.reason().name())
                        + (k.detail().isEmpty() ? "" : " (" + k.detail() + ")"));
                count(group, "skipped (" + words(k.reason().name()) + ")");
            }
            case GenerationOutcome.Failed f -> {
                out.println("  ✖ " + label + " — failed" + (f.retryable() ? " (will be retried)" : "") + ": "
                        + words(f.reason().name()) + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
                count(group, "failed (" + words(f.reason().name()) + ")");
            }
        }
    }

    /** What the lesson's evidence gave the memory model, in words. */
    static String memory(GenerationRecord record) {
        return record.wordsWithEvidence() + (record.wordsWithEvidence() == 1 ? " word" : " words")
                + " with recall evidence, " + record.wordsAdded() + " new to the curriculum (tested or used)";
    }

    private void count(String group, String what) {
        tally.computeIfAbsent(group, k -> new LinkedHashMap<>()).merge(what, 1, Integer::sum);
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Prints the counts per learner and language, their curricula, and the events and packages. */
    void summary(String title) {
        out.println();
        out.println("══ " + title + " ══");
        tally.forEach((who, counts) -> {
            StringBuilder line = new StringBuilder("  " + who + ": ");
            List<String> parts = new ArrayList<>();
            counts.forEach((what, n) -> parts.add(what.equals("lesson")
                    ? n + (n == 1 ? " lesson" : " lessons")
                    : what + (n == 1 ? "" : " ×" + n)));
            line.append(String.join(", ", parts));
            LearnerLanguage learner = learners.get(who);
            if (learner != null) {
                LocalTables.Curriculum curriculum = tables.curriculum(learner.userId(), learner.language());
                line.append("; curriculum: ").append(curriculum.words()).append(" words, ")
                        .append(curriculum.scheduled()).append(" scheduled, ")
                        .append(curriculum.withHistory()).append(" with recall history");
            }
            out.println(line);
        });
        out.println("  events published: " + events.events().size() + ", packages in the table: "
                + tables.packageCount());
    }
}

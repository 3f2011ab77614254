package io.lessonpack.bootstrap.local.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a soak did and each invariant's verdict, as text for a person or as JSON ({@code --json}).
 * Ids, counts, days and reason codes only; never learner text.
 */
final class SoakReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SoakFacts facts;
    private final List<InvariantResult> invariants;

    SoakReport(SoakFacts facts, List<InvariantResult> invariants) {
        this.facts = facts;
        this.invariants = List.copyOf(invariants);
    }

    List<InvariantResult> invariants() {
        return invariants;
    }

    SoakFacts facts() {
        return facts;
    }

    boolean allHeld() {
        return invariants.stream().allMatch(InvariantResult::held);
    }

    /** The figures of the summary, by name, in print order. */
    Map<String, Object> figures() {
        SoakScenario s = facts.scenario();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("learners", s.learners().size());
        f.put("learnerLanguages", s.learners().stream().flatMap(l -> l.languageTags().stream())
                .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting())));
        f.put("learnersInSharedGroups", s.learners().stream().filter(SoakScenario.Learner::sharesGroup).count());
        f.put("originalServicePackages", legacyLearners());
        f.put("days", s.days());
        f.put("sessions", s.sessions().size());
        f.put("dayBoundarySessions", s.sessions().stream().filter(SoakScenario.Session::dayBoundary).count());
        f.put("analysisResults", facts.analyses().size());
        f.put("analysisByVariant", s.sessions().stream().collect(Collectors.groupingBy(x -> x.analysis().label(),
                TreeMap::new, Collectors.counting())));
        f.put("messages", s.sends().size());
        f.put("messagesByKind", s.sends().stream().collect(Collectors.groupingBy(m -> m.kind().name().toLowerCase(Locale.ROOT),
                TreeMap::new, Collectors.counting())));
        f.put("invocations", facts.history().invocations().size());
        f.put("invocationsDied", facts.history().invocations().stream().filter(SoakHistory.InvocationRecord::died).count());
        f.put("invocationsTimedOut", facts.history().invocations().stream()
                .filter(SoakHistory.InvocationRecord::timedOut).count());
        f.put("receives", facts.history().receiveCount());
        Map<String, Integer> faults = new LinkedHashMap<>();
        for (FaultClass c : FaultClass.values()) {
            faults.put(c.label(), facts.history().fired().getOrDefault(c, 0));
        }
        f.put("faultsInjected", faults);
        f.put("lessons", facts.runRecords().size());
        f.put("eventsPublished", facts.events().size());
        f.put("distinctEventIds", InvariantChecks.uniqueEvents(facts).size());
        f.put("receivesByOutcome", new TreeMap<>(facts.history().outcomes()));
        List<SimulatedFifoQueue.Message> dlq = facts.queue().deadLetters();
        f.put("deadLetterQueue", dlq.size());
        f.put("deadLettersExplainedByFaults", dlq.stream().filter(m -> SessionEndings.explainedByFaults(
                facts.history().receives().getOrDefault(m.id(), List.of()))).count());
        f.put("simulatedFrom", facts.start().toString());
        f.put("simulatedTo", facts.end().toString());
        f.put("realSeconds", Math.round(facts.realTime().toMillis() / 100.0) / 10.0);
        facts.stoppedBy().ifPresent(b -> f.put("stoppedBy", b));
        f.put("logFile", String.valueOf(facts.logFile()));
        f.put("logLines", facts.log().size());
        f.put("faultLogLines", facts.log().count("chaos.fault"));
        return f;
    }

    void printText(PrintStream out) {
        ChaosOptions o = facts.options();
        Map<String, Object> f = figures();
        out.printf(Locale.ROOT, "lessonpack chaos: seed %d, %d learners, %d simulated days from %s, fault rate %.2f per message attempt%n",
                o.seed(), o.users(), o.days(), facts.scenario().firstDay(), o.faultRate());
        out.println("  the real VoiceSessionHandler on DynamoDB Local, the OpenAI adapter against a loopback model stand-in,");
        out.println("  a simulated SQS FIFO queue (visibility 360 s, maxReceiveCount 10, batches of 5), simulated time");
        out.println();
        out.println("what it did");
        line(out, "learners", f.get("learners") + " (languages " + counts(f.get("learnerLanguages")) + "; "
                + f.get("learnersInSharedGroups") + " in shared message groups; " + facts.legacy().size()
                + " with a package of the original service: " + String.join(", ", legacyLearners())
                + ")");
        line(out, "sessions", f.get("sessions") + " over " + f.get("days") + " days, " + f.get("dayBoundarySessions")
                + " in the last seconds of a UTC day");
        line(out, "analysis", f.get("analysisResults") + " results written; by session: " + counts(f.get("analysisByVariant")));
        line(out, "messages", f.get("messages") + " sent: " + counts(f.get("messagesByKind")));
        line(out, "invocations", f.get("invocations") + " (" + f.get("invocationsDied") + " lost to a process death, "
                + f.get("invocationsTimedOut") + " past 60 s), " + f.get("receives") + " receives");
        line(out, "faults", counts(f.get("faultsInjected")));
        line(out, "lessons", f.get("lessons") + " (RUN# records); " + f.get("eventsPublished") + " events published, "
                + f.get("distinctEventIds") + " distinct ids");
        Map<String, Object> outcomes = new TreeMap<>(facts.history().outcomes());
        line(out, "lessons by receive", filtered(outcomes, "created", "updated"));
        line(out, "skips by reason", filtered(outcomes, "skipped "));
        line(out, "failures by reason", filtered(outcomes, "failed "));
        line(out, "process deaths", filtered(outcomes, "process died"));
        line(out, "dead-letter queue", f.get("deadLetterQueue") + " messages (" + f.get("deadLettersExplainedByFaults")
                + " explained by more injected faults than the queue leaves room for)");
        line(out, "simulated time", f.get("simulatedFrom") + " to " + f.get("simulatedTo"));
        line(out, "real time", f.get("realSeconds") + " s"
                + (facts.stoppedBy().map(b -> "; stopped early by " + b).orElse("")));
        line(out, "log", f.get("logFile") + " (" + f.get("logLines") + " JSON lines, " + f.get("faultLogLines")
                + " chaos.fault lines naming each injected fault)");
        out.println();
        out.println("invariants");
        for (InvariantResult r : invariants) {
            String title = r.number() + ". " + r.title();
            out.println("  " + title + " " + ".".repeat(Math.max(2, 78 - title.length())) + " "
                    + (r.held() ? "held" : "BROKEN (" + r.violations() + "): " + r.firstCounterexample()));
        }
        long broken = invariants.stream().filter(r -> !r.held()).count();
        out.println();
        out.println(broken == 0 ? "result: every invariant held" : "result: " + broken + " of " + invariants.size()
                + " invariants BROKEN");
    }

    void printJson(PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        ChaosOptions o = facts.options();
        root.putObject("options").put("users", o.users()).put("days", o.days()).put("faultRate", o.faultRate())
                .put("seed", o.seed());
        root.set("did", JSON.valueToTree(figures()));
        var list = root.putArray("invariants");
        for (InvariantResult r : invariants) {
            ObjectNode n = list.addObject().put("number", r.number()).put("title", r.title())
                    .put("held", r.held()).put("violations", r.violations());
            if (!r.held()) {
                n.put("firstCounterexample", r.firstCounterexample());
                r.counterexamples().forEach(n.putArray("counterexamples")::add);
            }
        }
        root.put("allHeld", allHeld());
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    private List<String> legacyLearners() {
        return facts.legacy().stream().map(l -> l.userId() + " " + l.languageTag()).toList();
    }

    private static void line(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "  %-19s %s%n", name, value);
    }

    private static String counts(Object map) {
        if (!(map instanceof Map<?, ?> m) || m.isEmpty()) {
            return "none";
        }
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String filtered(Map<String, Object> outcomes, String... prefixes) {
        Map<String, Object> kept = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> {
            for (String p : prefixes) {
                if (k.startsWith(p)) {
                    kept.put(k.startsWith("skipped ") || k.startsWith("failed ") ? k.substring(k.indexOf(' ') + 1) : k, v);
                }
            }
        });
        return counts(kept);
    }
}

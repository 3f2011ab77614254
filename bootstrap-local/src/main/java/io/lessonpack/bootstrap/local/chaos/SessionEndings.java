package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.aws.sqs.RedeliveryBackoff;
import io.lessonpack.bootstrap.local.chaos.SimulatedFifoQueue.Message;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Send;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Invariant 6, from the queue's history: every valid message is deleted within
 * {@link SimulatedFifoQueue#MAX_RECEIVE_COUNT} receives after a lesson or a skip by the rules
 * ({@code ALREADY_PROCESSED}, {@code ALREADY_HAD_LESSON_TODAY}, {@code NO_NEW_ANALYSIS},
 * {@code NOTHING_TO_REVIEW}), and its session has a {@code generation.outcome} line that is not a
 * failure. A message in the dead-letter queue breaks it unless the soak's own faults explain it:
 * more than {@link RedeliveryBackoff#OTHER_FAILURES_ALLOWED} of its receives met an injected fault
 * (its invocation died, or a fault fired for a learner of its message group), which is more than the
 * queue's design leaves room for. A message still queued when the soak stopped breaks it too.
 * Poison messages must be deleted as skipped ({@code MISSING_FIELDS} or {@code INVALID_MESSAGE}).
 */
final class SessionEndings {

    private static final Set<String> RULE_SKIPS = Set.of("skipped ALREADY_PROCESSED",
            "skipped ALREADY_HAD_LESSON_TODAY", "skipped NO_NEW_ANALYSIS", "skipped NOTHING_TO_REVIEW");
    private static final Set<String> POISON_SKIPS = Set.of("skipped MISSING_FIELDS", "skipped INVALID_MESSAGE");

    private SessionEndings() {
    }

    static InvariantResult check(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(6,
                "every valid session ends in a lesson or a logged skip within "
                        + SimulatedFifoQueue.MAX_RECEIVE_COUNT + " receives");
        Set<String> logged = facts.log().sessionsWithLessonOrSkip();
        for (Send send : facts.scenario().sends()) {
            String label = label(send);
            Optional<Message> sent = facts.queue().message(send.messageId());
            if (sent.isEmpty()) {
                result.violation(label + ": never sent, the soak stopped by " + facts.stoppedBy().orElse("?"));
                continue;
            }
            Message message = sent.get();
            List<SoakHistory.Receive> receives = facts.history().receives().getOrDefault(send.messageId(), List.of());
            switch (message.state()) {
                case DELETED -> {
                    String outcome = receives.stream().filter(SoakHistory.Receive::acknowledged)
                            .reduce((a, b) -> b).map(SoakHistory.Receive::outcome).orElse("?");
                    if (!send.valid()) {
                        if (!POISON_SKIPS.contains(outcome)) {
                            result.violation(label + ": a poison message ended as " + outcome);
                        }
                    } else if (!outcome.equals("created") && !outcome.equals("updated") && !RULE_SKIPS.contains(outcome)) {
                        result.violation(label + ": ended as " + outcome);
                    } else if (!logged.contains(send.session().sessionId())) {
                        result.violation(label + ": ended as " + outcome + " without a generation.outcome line");
                    }
                }
                case DEAD_LETTER -> {
                    if (!explainedByFaults(receives)) {
                        result.violation(label + ": in the dead-letter queue after " + message.receives()
                                + " receives (" + outcomes(receives) + ")");
                    }
                }
                case QUEUED, IN_FLIGHT -> result.violation(label + ": not finished when the soak stopped ("
                        + message.receives() + " receives: " + outcomes(receives) + ")");
            }
        }
        return result.build();
    }

    /** Whether more of the receives met an injected fault than the queue's design leaves room for. */
    static boolean explainedByFaults(List<SoakHistory.Receive> receives) {
        return receives.stream().filter(SoakHistory.Receive::faulted).count() > RedeliveryBackoff.OTHER_FAILURES_ALLOWED;
    }

    private static String label(Send send) {
        return send.valid()
                ? "message " + send.messageId() + " (" + send.session().sessionId() + " of "
                        + send.session().learner().userId() + ", " + send.session().languageTag() + ", "
                        + send.kind().name().toLowerCase(Locale.ROOT) + ")"
                : "poison message " + send.messageId();
    }

    /** The receives' outcomes, counted, in order of first appearance. */
    static String outcomes(List<SoakHistory.Receive> receives) {
        Map<String, Long> counts = receives.stream().collect(Collectors.groupingBy(SoakHistory.Receive::outcome,
                TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() > 1 ? e.getKey() + " ×" + e.getValue() : e.getKey())
                .collect(Collectors.joining(", "));
    }
}

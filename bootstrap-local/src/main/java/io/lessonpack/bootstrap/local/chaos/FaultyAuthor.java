package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps the real OpenAI adapter (talking to the loopback model stand-in) with the model's time and
 * the soak's model faults. On a lane, every request takes 8-25 s of the lane's simulated time (a
 * slow answer 35-80 s); an answer that would arrive after the author's budget ends is cut at the
 * deadline as the adapter cuts one ({@code DEADLINE}), because the stand-in itself answers at once
 * in real time. A 429, a 500, a refusal or a truncated answer is scripted on the stand-in
 * ({@link ModelScripts}), so the adapter meets it on the wire and classifies it itself. A process
 * death fails the request, before it is sent or after it was answered.
 */
final class FaultyAuthor implements LessonAuthorPort {

    private static final int FASTEST_S = 8;
    private static final int SLOWEST_S = 25;
    private static final int SLOW_FASTEST_S = 35;
    private static final int SLOW_SLOWEST_S = 80;
    /** What an attempt that ended without a lesson (an error, a refusal) costs in simulated time. */
    private static final Duration FAILED_REQUEST = Duration.ofSeconds(1);

    private final LessonAuthorPort inner;
    private final ModelScripts scripts;

    FaultyAuthor(LessonAuthorPort inner, ModelScripts scripts) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
    }

    @Override
    public AuthoredDraft write(LessonBrief brief, AuthorBudget budget) {
        return request(budget, () -> inner.write(brief, budget));
    }

    @Override
    public AuthoredDraft repair(LessonBrief brief, PackageDraft previous, List<Violation> violations,
            AuthorBudget budget) {
        return request(budget, () -> inner.repair(brief, previous, violations, budget));
    }

    private AuthoredDraft request(AuthorBudget budget, Supplier<AuthoredDraft> call) {
        Optional<Lane> bound = Lanes.current();
        if (bound.isEmpty()) {
            return call.get();
        }
        Lane lane = bound.get();
        Lane.Fate fate = lane.enter(CallKind.MODEL, "chat.completions");
        if (fate == Lane.Fate.FAIL) {
            throw died();
        }
        boolean slow = fate == Lane.Fate.INJECT && lane.plannedFault() == FaultClass.MODEL_SLOW;
        String token = fate == Lane.Fate.INJECT && !slow ? scripts.script(lane.plannedFault(), lane.random()) : null;
        lane.modelToken(token);
        AuthoredDraft draft;
        try {
            draft = call.get();
        } catch (LessonAuthorException e) {
            lane.spend(FAILED_REQUEST);
            if (fate == Lane.Fate.DIE_AFTER) {
                lane.die();
                throw died();
            }
            throw e;
        } finally {
            lane.modelToken(null);
            if (token != null) {
                scripts.forget(token);
            }
        }
        if (fate == Lane.Fate.DIE_AFTER) {
            lane.die();
            throw died();
        }
        int seconds = slow ? between(lane, SLOW_FASTEST_S, SLOW_SLOWEST_S) : between(lane, FASTEST_S, SLOWEST_S);
        Duration latency = Duration.ofSeconds(seconds).plusMillis(lane.random().nextInt(1000));
        Instant answeredAt = lane.now().plus(latency);
        if (answeredAt.isAfter(budget.deadline())) {
            lane.spend(Duration.between(lane.now(), budget.deadline()));
            throw new LessonAuthorException(LessonAuthorException.Kind.DEADLINE,
                    "the model's answer would take " + seconds + " s, past the author's deadline (chaos soak)");
        }
        lane.spend(latency);
        return draft;
    }

    private static int between(Lane lane, int from, int to) {
        return from + lane.random().nextInt(to - from + 1);
    }

    private static LessonAuthorException died() {
        return new LessonAuthorException(LessonAuthorException.Kind.UNAVAILABLE,
                "the process died (chaos soak): no answer");
    }
}

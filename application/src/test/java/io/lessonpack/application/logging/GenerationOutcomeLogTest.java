package io.lessonpack.application.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.EmfDocument;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.application.testing.ScriptedAuthor;
import io.lessonpack.domain.learner.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@code generation.outcome} line of each kind of outcome, produced by the use case's envelope
 * on a real generation (and by the queue side's call for a message never attempted), read back as
 * CloudWatch reads its embedded metrics.
 */
class GenerationOutcomeLogTest {

    private static final String TOTAL_AND_BY_OUTCOME = "[[], [outcome]]";
    private static final String TOTAL_AND_BY_REASON = "[[], [reason]]";
    private static final String BY_OUTCOME = "[[outcome]]";
    private static final String TOTAL = "[[]]";

    @Test
    void aLessonCreated_countsOneLesson_byOutcome_withItsDurationTokensAndCost() {
        GenerationFixture f = GenerationFixture.create();

        EmfDocument emf = outcomeLine(() -> f.generate(f.session("s1")));

        assertThat(emf.text("outcome")).isEqualTo("created");
        assertThat(emf.namespaces()).containsExactly("lessonpack");
        assertThat(emf.timestamp()).isEqualTo(f.clock().instant().toEpochMilli());
        assertThat(described(emf)).containsExactly(
                "lessons Count " + TOTAL_AND_BY_OUTCOME,
                "durationMs Milliseconds " + BY_OUTCOME,
                "authorCalls Count " + TOTAL,
                "promptTokens Count " + TOTAL,
                "cachedTokens Count " + TOTAL,
                "completionTokens Count " + TOTAL,
                "estimatedCostUsd None " + TOTAL);
        assertThat(emf.value("lessons")).isEqualTo(1);
        assertThat(emf.value("authorCalls")).isEqualTo(ScriptedAuthor.USAGE_PER_CALL.calls());
        assertThat(emf.value("promptTokens")).isEqualTo(ScriptedAuthor.USAGE_PER_CALL.promptTokens());
        assertThat(emf.value("completionTokens")).isEqualTo(ScriptedAuthor.USAGE_PER_CALL.completionTokens());
        assertThat(emf.value("estimatedCostUsd")).isPositive();
    }

    @Test
    void aLessonUpdated_countsOneLesson_withOutcomeUpdated() {
        GenerationFixture f = GenerationFixture.create();
        f.generate(f.session("s1"));
        f.nextDay();

        EmfDocument emf = outcomeLine(() -> f.generate(f.session("s2")));

        assertThat(emf.text("outcome")).isEqualTo("updated");
        assertThat(emf.value("lessons")).isEqualTo(1);
        assertThat(emf.units()).doesNotContainKeys("skips", "failures", "learnerVisibleFailures");
    }

    @Test
    void aSkip_countsOneSkip_byReason_andItsDuration() {
        GenerationFixture f = GenerationFixture.create();
        GenerateDailyPackageCommand s1 = f.session("s1");
        f.generate(s1);

        EmfDocument emf = outcomeLine(() -> f.generate(s1));

        assertThat(emf.text("outcome")).isEqualTo("skipped");
        assertThat(emf.text("reason")).isEqualTo("ALREADY_PROCESSED");
        assertThat(described(emf)).containsExactly("skips Count " + TOTAL_AND_BY_REASON,
                "durationMs Milliseconds " + BY_OUTCOME);
        assertThat(emf.value("skips")).isEqualTo(1);
    }

    @Test
    void aFailureTheLearnerNotices_countsAsFailureAndAsLearnerVisible_byReason() {
        GenerationFixture f = GenerationFixture.create();
        f.author().onWrite(ScriptedAuthor.failure(LessonAuthorException.Kind.UNPARSEABLE));

        EmfDocument emf = outcomeLine(() -> f.generate(f.session("s1")));

        assertThat(emf.text("reason")).isEqualTo("AUTHOR_OUTPUT_UNPARSEABLE");
        assertThat(described(emf)).containsExactly("failures Count " + TOTAL_AND_BY_REASON,
                "learnerVisibleFailures Count " + TOTAL_AND_BY_REASON, "durationMs Milliseconds " + BY_OUTCOME);
        assertThat(emf.value("failures")).isEqualTo(1);
        assertThat(emf.value("learnerVisibleFailures")).isEqualTo(1);
        assertThat(emf.root().get("retryable").asBoolean()).isTrue();
    }

    @Test
    void aFailureOnlyForTime_countsAsFailure_butNotAsLearnerVisible() {
        GenerationFixture f = GenerationFixture.create();

        EmfDocument emf = outcomeLine(() -> f.generate(f.command("no-analysis-yet")));

        assertThat(emf.text("reason")).isEqualTo("AWAITING_ANALYSIS");
        assertThat(described(emf)).containsExactly("failures Count " + TOTAL_AND_BY_REASON,
                "durationMs Milliseconds " + BY_OUTCOME);
        assertThat(emf.root().has("learnerVisibleFailures")).isFalse();
    }

    @Test
    void aMessageNeverAttempted_countsAsFailure_withoutADuration_andNotAsLearnerVisibleAgain() {
        GenerationFixture f = GenerationFixture.create();
        Instant decided = Instant.parse("2025-03-03T09:00:05Z");

        EmfDocument emf = outcomeLine(() -> {
            GenerationOutcome outcome = new Failed(FailureReason.EARLIER_MESSAGE_FAILED, "m1 failed");
            GenerationOutcomeLog.write(f.command("s2"), outcome, Duration.ZERO, decided,
                    Map.of("messageId", "m2", "failedMessageId", "m1"));
            return outcome;
        });

        assertThat(emf.text("reason")).isEqualTo("EARLIER_MESSAGE_FAILED");
        assertThat(emf.text("messageId")).isEqualTo("m2");
        assertThat(described(emf)).containsExactly("failures Count " + TOTAL_AND_BY_REASON);
        assertThat(emf.timestamp()).isEqualTo(decided.toEpochMilli());
    }

    @Test
    void learnerVisible_isEveryFailureButTheTimeOnlyOnesAndTheNeverAttempted() {
        Set<FailureReason> visible = EnumSet.noneOf(FailureReason.class);
        Arrays.stream(FailureReason.values()).filter(GenerationOutcomeLog::learnerVisible).forEach(visible::add);

        assertThat(visible).containsExactlyInAnyOrder(FailureReason.AUTHOR_UNAVAILABLE, FailureReason.AUTHOR_REFUSED,
                FailureReason.AUTHOR_OUTPUT_TRUNCATED, FailureReason.AUTHOR_OUTPUT_UNPARSEABLE,
                FailureReason.AUTHOR_REJECTED_REQUEST, FailureReason.DRAFT_BREAKS_RULES,
                FailureReason.STALE_PACKAGE_VERSION, FailureReason.STALE_STATE, FailureReason.CLAIM_LOST,
                FailureReason.PUBLISH_FAILED, FailureReason.STORAGE_UNAVAILABLE, FailureReason.PACKAGE_UNREADABLE,
                FailureReason.UNEXPECTED);
        assertThat(visible).noneMatch(FailureReason::retrySoon).doesNotContain(FailureReason.EARLIER_MESSAGE_FAILED);
    }

    @Test
    void everyOutcomeLine_hasOnlyOutcomeAndReasonAsDimensions_andNoLearnerTextOrModelOutput() {
        GenerationFixture f = GenerationFixture.create();
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            GenerateDailyPackageCommand s1 = f.session("s1");
            f.generate(s1);
            f.generate(s1);
            f.generate(f.command(UserId.of("learner-2"), "s2", GenerationFixture.SPANISH));
            f.nextDay();
            f.author().onWrite(ScriptedAuthor.failure(LessonAuthorException.Kind.REFUSED));
            f.generate(f.session("s3"));
            f.generate(f.session("s4"));
            lines = logs.lines().stream().filter(l -> l.contains("\"event\":\"generation.outcome\"")).toList();
        }

        assertThat(lines).hasSize(5).allSatisfy(line -> {
            EmfDocument emf = EmfDocument.parse(line);
            emf.units().keySet().forEach(metric -> assertThat(emf.dimensionSets(metric))
                    .allSatisfy(set -> assertThat(set).isSubsetOf("outcome", "reason")));
            assertThat(line).doesNotContain(GenerationFixture.FEEDBACK, GenerationFixture.MISSED,
                    GenerationFixture.HIT, GenerationFixture.USED, "palabra");
        });
        assertThat(lines.stream().map(EmfDocument::read).map(j -> j.get("outcome").asText()))
                .containsExactly("created", "skipped", "failed", "failed", "updated");
    }

    /** Runs {@code generation} and returns its one {@code generation.outcome} line, checked as EMF. */
    private static EmfDocument outcomeLine(Supplier<GenerationOutcome> generation) {
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            generation.get();
            lines = logs.lines().stream().filter(l -> l.contains("\"event\":\"generation.outcome\"")).toList();
        }
        assertThat(lines).hasSize(1);
        return EmfDocument.parse(lines.get(0));
    }

    /** Each metric as "name unit dimension-sets", in the order the line defines them. */
    private static List<String> described(EmfDocument emf) {
        List<String> described = new ArrayList<>();
        emf.units().forEach((name, unit) -> described.add(name + " " + unit + " " + emf.dimensionSets(name)));
        return described;
    }
}

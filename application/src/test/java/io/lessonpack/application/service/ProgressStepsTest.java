package io.lessonpack.application.service;

import static io.lessonpack.application.service.Outcomes.failed;
import static io.lessonpack.application.service.Outcomes.generated;
import static io.lessonpack.application.service.Outcomes.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.port.out.ProgressStep.Kind;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.application.testing.ScriptedAuthor;
import io.lessonpack.domain.memory.Fsrs;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressStepsTest {

    private final List<ProgressStep> steps = new CopyOnWriteArrayList<>();

    private GenerateDailyPackageUseCase watched(GenerationFixture f, GenerationProgressPort listener) {
        return GenerateDailyPackageService.create(f.ports().withProgress(listener), f.settings(), Fsrs.withDefaults(),
                f.clock(), f.ids());
    }

    private List<Kind> kinds() {
        return steps.stream().map(ProgressStep::kind).toList();
    }

    @Test
    void aFirstLesson_isToldStepByStepInOrder() {
        GenerationFixture f = GenerationFixture.create();
        GenerateDailyPackageCommand session = f.session("s1");

        generated(watched(f, steps::add).generate(session, f.deadline()));

        assertThat(kinds()).containsExactly(Kind.RECEIVED, Kind.DAY_CLAIMED, Kind.ANALYSIS_READ, Kind.AUTHOR_STARTED,
                Kind.AUTHOR_ANSWERED, Kind.COMMITTED, Kind.PUBLISHED);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.sessionId()).isEqualTo(session.sessionId());
            assertThat(s.userId()).isEqualTo(session.userId());
            assertThat(s.at()).isEqualTo(f.clock().instant());
        });
        assertThat(steps.get(2).detail()).isEqualTo("1 result(s)");
        assertThat(steps.get(5).detail()).isEqualTo(f.publishedEvents().get(0).eventId());
    }

    @Test
    void aDraftThatBreaksARule_isToldAsRepairedWithTheViolationsCodes_neverItsText() {
        GenerationFixture f = GenerationFixture.create();
        f.author().onWrite(ScriptedAuthor.duplicateWord(GenerationFixture.MISSED));

        generated(watched(f, steps::add).generate(f.session("s1"), f.deadline()));

        assertThat(kinds()).containsSubsequence(Kind.AUTHOR_STARTED, Kind.AUTHOR_ANSWERED, Kind.DRAFT_REPAIRED,
                Kind.AUTHOR_ANSWERED, Kind.COMMITTED);
        assertThat(steps).filteredOn(s -> s.kind() == Kind.DRAFT_REPAIRED).singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("DUPLICATE_WORD"));
        assertThat(steps).noneMatch(s -> s.detail().contains(GenerationFixture.MISSED)
                || s.detail().contains(GenerationFixture.FEEDBACK));
    }

    @Test
    void aSkipAndAFailure_endWithTheirReasons() {
        GenerationFixture f = GenerationFixture.create();
        GenerateDailyPackageUseCase service = watched(f, steps::add);
        generated(service.generate(f.session("s1"), f.deadline()));
        steps.clear();

        skipped(service.generate(f.session("s2"), f.deadline()), SkipReason.ALREADY_HAD_LESSON_TODAY);
        assertThat(kinds()).containsExactly(Kind.RECEIVED, Kind.SKIPPED);
        assertThat(steps.get(1).detail()).isEqualTo("ALREADY_HAD_LESSON_TODAY");

        steps.clear();
        f.nextDay();
        f.author().onWrite(ScriptedAuthor.failure(LessonAuthorException.Kind.REFUSED));
        failed(service.generate(f.session("s3"), f.deadline()), FailureReason.AUTHOR_REFUSED);
        assertThat(kinds()).containsExactly(Kind.RECEIVED, Kind.DAY_CLAIMED, Kind.ANALYSIS_READ, Kind.AUTHOR_STARTED,
                Kind.FAILED);
        assertThat(steps.get(4).detail()).isEqualTo("AUTHOR_REFUSED");
    }

    @Test
    void aListenerThatThrows_neverBreaksTheLesson() {
        GenerationFixture f = GenerationFixture.create();

        generated(watched(f, step -> {
            throw new IllegalStateException("the screen is gone");
        }).generate(f.session("s1"), f.deadline()));

        assertThat(f.publishedEvents()).hasSize(1);
    }
}

package io.lessonpack.adapter.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.inmemory.InMemoryAnalysisResults;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.inmemory.InMemoryLessonStore;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The offline author through the real use case: a word the learner was tested on in their first
 * session, which the author would otherwise reach in its lexicon a few lessons later, never becomes a
 * new word, because the engine put it in the curriculum on day one.
 */
class OfflineAuthorThroughTheEngineTest {

    private static final UserId LEARNER = UserId.of("learner-offline");
    private static final Language SPANISH = Language.of("es");
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test moves a day at a time. */
    private static final class DayClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aWordTestedOnDayOne_isNeverIntroducedByTheOfflineAuthorLater() {
        Lexicon lexicon = Lexicon.bundled(SPANISH).orElseThrow();
        // The author works through the lexicon in order; this word would come up in the third lesson.
        String tested = lexicon.entries().get(12).note().writing();
        DayClock clock = new DayClock();
        InMemoryLessonStore store = new InMemoryLessonStore();
        InMemoryAnalysisResults analysis = new InMemoryAnalysisResults();
        AtomicInteger ids = new AtomicInteger();
        GenerateDailyPackageUseCase service = GenerateDailyPackageService.create(
                store.ports(analysis, new InMemoryEventPublisher(), new OfflineLessonAuthor()),
                GenerationSettings.defaults(), Fsrs.withDefaults(), clock, () -> "id-" + ids.incrementAndGet());
        List<String> introduced = new ArrayList<>();

        for (int day = 1; day <= 6; day++) {
            String session = "s" + day;
            AnalysisResult.Builder result = AnalysisResult.builder(LEARNER, clock.instant()).analysisId("a-" + session)
                    .sessionId(session).targetLanguage(SPANISH).feedback("Good pace.");
            analysis.add((day == 1 ? result.targetsMissed(List.of(tested)) : result.targetsHit(List.of("gracias"))).build());
            GenerationOutcome outcome = service.generate(new GenerateDailyPackageCommand(SessionId.of(session), LEARNER,
                    SPANISH, clock.instant()), clock.instant().plus(Duration.ofSeconds(50)));

            assertThat(outcome).as("day %d", day).isInstanceOf(GenerationOutcome.Generated.class);
            introduced.addAll(((GenerationOutcome.Generated) outcome).lessonPackage().newLesson().words());
            clock.now.set(clock.instant().plus(Duration.ofDays(1)));
        }

        assertThat(introduced).noneMatch(w -> WordKey.of(SPANISH, w).equals(WordKey.of(SPANISH, tested)));
        assertThat(store.curriculumOf(LEARNER, SPANISH)).filteredOn(e -> e.key().equals(WordKey.of(SPANISH, tested)))
                .singleElement().extracting(CurriculumEntry::origin).isEqualTo(CurriculumEntry.Origin.TESTED);
        assertThat(store.curriculumOf(LEARNER, SPANISH)).extracting(CurriculumEntry::key).doesNotHaveDuplicates();
    }
}

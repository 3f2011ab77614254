package com.example.lessons;

import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.application.inmemory.InMemoryAnalysisResults;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.inmemory.InMemoryLessonStore;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * lessonpack embedded in a plain Java program: the in-memory ports, the real use case and the offline
 * author write a learner's first daily lesson from one analysed voice session, with no AWS, no model
 * and no network. It prints the package and exits 1 when no lesson was written, so a build that runs
 * it fails when embedding breaks.
 */
public final class DailyLessonExample {

    public static void main(String[] args) {
        // tag::readme[]
        Clock clock = Clock.systemUTC();
        InMemoryLessonStore store = new InMemoryLessonStore();
        InMemoryAnalysisResults analyses = new InMemoryAnalysisResults();
        InMemoryEventPublisher events = new InMemoryEventPublisher();
        GenerationPorts ports = store.ports(analyses, events, new OfflineLessonAuthor());
        GenerateDailyPackageUseCase useCase = GenerateDailyPackageService.create(ports, GenerationSettings.defaults(),
                Fsrs.withDefaults(), clock, () -> UUID.randomUUID().toString());

        // A session ended a minute ago and the analysis service stored what it found (your adapter reads these).
        UserId learner = UserId.of("learner-1");
        Language spanish = Language.of("es");
        Instant sessionEnded = clock.instant().minusSeconds(60);
        analyses.add(AnalysisResult.builder(learner, sessionEnded.plusSeconds(20))
                .analysisId("analysis-1").sessionId("session-1").targetLanguage(spanish)
                .targetsMissed(List.of("gato")).targetsHit(List.of("perro")).wordsUsed(List.of("casa"))
                .feedback("Clear pronunciation; hesitant with the past tense.").build());

        var command = new GenerateDailyPackageCommand(SessionId.of("session-1"), learner, spanish, sessionEnded);
        GenerationOutcome outcome = useCase.generate(command, clock.instant().plusSeconds(50));
        switch (outcome) {
            case GenerationOutcome.Generated generated -> print(generated.lessonPackage());
            case GenerationOutcome.Skipped skipped -> fail("no lesson today: " + skipped.reason());
            case GenerationOutcome.Failed failed -> fail("no lesson: " + failed.reason()
                    + (failed.retryable() ? " (retry this session later)" : ""));
        }
        // end::readme[]
    }

    private static void print(LessonPackage lesson) {
        System.out.printf("%s, version %d, lesson of %s, written by %s%n", lesson.name(), lesson.version(),
                lesson.lessonDate(), lesson.author());
        for (Conversation conversation : lesson.conversations()) {
            switch (conversation) {
                case ReviewTopic review -> System.out.printf("  Review: %s (opens by asking the learner to say «%s»)%n",
                        review.title(), review.openingWord());
                case NewLesson newLesson -> System.out.printf("  New lesson: %s, new words: %s%n",
                        newLesson.title(), String.join(", ", newLesson.words()));
            }
        }
        System.out.println("  Learning: " + lesson.notes().learning());
        lesson.notes().workOn().forEach(item -> System.out.println("  Work on: " + item));
        for (WordNote word : lesson.notes().words()) {
            System.out.printf("  Word: %s [%s] %s%n", word.writing(), word.pronunciation(), word.meaning());
        }
    }

    private static void fail(String why) {
        System.err.println("lessonpack example: " + why);
        System.exit(1);
    }
}

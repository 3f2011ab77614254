package io.lessonpack.bootstrap.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.local.demo.AnalysisResultsWriter;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalRuntimeTest {

    @Test
    void start_withoutOpenAiVariables_usesTheOfflineAuthor() {
        try (LocalRuntime local = LocalRuntime.start(Environment.of(Map.of()), null, Clock.systemUTC(),
                IdGenerator.randomUuids(), GenerationSettings.defaults())) {
            assertThat(local.modelAuthor()).isFalse();
            assertThat(local.component().author()).isInstanceOf(OfflineLessonAuthor.class);
            assertThat(local.endpoint()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void start_withAnOpenAiCompatibleEndpoint_usesTheModelAuthor() {
        try (LocalRuntime local = LocalRuntime.start(
                Environment.of(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", "OPENAI_MODEL", "llama3.1")),
                null, Clock.systemUTC(), IdGenerator.randomUuids(), GenerationSettings.defaults())) {
            assertThat(local.modelAuthor()).isTrue();
            assertThat(local.component().author()).isInstanceOf(OpenAiLessonAuthorAdapter.class);
        }
    }

    @Test
    void start_withAProgressHook_tellsItEachStepOfALesson() {
        List<ProgressStep> steps = new CopyOnWriteArrayList<>();
        try (LocalRuntime local = LocalRuntime.start(Environment.of(Map.of()), null, Clock.systemUTC(),
                IdGenerator.randomUuids(), GenerationSettings.defaults(), LocalHooks.none().withProgress(steps::add))) {
            Instant now = Instant.now();
            new AnalysisResultsWriter(local.component().dynamoDb(), local.component().tables().analysisResultsTable())
                    .put(AnalysisResult.builder(UserId.of("learner-1"), now.minusSeconds(30)).analysisId("a-1")
                            .sessionId("s-1").targetLanguage(Language.of("es")).targetsMissed(List.of("gracias"))
                            .wordsUsed(List.of("agua")).build());
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-1");
            message.setBody("{\"sessionId\":\"s-1\",\"userId\":\"learner-1\",\"targetLanguage\":\"es\"}");
            message.setAttributes(Map.of("MessageGroupId", "learner-1", "SentTimestamp", String.valueOf(now.toEpochMilli())));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));

            assertThat(local.handler().handleRequest(event, null).getBatchItemFailures()).isEmpty();
            assertThat(steps).extracting(ProgressStep::kind).startsWith(ProgressStep.Kind.RECEIVED)
                    .contains(ProgressStep.Kind.AUTHOR_STARTED, ProgressStep.Kind.COMMITTED)
                    .endsWith(ProgressStep.Kind.PUBLISHED);
        }
    }
}

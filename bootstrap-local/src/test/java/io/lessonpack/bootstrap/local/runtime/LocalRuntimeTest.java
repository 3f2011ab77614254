package io.lessonpack.bootstrap.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.local.offline.OfflineLessonAuthor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalRuntimeTest {

    @Test
    void start_withoutOpenAiVariables_usesTheOfflineAuthor() {
        try (LocalRuntime local = LocalRuntime.start(Environment.of(Map.of()), Optional.empty(), Clock.systemUTC(),
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
                Optional.empty(), Clock.systemUTC(), IdGenerator.randomUuids(), GenerationSettings.defaults())) {
            assertThat(local.modelAuthor()).isTrue();
            assertThat(local.component().author()).isInstanceOf(OpenAiLessonAuthorAdapter.class);
        }
    }
}

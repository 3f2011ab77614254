package io.lessonpack.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiAuthorConfigTest {

    @Test
    void defaults_pinAGpt4oSnapshot_andBoundEveryCall() {
        OpenAiAuthorConfig config = OpenAiAuthorConfig.defaults();

        assertThat(config.model()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(config.baseUrl()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxRetries()).isEqualTo(2);
        assertThat(config.maxCompletionTokens()).isEqualTo(4_000);
        assertThat(config.temperature()).isEqualTo(0.7);
    }

    @Test
    void fromEnvironment_withNothingSet_isTheDefaults() {
        assertThat(OpenAiAuthorConfig.fromEnvironment(Map.of())).isEqualTo(OpenAiAuthorConfig.defaults());
        assertThat(OpenAiAuthorConfig.fromEnvironment(Map.of("OPENAI_MODEL", " ", "OPENAI_BASE_URL", "")))
                .isEqualTo(OpenAiAuthorConfig.defaults());
    }

    @Test
    void fromEnvironment_readsTheModelAndTheBaseUrl_andIgnoresTheKey() {
        OpenAiAuthorConfig config = OpenAiAuthorConfig.fromEnvironment(Map.of(
                "OPENAI_MODEL", " gpt-4o-2024-08-06 ",
                "OPENAI_BASE_URL", "https://llm.internal.example/v1/",
                "OPENAI_API_KEY", "sk-never-read"));

        assertThat(config.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(config.baseUrl()).isEqualTo("https://llm.internal.example/v1");
        assertThat(config.toString()).doesNotContain("sk-never-read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "llm.internal.example/v1", "ftp://llm.internal.example/v1",
            "https://user:sk-secret@llm.internal.example/v1", "https://llm.internal.example/v1?key=sk-secret",
            "https:///v1"})
    void fromEnvironment_rejectsAnUnusableBaseUrl_namingTheVariable_withoutEchoingIt(String url) {
        assertThatThrownBy(() -> OpenAiAuthorConfig.fromEnvironment(Map.of("OPENAI_BASE_URL", url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENAI_BASE_URL")
                .hasMessageNotContaining("sk-secret");
    }

    @Test
    void fromEnvironment_rejectsAnUnusableModel_namingTheVariable() {
        assertThatThrownBy(() -> OpenAiAuthorConfig.fromEnvironment(Map.of("OPENAI_MODEL", "gpt 4o; drop")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENAI_MODEL");
    }

    @Test
    void theConstructor_refusesBoundsThatCannotWork() {
        OpenAiAuthorConfig d = OpenAiAuthorConfig.defaults();
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, d.requestTimeout()))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> d.withTimeouts(d.connectTimeout(), Duration.ofSeconds(-1)))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> d.withMaxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new OpenAiAuthorConfig(d.model(), null, d.connectTimeout(), d.requestTimeout(), 2,
                0, 0.7)).hasMessageContaining("maxCompletionTokens");
        assertThatThrownBy(() -> new OpenAiAuthorConfig(d.model(), null, d.connectTimeout(), d.requestTimeout(), 2,
                4_000, 2.5)).hasMessageContaining("temperature");
    }
}

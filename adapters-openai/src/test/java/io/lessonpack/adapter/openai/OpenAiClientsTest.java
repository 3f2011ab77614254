package io.lessonpack.adapter.openai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lessonpack.adapter.openai.ChatCompletions.completion;
import static io.lessonpack.adapter.openai.ChatCompletions.error;
import static io.lessonpack.adapter.openai.ChatCompletions.requests;
import static io.lessonpack.adapter.openai.ChatCompletions.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiClientsTest {

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final ChatCompletionCreateParams HELLO = ChatCompletionCreateParams.builder()
            .model(OpenAiAuthorConfig.DEFAULT_MODEL).addUserMessage("hello").build();

    @AfterEach
    void clearProperties() {
        System.clearProperty("openai.apiKey");
        System.clearProperty("openai.baseUrl");
    }

    @Test
    void create_takesNoKeyOrEndpointFromTheEnvironment_onlyAPlaceholder() {
        // The SDK's fromEnv() reads these system properties before OPENAI_API_KEY / OPENAI_BASE_URL.
        System.setProperty("openai.apiKey", "sk-from-the-environment");
        System.setProperty("openai.baseUrl", "http://127.0.0.1:9/v1");
        respondInOrder(STUB, completion("{}", "stop", 10, 0, 1));

        OpenAIClient client = OpenAiClients.create(OpenAiAuthorConfig.defaults().withBaseUrl(STUB.baseUrl() + "/v1"));
        try {
            client.chat().completions().create(HELLO);
        } finally {
            client.close();
        }

        assertThat(requests(STUB)).singleElement().satisfies(r -> assertThat(r.getHeader("Authorization"))
                .isEqualTo("Bearer " + OpenAiClients.NO_KEY)
                .doesNotContain("sk-from-the-environment"));
    }

    @Test
    void create_turnsTheSdksOwnRetriesOff() {
        respondInOrder(STUB, error(500, "server_error"), completion("{}", "stop", 10, 0, 1));

        OpenAIClient client = OpenAiClients.create(OpenAiAuthorConfig.defaults().withBaseUrl(STUB.baseUrl() + "/v1"));
        try {
            assertThatThrownBy(() -> client.chat().completions().create(HELLO))
                    .isInstanceOf(InternalServerException.class);
        } finally {
            client.close();
        }

        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void create_withoutABaseUrl_buildsWithoutAnyCall() {
        OpenAIClient client = OpenAiClients.create(OpenAiAuthorConfig.defaults());

        assertThat(client).isNotNull();
        client.close();
    }
}

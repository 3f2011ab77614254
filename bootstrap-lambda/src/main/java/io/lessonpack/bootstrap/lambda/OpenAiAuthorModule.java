package io.lessonpack.bootstrap.lambda;

import com.openai.client.OpenAIClient;
import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.secretsmanager.SecretsManagerApiKeyAdapter;
import io.lessonpack.adapter.openai.OpenAiAuthorConfig;
import io.lessonpack.adapter.openai.OpenAiClients;
import io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.LessonAuthorPort;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The GPT-4o author: the OpenAI client is built once here, with no key; the key comes from Secrets
 * Manager on the first call and is cached for an hour (refreshed on a 401).
 */
@Module
public final class OpenAiAuthorModule {

    /** How long a fetched key is trusted before it is fetched again (the AWS caching client's default). */
    static final Duration KEY_TTL = Duration.ofHours(1);

    private OpenAiAuthorModule() {
    }

    @Provides
    @Singleton
    static OpenAiAuthorConfig openAiConfig(Environment env) {
        return OpenAiAuthorConfig.fromEnvironment(
                env.subset(LambdaConfiguration.OPENAI_MODEL, LambdaConfiguration.OPENAI_BASE_URL));
    }

    @Provides
    @Singleton
    static OpenAIClient openAiClient(OpenAiAuthorConfig config) {
        return OpenAiClients.create(config);
    }

    @Provides
    @Singleton
    static ApiKeyPort apiKey(LambdaConfiguration config, SecretsManagerClient secrets, Clock clock) {
        return new SecretsManagerApiKeyAdapter(secrets,
                SecretsManagerApiKeyAdapter.secretIdFor(config.projectName(), config.environment()), clock, KEY_TTL);
    }

    @Provides
    @Singleton
    static LessonAuthorPort author(OpenAIClient client, ApiKeyPort keys, OpenAiAuthorConfig config, Clock clock) {
        return new OpenAiLessonAuthorAdapter(client, keys, config, clock);
    }
}

package io.lessonpack.bootstrap.local.runtime;

import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.adapter.openai.OpenAiAuthorConfig;
import io.lessonpack.adapter.openai.OpenAiClients;
import io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The laptop's choices: GPT-4o (or any OpenAI-compatible server) when {@code OPENAI_API_KEY} or
 * {@code OPENAI_BASE_URL} is set, the offline author otherwise; events kept in memory and printed
 * instead of sent to SNS; the queue to make messages visible again on from the {@link LocalHooks}
 * (none for the demo and the bench: the runtime feeds the handler directly, and a failed message
 * is simply not retried). The hooks may also wrap the author, its key source and the publisher.
 */
@Module
public final class LocalAuthorModule {

    /** The key placeholder for an OpenAI-compatible local server that needs none. */
    static final String NO_KEY = "no-key-needed-for-a-local-server";

    private LocalAuthorModule() {
    }

    /** Whether the environment asks for the model author. */
    static boolean modelConfigured(Environment env) {
        return env.value("OPENAI_API_KEY") != null || env.value("OPENAI_BASE_URL") != null;
    }

    @Provides
    @Singleton
    static LessonAuthorPort author(Environment env, Clock clock, LocalHooks hooks) {
        if (!modelConfigured(env)) {
            return hooks.author().apply(new OfflineLessonAuthor());
        }
        OpenAiAuthorConfig config = OpenAiAuthorConfig.fromEnvironment(
                env.subset(LambdaConfiguration.OPENAI_MODEL, LambdaConfiguration.OPENAI_BASE_URL));
        String key = env.value("OPENAI_API_KEY");
        ApiKeyPort keys = new ApiKeyPort() {
            @Override
            public String apiKey() {
                return key == null ? NO_KEY : key;
            }

            @Override
            public String refreshApiKey() {
                return apiKey();
            }

            @Override
            public String toString() {
                return "environment OPENAI_API_KEY";
            }
        };
        return hooks.author().apply(new OpenAiLessonAuthorAdapter(OpenAiClients.create(config),
                hooks.apiKeys().apply(keys), config, clock));
    }

    @Provides
    @Singleton
    static MessageVisibility visibility(LocalHooks hooks) {
        return hooks.visibility();
    }

    @Provides
    @Singleton
    static InMemoryEventPublisher events() {
        return new InMemoryEventPublisher();
    }

    @Provides
    @Singleton
    static PublishPackageEventPort publisher(InMemoryEventPublisher events, LocalHooks hooks) {
        return hooks.publisher().apply(events);
    }
}

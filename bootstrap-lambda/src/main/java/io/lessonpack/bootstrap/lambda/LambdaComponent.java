package io.lessonpack.bootstrap.lambda;

import com.openai.client.OpenAIClient;
import dagger.BindsInstance;
import dagger.Component;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.adapter.openai.OpenAiAuthorConfig;
import io.lessonpack.application.service.GenerationSettings;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The object graph of the voice-session function, built once per execution environment (at class
 * initialisation, before a SnapStart snapshot). Building it makes no network call. The clients are
 * exposed for the cold-start probe, which measures them alone.
 */
@Singleton
@Component(modules = {GenerationModule.class, AwsClientsModule.class, SnsPublisherModule.class, OpenAiAuthorModule.class,
        SqsVisibilityModule.class})
public interface LambdaComponent {

    SqsVoiceSessionBatchProcessor processor();

    Clock clock();

    LambdaConfiguration configuration();

    Environment environment();

    DynamoDbClient dynamoDb();

    DynamoDbTables tables();

    SnsClient sns();

    SecretsManagerClient secretsManager();

    OpenAIClient openAiClient();

    OpenAiAuthorConfig openAiConfig();

    /** Builds the graph over an environment, a clock, an id source and the generation settings. */
    @Component.Factory
    interface Factory {
        LambdaComponent create(@BindsInstance Environment environment, @BindsInstance Clock clock,
                @BindsInstance IdGenerator ids, @BindsInstance GenerationSettings settings);
    }

    /**
     * The graph as Lambda runs it: the process environment, the UTC system clock, random ids drawn
     * per call, default settings.
     */
    static LambdaComponent fromSystemEnvironment() {
        return DaggerLambdaComponent.factory().create(Environment.system(), Clock.systemUTC(), IdGenerator.randomUuids(),
                GenerationSettings.defaults());
    }
}

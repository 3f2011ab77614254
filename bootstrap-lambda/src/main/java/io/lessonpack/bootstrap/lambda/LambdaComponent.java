package io.lessonpack.bootstrap.lambda;

import dagger.BindsInstance;
import dagger.Component;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.application.service.GenerationSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The object graph of the voice-session function, built once per execution environment (at class
 * initialisation, before a SnapStart snapshot). Building it makes no network call.
 */
@Singleton
@Component(modules = {GenerationModule.class, AwsClientsModule.class, SnsPublisherModule.class, OpenAiAuthorModule.class,
        SqsVisibilityModule.class})
public interface LambdaComponent {

    SqsVoiceSessionBatchProcessor processor();

    SqsVoiceSessionMessageParser parser();

    Clock clock();

    LambdaConfiguration configuration();

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

package io.lessonpack.bootstrap.local.runtime;

import dagger.BindsInstance;
import dagger.Component;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.application.inmemory.InMemoryEventPublisher;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.lambda.AwsClientsModule;
import io.lessonpack.bootstrap.lambda.Environment;
import io.lessonpack.bootstrap.lambda.GenerationModule;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local runtime's object graph: the Lambda's own generation wiring and AWS clients (pointed at
 * DynamoDB Local through the SDK's endpoint variable) with the laptop's author and event sink, and
 * what the {@link LocalHooks} put around them. {@link LocalRuntime} builds the use case from the
 * ports this graph provides (with the hooks' progress listener), and the queue side from it, the
 * parser and the visibility.
 */
@Singleton
@Component(modules = {GenerationModule.class, AwsClientsModule.class, LocalAuthorModule.class})
public interface LocalComponent {

    SqsVoiceSessionMessageParser parser();

    MessageVisibility visibility();

    GenerationPorts ports();

    InMemoryEventPublisher events();

    LessonAuthorPort author();

    DynamoDbClient dynamoDb();

    DynamoDbTables tables();

    /** Builds the graph over an environment, a clock, an id source, the generation settings and the hooks. */
    @Component.Factory
    interface Factory {
        LocalComponent create(@BindsInstance Environment environment, @BindsInstance Clock clock,
                @BindsInstance IdGenerator ids, @BindsInstance GenerationSettings settings,
                @BindsInstance LocalHooks hooks);
    }
}

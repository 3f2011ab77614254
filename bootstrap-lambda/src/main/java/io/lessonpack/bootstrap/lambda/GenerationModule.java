package io.lessonpack.bootstrap.lambda;

import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbAnalysisResultsAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbCurriculumAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbGenerationCommitAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbLearnerStateAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbLessonDayAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbPackageAdapter;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.aws.sqs.RedeliveryBackoff;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.service.GenerateDailyPackageService;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.domain.memory.Fsrs;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The configuration, the DynamoDB adapters, the use case over them and the queue side in front of
 * it, shared by the Lambda and the local runtime. The clock, the id source, the event publisher, the
 * author and the message visibility come from the component that uses this module. Adapters get
 * their client and config handed in; this module only calls constructors.
 */
@Module
public final class GenerationModule {

    private GenerationModule() {
    }

    @Provides
    @Singleton
    static LambdaConfiguration configuration(Environment env) {
        return LambdaConfiguration.from(env);
    }

    @Provides
    @Singleton
    static DynamoDbTables tables(LambdaConfiguration config) {
        return new DynamoDbTables(config.stateTable(), config.packagesTable(), config.analysisResultsTable());
    }

    @Provides
    @Singleton
    static GenerationPorts ports(DynamoDbClient dynamoDb, DynamoDbTables tables, Clock clock,
            PublishPackageEventPort publisher, LessonAuthorPort author) {
        DynamoDbLessonDayAdapter lessonDays = new DynamoDbLessonDayAdapter(dynamoDb, tables, clock);
        return new GenerationPorts(
                lessonDays,
                lessonDays,
                lessonDays,
                lessonDays,
                new DynamoDbLearnerStateAdapter(dynamoDb, tables),
                new DynamoDbPackageAdapter(dynamoDb, tables),
                new DynamoDbAnalysisResultsAdapter(dynamoDb, tables),
                new DynamoDbCurriculumAdapter(dynamoDb, tables),
                new DynamoDbGenerationCommitAdapter(dynamoDb, tables, clock),
                publisher,
                author);
    }

    /**
     * The use case over {@code ports}. Public so that the local runtime builds it the same way over
     * the same ports with a progress listener added ({@link GenerationPorts#withProgress}).
     */
    @Provides
    @Singleton
    public static GenerateDailyPackageUseCase generator(GenerationPorts ports, GenerationSettings settings, Clock clock,
            IdGenerator ids) {
        return GenerateDailyPackageService.create(ports, settings, Fsrs.withDefaults(), clock, ids);
    }

    @Provides
    @Singleton
    static SqsVoiceSessionBatchProcessor processor(GenerateDailyPackageUseCase generator,
            SqsVoiceSessionMessageParser parser, MessageVisibility visibility, Clock clock) {
        return new SqsVoiceSessionBatchProcessor(generator, parser, visibility, RedeliveryBackoff.defaults(), clock);
    }

    @Provides
    @Singleton
    static SqsVoiceSessionMessageParser parser() {
        return new SqsVoiceSessionMessageParser();
    }
}

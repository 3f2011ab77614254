package io.lessonpack.bootstrap.lambda;

import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.adapter.aws.sqs.SqsMessageVisibilityAdapter;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** In Lambda the messages come from SQS, so a message that failed only for time is made visible again on SQS. */
@Module
public final class SqsVisibilityModule {

    private SqsVisibilityModule() {
    }

    @Provides
    @Singleton
    static MessageVisibility visibility(SqsClient sqs) {
        return new SqsMessageVisibilityAdapter(sqs);
    }
}

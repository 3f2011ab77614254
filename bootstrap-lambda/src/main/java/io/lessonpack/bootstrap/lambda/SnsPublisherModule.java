package io.lessonpack.bootstrap.lambda;

import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.sns.PackageEventPublishers;
import io.lessonpack.adapter.aws.sns.SnsPackageEventPublisherAdapter;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@code package.generated} goes to SNS when {@code PACKAGE_GENERATED_TOPIC_ARN} is set, nowhere otherwise. */
@Module
public final class SnsPublisherModule {

    private SnsPublisherModule() {
    }

    @Provides
    @Singleton
    static PublishPackageEventPort publisher(LambdaConfiguration config, SnsClient sns) {
        return config.topicArn()
                .<PublishPackageEventPort>map(arn -> new SnsPackageEventPublisherAdapter(sns, arn))
                .orElseGet(PackageEventPublishers::disabled);
    }
}

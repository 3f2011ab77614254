package io.lessonpack.bootstrap.lambda;

import dagger.Module;
import dagger.Provides;
import io.lessonpack.adapter.aws.CallDeadlineInterceptor;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients: one light HTTP client (URLConnection: no Apache, no Netty on the classpath),
 * an explicit region and an explicit credentials provider, so the SDK does no discovery at cold
 * start. The SDK's standard endpoint variables ({@code AWS_ENDPOINT_URL[_SERVICE]}) are honoured.
 * Every call of every client ends by the deadline of the work it serves
 * ({@link CallDeadlineInterceptor}), and never later than the client's own timeouts.
 */
@Module
public final class AwsClientsModule {

    private AwsClientsModule() {
    }

    @Provides
    @Singleton
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Credentials from Lambda's variables, read at every resolution rather than once: after a
     * SnapStart restore Lambda hands the function fresh credentials, and none may be baked into the
     * snapshot.
     */
    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(Environment env) {
        return () -> {
            String id = env.value("AWS_ACCESS_KEY_ID");
            String secret = env.value("AWS_SECRET_ACCESS_KEY");
            if (id == null || secret == null) {
                throw new ConfigurationException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set; Lambda sets them");
            }
            String token = env.value("AWS_SESSION_TOKEN");
            AwsCredentials credentials = token == null ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token);
            return credentials;
        };
    }

    /** One attempt of an SDK call at most; the deadline of the work shortens it. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** One SDK call, its retries included, at most; the deadline of the work shortens it. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    @Provides
    @Singleton
    static ClientOverrideConfiguration overrides(Clock clock) {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .addExecutionInterceptor(new CallDeadlineInterceptor(clock, CALL_TIMEOUT, ATTEMPT_TIMEOUT))
                .build();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb(LambdaConfiguration config, Environment env, SdkHttpClient http,
            AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        return configured(DynamoDbClient.builder(), "AWS_ENDPOINT_URL_DYNAMODB", config, env, http, credentials, overrides)
                .build();
    }

    @Provides
    @Singleton
    static SnsClient sns(LambdaConfiguration config, Environment env, SdkHttpClient http,
            AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        return configured(SnsClient.builder(), "AWS_ENDPOINT_URL_SNS", config, env, http, credentials, overrides).build();
    }

    @Provides
    @Singleton
    static SecretsManagerClient secretsManager(LambdaConfiguration config, Environment env, SdkHttpClient http,
            AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        return configured(SecretsManagerClient.builder(), "AWS_ENDPOINT_URL_SECRETS_MANAGER", config, env, http,
                credentials, overrides).build();
    }

    @Provides
    @Singleton
    static SqsClient sqs(LambdaConfiguration config, Environment env, SdkHttpClient http,
            AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        return configured(SqsClient.builder(), "AWS_ENDPOINT_URL_SQS", config, env, http, credentials, overrides).build();
    }

    /** The settings every client shares: region, credentials, HTTP client, timeouts, endpoint override. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
            String endpointVariable, LambdaConfiguration config, Environment env, SdkHttpClient http,
            AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        builder.region(config.region()).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(overrides);
        LambdaConfiguration.endpointFor(env, endpointVariable).ifPresent(builder::endpointOverride);
        return builder;
    }
}

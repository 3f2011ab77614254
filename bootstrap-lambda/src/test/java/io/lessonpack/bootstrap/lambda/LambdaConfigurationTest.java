package io.lessonpack.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.service.GenerationSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class LambdaConfigurationTest {

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("GENERATION_STATE_TABLE", "lessonpack-prod-generation-state");
        env.put("CONVERSATION_PACKAGES_TABLE", "conversation-packages");
        env.put("ANALYSIS_RESULTS_TABLE", "analysis-results");
        env.put("PROJECT_NAME", "lessonpack");
        env.put("ENVIRONMENT", "prod");
        env.put("AWS_REGION", "eu-west-1");
        return env;
    }

    @Test
    void from_validEnvironment_readsEveryVariable() {
        Map<String, String> env = valid();
        env.put("PACKAGE_GENERATED_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:lessonpack-prod-package-generated");

        LambdaConfiguration config = LambdaConfiguration.from(Environment.of(env));

        assertThat(config.stateTable()).isEqualTo("lessonpack-prod-generation-state");
        assertThat(config.packagesTable()).isEqualTo("conversation-packages");
        assertThat(config.analysisResultsTable()).isEqualTo("analysis-results");
        assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.topicArn()).contains("arn:aws:sns:eu-west-1:123456789012:lessonpack-prod-package-generated");
    }

    @Test
    void from_topicUnset_meansNoEvent() {
        assertThat(LambdaConfiguration.from(Environment.of(valid())).topicArn()).isEmpty();
    }

    @Test
    void from_emptyEnvironment_namesEveryMissingVariableAtOnce() {
        assertThatThrownBy(() -> LambdaConfiguration.from(Environment.of(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContainingAll(LambdaConfiguration.REQUIRED.toArray(String[]::new));
    }

    @Test
    void from_badValues_nameTheVariableAndWhatIsExpected() {
        Map<String, String> env = valid();
        env.put("GENERATION_STATE_TABLE", "no spaces allowed");
        env.put("AWS_REGION", "moon");
        env.put("PACKAGE_GENERATED_TOPIC_ARN", "not-an-arn");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "ftp://localhost");

        assertThatThrownBy(() -> LambdaConfiguration.from(Environment.of(env)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GENERATION_STATE_TABLE must be a DynamoDB table name")
                .hasMessageContaining("AWS_REGION must be an AWS region")
                .hasMessageContaining("PACKAGE_GENERATED_TOPIC_ARN must be an SNS topic ARN")
                .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL")
                .hasMessageNotContaining("not-an-arn");
    }

    @Test
    void endpointFor_serviceVariableWinsOverTheGeneralOne() {
        Environment env = Environment.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:2"));

        assertThat(LambdaConfiguration.endpointFor(env, "AWS_ENDPOINT_URL_DYNAMODB")).hasValueSatisfying(
                uri -> assertThat(uri.getPort()).isEqualTo(2));
        assertThat(LambdaConfiguration.endpointFor(env, "AWS_ENDPOINT_URL_SNS")).hasValueSatisfying(
                uri -> assertThat(uri.getPort()).isEqualTo(1));
        assertThat(LambdaConfiguration.endpointFor(Environment.of(Map.of()), "AWS_ENDPOINT_URL_SNS")).isEmpty();
    }

    @Test
    void buildingTheGraph_withoutConfiguration_failsAtInitNamingTheVariables() {
        assertThatThrownBy(() -> DaggerLambdaComponent.factory()
                .create(Environment.of(Map.of()), Clock.systemUTC(), IdGenerator.randomUuids(),
                        GenerationSettings.defaults()).processor())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GENERATION_STATE_TABLE is not set");
    }

    @Test
    void buildingTheGraph_makesNoNetworkCallAndFetchesNoSecret() {
        Map<String, String> env = valid();
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        env.put("AWS_ACCESS_KEY_ID", "x");
        env.put("AWS_SECRET_ACCESS_KEY", "y");
        SdkCallCounter.reset();

        LambdaComponent component = DaggerLambdaComponent.factory().create(Environment.of(env),
                Clock.systemUTC(), IdGenerator.randomUuids(),
                GenerationSettings.defaults());
        new VoiceSessionHandler(component);

        assertThat(SdkCallCounter.snapshot()).isEmpty();
    }
}

package io.lessonpack.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Priming runs a whole lesson through the function's real wiring on the loopback stand-ins, whatever
 * the function's own endpoints are: here they point at a closed port, and priming still succeeds
 * and reaches every kind of call a lesson makes.
 */
class SnapStartPrimingTest {

    @Test
    void prime_runsOneWholeLessonThroughTheRealPaths_withoutTouchingTheFunctionsOwnEndpoints() {
        Map<String, String> env = new HashMap<>(Map.of(
                "GENERATION_STATE_TABLE", "lessonpack-prod-generation-state",
                "CONVERSATION_PACKAGES_TABLE", "conversation-packages",
                "ANALYSIS_RESULTS_TABLE", "analysis-results",
                "PROJECT_NAME", "lessonpack",
                "ENVIRONMENT", "prod",
                "AWS_REGION", "eu-west-1",
                "PACKAGE_GENERATED_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:lessonpack-prod-package-generated",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9",
                "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));
        env.put("AWS_ACCESS_KEY_ID", "real-looking-id");
        env.put("AWS_SECRET_ACCESS_KEY", "real-looking-secret");
        SdkCallCounter.reset();

        boolean generated = new SnapStartPriming(Environment.of(env)).prime();

        assertThat(generated).isTrue();
        assertThat(SdkCallCounter.snapshot()).containsKeys("DynamoDb:BatchGetItem", "DynamoDb:UpdateItem",
                "DynamoDb:GetItem", "DynamoDb:Query", "DynamoDb:TransactWriteItems",
                "SecretsManager:GetSecretValue", "Sns:Publish");
    }
}

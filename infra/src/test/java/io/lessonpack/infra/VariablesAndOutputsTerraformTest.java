package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.infra.TerraformModule.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The module's interface: documented, validated inputs and the outputs other stacks need. */
class VariablesAndOutputsTerraformTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();

    private static final List<String> VARIABLES = List.of("project", "environment", "region", "artifact_path",
            "create_voice_session_queue", "voice_session_queue_arn", "packages_table_name", "analysis_results_table_name",
            "memory_size", "log_retention_days", "openai_model", "openai_base_url", "alarm_sns_topic_arn", "lambda_runtime",
            "reserved_concurrent_executions", "learner_visible_failure_alarm_percent",
            "learner_visible_failure_alarm_min_count");

    private static final List<String> OUTPUTS = List.of("function_name", "function_arn", "function_alias_arn",
            "state_table_name", "state_table_arn", "package_generated_topic_arn", "dlq_arn", "dlq_url");

    @Test
    void everyVariable_hasATypeAndADescription_andEveryValidationAnErrorMessageNamingIt() {
        for (String name : VARIABLES) {
            Block variable = MODULE.variable(name);
            assertThat(variable.has("type")).as("%s has a type", variable).isTrue();
            assertThat(variable.text("description")).as("description of %s", variable).isNotBlank();
            for (Block validation : variable.blocks("validation")) {
                assertThat(validation.text("error_message")).as("error_message of %s", validation)
                        .startsWith(name + " must").endsWith(".");
            }
        }
        assertThat(MODULE.variable("project").text("default")).isEqualTo("lessonpack");
    }

    @ParameterizedTest(name = "{0} = \"{1}\" accepted: {2}")
    @CsvSource({
        "project, lessonpack, true",
        "project, lesson pack, false",
        "environment, prod, true",
        "environment, '', false",
        "region, eu-west-1, true",
        "region, Europe, false",
        "packages_table_name, conversation-packages, true",
        "packages_table_name, a, false",
        "analysis_results_table_name, analysis_results, true",
        "analysis_results_table_name, 'no spaces', false",
        "voice_session_queue_arn, arn:aws:sqs:eu-west-1:123456789012:voice-sessions.fifo, true",
        "voice_session_queue_arn, arn:aws:sqs:eu-west-1:123456789012:voice-sessions, false",
        "openai_base_url, https://api.openai.com/v1, true",
        "openai_base_url, api.openai.com, false",
        "alarm_sns_topic_arn, arn:aws:sns:eu-west-1:123456789012:on-call, true",
        "alarm_sns_topic_arn, on-call, false",
        "artifact_path, bootstrap-lambda/target/lessonpack-lambda.jar, true",
        "artifact_path, bootstrap-lambda/target/classes, false"
    })
    void validation_acceptsGoodValues_refusesBadOnes(String variable, String value, boolean accepted) {
        assertThat(MODULE.validationAccepts(variable, value)).as("var.%s = \"%s\"", variable, value).isEqualTo(accepted);
    }

    @Test
    void outputs_functionTableTopicAndDlq_eachDescribed() {
        for (String name : OUTPUTS) {
            Block output = MODULE.output(name);
            assertThat(output.text("description")).as("description of %s", output).isNotBlank();
            assertThat(output.has("value")).isTrue();
        }
        assertThat(MODULE.referenced(MODULE.output("function_alias_arn").value("value"), "aws_lambda_alias", "arn"))
                .isSameAs(MODULE.onlyResource("aws_lambda_alias"));
        assertThat(MODULE.referenced(MODULE.output("package_generated_topic_arn").value("value"), "aws_sns_topic", "arn"))
                .isSameAs(MODULE.onlyResource("aws_sns_topic"));
    }

    @Test
    void packageGeneratedTopic_standard_namedForTheProjectAndEnvironment_encryptedWithTheSnsKey() {
        Block topic = MODULE.onlyResource("aws_sns_topic");

        assertThat(topic.text("name")).isEqualTo(TerraformModule.interpolation("${var.project}-${var.environment}-package-generated"));
        assertThat(topic.has("fifo_topic") && topic.bool("fifo_topic")).as("a standard topic").isFalse();
        assertThat(topic.text("kms_master_key_id")).isEqualTo("alias/aws/sns");
    }
}

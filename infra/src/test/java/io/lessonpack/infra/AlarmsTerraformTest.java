package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.infra.TerraformModule.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alarms an operator needs: a message in the DLQ, and the function failing. */
class AlarmsTerraformTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final List<Block> ALARMS = MODULE.resources("aws_cloudwatch_metric_alarm");

    @Test
    void dlqDepth_anyVisibleMessageOnTheDlq_alarms() {
        Block alarm = alarm("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName");

        assertThat(MODULE.referenced(alarm.map("dimensions").get("QueueName"), "aws_sqs_queue", "name"))
                .isSameAs(MODULE.resource("aws_sqs_queue", "voice_sessions_dlq"));
        assertAnyAboveZero(alarm);
    }

    @Test
    void functionErrors_anyError_alarms() {
        Block alarm = alarm("AWS/Lambda", "Errors", "FunctionName");

        assertThat(MODULE.referenced(alarm.map("dimensions").get("FunctionName"), "aws_lambda_function", "function_name"))
                .isSameAs(MODULE.onlyResource("aws_lambda_function"));
        assertAnyAboveZero(alarm);
    }

    @Test
    void everyAlarm_notifiesTheAlarmTopicVariable_andSaysWhatItMeans() {
        assertThat(ALARMS).isNotEmpty().allSatisfy(alarm -> {
            assertThat(alarm.list("alarm_actions")).as("alarm_actions of %s", alarm)
                    .allSatisfy(action -> assertThat(TerraformModule.text(action)).isEqualTo("var.alarm_sns_topic_arn"));
            assertThat(alarm.text("alarm_description")).as("alarm_description of %s", alarm).isNotBlank();
            assertThat(alarm.text("treat_missing_data")).as("no data means nothing happened").isEqualTo("notBreaching");
        });
        assertThat(MODULE.variable("alarm_sns_topic_arn").value("default")).isNull();
    }

    private static Block alarm(String namespace, String metric, String dimension) {
        List<Block> found = ALARMS.stream()
                .filter(a -> a.text("namespace").equals(namespace) && a.text("metric_name").equals(metric))
                .filter(a -> a.map("dimensions").containsKey(dimension))
                .toList();
        assertThat(found).as("an alarm on %s %s by %s among %s", namespace, metric, dimension, ALARMS).hasSize(1);
        return found.get(0);
    }

    private static void assertAnyAboveZero(Block alarm) {
        assertThat(alarm.text("comparison_operator")).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.number("threshold")).isZero();
    }
}

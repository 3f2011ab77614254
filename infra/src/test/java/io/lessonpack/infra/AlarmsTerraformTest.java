package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.logging.EmbeddedMetrics;
import io.lessonpack.application.logging.GenerationOutcomeLog;
import io.lessonpack.infra.TerraformModule.Block;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alarms an operator needs: a message in the DLQ, the function failing, and learners noticing
 * failures (metric math on the metrics the code's log lines publish, so its namespace and metric
 * names are held to the code's constants).
 */
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

    @Test
    void learnerVisibleFailureRate_isTheCodesLearnerVisibleFailuresOverLessonsPlusThem_over15Minutes() {
        Block alarm = MODULE.resource("aws_cloudwatch_metric_alarm", "learner_visible_failure_rate");
        Map<String, Block> queries = alarm.blocks("metric_query").stream()
                .collect(Collectors.toMap(q -> q.text("id"), Function.identity()));

        assertThat(queries).containsOnlyKeys("visible_failure_rate", "visible_failures", "lessons");
        Block rate = queries.get("visible_failure_rate");
        assertThat(rate.bool("return_data")).isTrue();
        assertThat(rate.text("expression")).isEqualTo(TerraformModule.interpolation(
                "IF(visible_failures >= ${var.learner_visible_failure_alarm_min_count},"
                        + " 100 * visible_failures / (lessons + visible_failures), 0)"));
        assertThat(queries.get("visible_failures").block("metric").text("metric_name"))
                .isEqualTo(GenerationOutcomeLog.LEARNER_VISIBLE_FAILURES);
        assertThat(queries.get("lessons").block("metric").text("metric_name")).isEqualTo(GenerationOutcomeLog.LESSONS);
        for (String id : List.of("visible_failures", "lessons")) {
            Block metric = queries.get(id).block("metric");
            assertThat(metric.text("namespace")).as("namespace of %s", metric).isEqualTo(EmbeddedMetrics.DEFAULT_NAMESPACE);
            assertThat(metric.text("stat")).as("stat of %s", metric).isEqualTo("Sum");
            assertThat(metric.number("period") * alarm.number("evaluation_periods")).as("window of %s", metric)
                    .isEqualTo(15 * 60);
            // The series without dimensions: the total the code publishes besides the one by reason or outcome.
            assertThat(metric.has("dimensions")).as("%s has dimensions", metric).isFalse();
        }
        assertThat(alarm.has("namespace")).as("a metric-math alarm names its metrics in metric_query only").isFalse();
        assertThat(alarm.text("comparison_operator")).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.text("threshold")).isEqualTo("var.learner_visible_failure_alarm_percent");
        assertThat(MODULE.variable("learner_visible_failure_alarm_percent").number("default")).isEqualTo(5);
        assertThat(MODULE.variable("learner_visible_failure_alarm_min_count").number("default")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} = {1} accepted: {2}")
    @CsvSource({
        "learner_visible_failure_alarm_percent, 5, true",
        "learner_visible_failure_alarm_percent, 0.5, true",
        "learner_visible_failure_alarm_percent, 0, false",
        "learner_visible_failure_alarm_percent, 100, false",
        "learner_visible_failure_alarm_min_count, 1, true",
        "learner_visible_failure_alarm_min_count, 3, true",
        "learner_visible_failure_alarm_min_count, 0, false",
        "learner_visible_failure_alarm_min_count, 2.5, false"
    })
    void learnerVisibleFailureVariables_areValidated(String variable, double value, boolean accepted) {
        assertThat(MODULE.validationAccepts(variable, value)).as("var.%s = %s", variable, value).isEqualTo(accepted);
    }

    private static Block alarm(String namespace, String metric, String dimension) {
        List<Block> found = ALARMS.stream()
                .filter(a -> a.has("namespace"))
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

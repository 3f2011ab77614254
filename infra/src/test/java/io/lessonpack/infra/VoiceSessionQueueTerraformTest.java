package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.infra.TerraformModule.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The voice-session queue and the function's event source mapping: FIFO semantics as RELIABILITY.md
 * states them (partial batch responses, batch of 5, visibility >= 6 x timeout, maxReceiveCount >= 5).
 */
class VoiceSessionQueueTerraformTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final Block MAPPING = MODULE.onlyResource("aws_lambda_event_source_mapping");
    private static final Block QUEUE = MODULE.resource("aws_sqs_queue", "voice_sessions");
    private static final Block DLQ = MODULE.resource("aws_sqs_queue", "voice_sessions_dlq");

    @Test
    void mapping_batchOf5_reportsItemFailures_noBatchingWindow() {
        assertThat(MAPPING.number("batch_size")).isEqualTo(5);
        assertThat(MAPPING.texts("function_response_types")).contains("ReportBatchItemFailures");
        if (MAPPING.has("maximum_batching_window_in_seconds")) {
            assertThat(MAPPING.number("maximum_batching_window_in_seconds"))
                    .as("FIFO queues take no batching window").isZero();
        }
    }

    @Test
    void mapping_invokesTheAlias_notTheUnpublishedFunction() {
        Block alias = MODULE.referenced(MAPPING.value("function_name"), "aws_lambda_alias", "arn");
        Block function = MODULE.onlyResource("aws_lambda_function");

        assertThat(alias.value("function_name")).isEqualTo(LambdaFunctionTerraformTest.reference(function, "function_name"));
    }

    @Test
    void createdQueue_fifo_visibilityAtLeastSixTimesTheFunctionTimeout_encrypted() {
        double timeout = MODULE.onlyResource("aws_lambda_function").number("timeout");

        assertThat(QUEUE.bool("fifo_queue")).isTrue();
        assertThat(QUEUE.text("name")).isEqualTo(TerraformModule.interpolation("${var.project}-${var.environment}-voice-sessions.fifo"));
        assertThat(QUEUE.number("visibility_timeout_seconds")).isGreaterThanOrEqualTo(6 * timeout);
        assertThat(QUEUE.bool("sqs_managed_sse_enabled")).isTrue();
        assertThat(QUEUE.bool("content_based_deduplication")).isTrue();
    }

    @Test
    void createdQueue_redrivesToTheFifoDlq_afterAtLeast5Receives() {
        Map<String, Object> redrive = QUEUE.map("redrive_policy");

        assertThat(MODULE.referenced(redrive.get("deadLetterTargetArn"), "aws_sqs_queue", "arn")).isSameAs(DLQ);
        assertThat(redrive.get("maxReceiveCount")).as("maxReceiveCount").isInstanceOf(Double.class);
        assertThat((Double) redrive.get("maxReceiveCount")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void dlq_fifo_encrypted_keptForTheLongestRetention_andOutput() {
        assertThat(DLQ.bool("fifo_queue")).isTrue();
        assertThat(DLQ.text("name")).isEqualTo(TerraformModule.interpolation("${var.project}-${var.environment}-voice-sessions-dlq.fifo"));
        assertThat(DLQ.bool("sqs_managed_sse_enabled")).isTrue();
        assertThat(DLQ.number("message_retention_seconds")).isEqualTo(14 * 24 * 3600);

        assertThat(MODULE.referenced(MODULE.output("dlq_arn").value("value"), "aws_sqs_queue", "arn")).isSameAs(DLQ);
        assertThat(MODULE.referenced(MODULE.output("dlq_url").value("value"), "aws_sqs_queue", "url")).isSameAs(DLQ);
    }

    @Test
    void dlq_acceptsOnlyTheVoiceSessionQueue() {
        Block allow = MODULE.onlyResource("aws_sqs_queue_redrive_allow_policy");
        Map<String, Object> policy = allow.map("redrive_allow_policy");

        assertThat(MODULE.referenced(allow.value("queue_url"), "aws_sqs_queue", "id")).isSameAs(DLQ);
        assertThat(policy.get("redrivePermission")).isEqualTo("byQueue");
        assertThat(policy.get("sourceQueueArns")).isEqualTo(List.of(MAPPING.value("event_source_arn")));
    }
}

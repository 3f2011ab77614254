package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.sqs.RedeliveryBackoff;
import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.infra.TerraformModule.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The voice-session queue and the function's event source mapping: partial batch responses, a batch
 * of 5, visibility at least 6 x the function's timeout, and a maxReceiveCount that waiting for an
 * analysis can never exhaust under the function's redelivery backoff.
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
    void createdQueue_redrivesToTheFifoDlq_afterTheModulesMaxReceiveCount() {
        Map<String, Object> redrive = QUEUE.map("redrive_policy");

        assertThat(MODULE.referenced(redrive.get("deadLetterTargetArn"), "aws_sqs_queue", "arn")).isSameAs(DLQ);
        assertThat(redrive.get("maxReceiveCount")).as("maxReceiveCount").isInstanceOf(Double.class);
        assertThat((Double) redrive.get("maxReceiveCount")).isEqualTo(MODULE.local("max_receive_count"));
    }

    @Test
    void maxReceiveCount_isWhatWaitingForAnAnalysisUnderTheRedeliveryBackoffNeeds() {
        int required = RedeliveryBackoff.defaults().requiredMaxReceiveCount(GenerationSettings.DEFAULT_ANALYSIS_WAIT);

        assertThat(required).isEqualTo(10);
        assertThat(MODULE.local("max_receive_count")).as("local.max_receive_count").isEqualTo((double) required);
    }

    @Test
    void visibilityTimeout_isLongerThanAnyDelayTheBackoffSets_soNoRetryIsEverLater() {
        assertThat(QUEUE.number("visibility_timeout_seconds"))
                .isGreaterThanOrEqualTo((double) RedeliveryBackoff.defaults().longest().toSeconds());
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

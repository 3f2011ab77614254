package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Injects the soak's faults into the local runtime's DynamoDB calls. The SDK loads it for every
 * client of the JVM (it is named in bootstrap-local's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}); it acts only on a thread
 * bound to a {@link Lane}, so it changes nothing for the demo, the bench, other tests, or the
 * soak's own reads of the tables.
 *
 * <p>On a lane, each DynamoDB call costs 5-40 ms of the lane's simulated time, and the lane decides
 * its fate: it goes ahead; it fails with {@code ProvisionedThroughputExceededException} or, for the
 * commit's {@code TransactWriteItems}, with {@code TransactionCanceledException} (one
 * {@code TransactionConflict} among {@code None} reasons), thrown before the request is sent, as
 * DynamoDB refuses a throttled or conflicting request without applying it; or the process dies,
 * before the call is sent or after it took effect (its answer lost), and every later call fails.
 * It also notes which analysis results the analysis table's answers brought to the attempt.
 */
public final class FaultInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Lane> DIES_AFTER = new ExecutionAttribute<>("lessonpack.chaos.diesAfter");
    private static final String DYNAMODB = "DynamoDb";

    /** The SDK's constructor. */
    public FaultInterceptor() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Optional<Lane> bound = Lanes.current();
        if (bound.isEmpty() || !DYNAMODB.equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return;
        }
        Lane lane = bound.get();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Lane.Fate fate = lane.enter(CallKind.DYNAMODB, operation);
        if (fate != Lane.Fate.FAIL) {
            lane.spend(Duration.ofMillis(5 + lane.random().nextInt(36)));
        }
        switch (fate) {
            case PROCEED -> {
            }
            case FAIL -> throw SdkClientException.create("the process died (chaos soak): the call is never sent");
            case DIE_AFTER -> attributes.putAttribute(DIES_AFTER, lane);
            case INJECT -> throw injected(lane, context.request());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Lane dying = attributes.getAttribute(DIES_AFTER);
        if (dying != null) {
            dying.die();
            throw SdkClientException.create("the process died (chaos soak) after the call took effect, before its answer");
        }
        // What the analysis table answered reaches the attempt: the soak's check of invariant 5 needs it.
        if (context.request() instanceof QueryRequest query && context.response() instanceof QueryResponse answer
                && LocalRuntime.ANALYSIS_RESULTS_TABLE.equals(query.tableName())) {
            Lanes.current().ifPresent(lane -> lane.analysisRead(answer.items().stream()
                    .map(item -> item.get("analysisId")).filter(v -> v != null && v.s() != null)
                    .map(AttributeValue::s).toList()));
        }
    }

    private static SdkException injected(Lane lane, SdkRequest request) {
        if (lane.plannedFault() == FaultClass.TRANSACTION_CANCELLED && request instanceof TransactWriteItemsRequest t) {
            int items = Math.max(1, t.transactItems().size());
            int conflict = lane.random().nextInt(items);
            List<CancellationReason> reasons = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                reasons.add(i == conflict
                        ? CancellationReason.builder().code("TransactionConflict")
                                .message("Transaction is ongoing for the item").build()
                        : CancellationReason.builder().code("None").build());
            }
            return TransactionCanceledException.builder()
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons")
                    .cancellationReasons(reasons)
                    .statusCode(400)
                    .awsErrorDetails(details("TransactionCanceledException"))
                    .build();
        }
        return ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded (chaos soak)")
                .statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException"))
                .build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName(DYNAMODB)
                .errorMessage("injected by the chaos soak").build();
    }
}

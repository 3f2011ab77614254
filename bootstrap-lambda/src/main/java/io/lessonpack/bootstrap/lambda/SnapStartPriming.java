package io.lessonpack.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.service.GenerationSettings;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot is taken, one whole voice session runs through the
 * function as a real invocation would — the handler, the queue side, the use case, every DynamoDB
 * adapter, the Secrets Manager key, the OpenAI author on the real SDK, the SNS publisher — so the
 * classes of every request path, Jackson's serialisers and the SDKs' marshallers are loaded and
 * initialised in the snapshot, not on the first request after a restore.
 *
 * <p>It runs on a second object graph whose every outbound call goes to {@link LoopbackServices}
 * on the loopback interface: it reaches no AWS service, fetches no real secret, calls no model and
 * writes nothing; the function's own graph, its clients and its key cache are untouched. Anything
 * unique (ids, credentials) is still made after restore. Priming never fails the snapshot: a
 * problem is logged and the function starts unprimed.
 */
final class SnapStartPriming implements Resource {

    private static final Logger LOG = System.getLogger(SnapStartPriming.class.getName());

    private final Environment environment;

    SnapStartPriming(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Registers priming with the CRaC runtime; returns it so the caller holds a strong reference. */
    static SnapStartPriming register(Environment environment) {
        SnapStartPriming priming = new SnapStartPriming(environment);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to rebuild: credentials are read per request and ids are drawn per call.
    }

    /**
     * Runs one session through a graph wired to {@link LoopbackServices}; returns whether it made
     * its lesson (the whole path ran).
     */
    boolean prime() {
        Instant started = Instant.now();
        try (LoopbackServices services = LoopbackServices.start()) {
            Map<String, String> overrides = new HashMap<>(services.endpoints());
            overrides.put("AWS_ACCESS_KEY_ID", "priming");
            overrides.put("AWS_SECRET_ACCESS_KEY", "priming");
            overrides.remove("AWS_SESSION_TOKEN");
            LambdaComponent graph = DaggerLambdaComponent.factory().create(environment.with(overrides),
                    Clock.systemUTC(), IdGenerator.randomUuids(), GenerationSettings.defaults());
            BatchResult result = new VoiceSessionHandler(graph).handle(event(), null);
            boolean generated = result.generated() == 1;
            LogEvent.of("snapstart.primed").with("generated", generated).with("loopbackRequests", services.requests())
                    .with("durationMs", Duration.between(started, Instant.now()).toMillis()).info(LOG);
            return generated;
        } catch (RuntimeException e) {
            LogEvent.of("snapstart.priming_failed").with("errorType", e.getClass().getName()).warn(LOG);
            return false;
        }
    }

    /** One voice session of {@link LoopbackServices#USER_ID}, as SQS delivers it. */
    private static SQSEvent event() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setReceiptHandle("priming");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:priming.fifo");
        message.setBody("{\"sessionId\":\"" + LoopbackServices.SESSION_ID + "\",\"userId\":\"" + LoopbackServices.USER_ID
                + "\",\"targetLanguage\":\"es\",\"createdAt\":\"" + Instant.now() + "\"}");
        message.setAttributes(Map.of("MessageGroupId", LoopbackServices.USER_ID, "ApproximateReceiveCount", "1",
                "SentTimestamp", String.valueOf(Instant.now().toEpochMilli())));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}

package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.bootstrap.lambda.IdGenerator;
import io.lessonpack.bootstrap.local.bench.StandInFaults;
import io.lessonpack.bootstrap.local.runtime.LocalHooks;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the soak's faults enter the local runtime: the {@link LocalHooks} that wrap the author, its
 * key source, the publisher and the use case, the model stand-in's scripted answers, the id source,
 * and the invocation running now (null between invocations, when nothing is injected). The SDK
 * calls are reached through {@link FaultInterceptor}, which the SDK loads by itself.
 */
final class FaultInjection {

    private final ModelScripts scripts = new ModelScripts();
    private final AtomicLong idsOutsideLanes = new AtomicLong();
    private final long seed;
    private volatile Invocation running;

    FaultInjection(long seed) {
        this.seed = seed;
    }

    /** The hooks for {@link io.lessonpack.bootstrap.local.runtime.LocalRuntime}, with the simulated queue's visibility. */
    LocalHooks hooks(MessageVisibility visibility) {
        return new LocalHooks(author -> new FaultyAuthor(author, scripts), FaultyKeys::new, FaultyPublisher::new,
                useCase -> new LaneBinding(useCase, () -> running), visibility, GenerationProgressPort.none());
    }

    /** What the model stand-in consults for each request. */
    StandInFaults modelFaults() {
        return scripts;
    }

    /**
     * Claim tokens and package ids: a lane's own sequence on a lane (so they do not depend on which
     * lane's thread asks first), a run-wide sequence elsewhere; name-based UUIDs from the seed either way.
     */
    IdGenerator ids() {
        return () -> Lanes.current().map(Lane::nextId).orElseGet(() -> UUID.nameUUIDFromBytes(
                (seed + "|outside|" + idsOutsideLanes.incrementAndGet()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    void begin(Invocation invocation) {
        running = invocation;
    }

    void end() {
        running = null;
    }
}

package io.lessonpack.bootstrap.local.runtime;

import io.lessonpack.adapter.aws.sqs.MessageVisibility;
import io.lessonpack.application.port.in.GenerateDailyPackageUseCase;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a local command may put around the local runtime's wiring without changing it: decorators of
 * the lesson author, of the OpenAI key source, of the event publisher and of the use case the queue
 * side calls, the queue to make messages visible again on, and who hears each step of a generation.
 * {@link #none()} is the plain local runtime (the demo and the bench); the chaos soak puts its fault
 * injection and its simulated queue here, {@code serve} its progress listener.
 *
 * @param author     wraps the author the environment chose (offline, or the OpenAI adapter)
 * @param apiKeys    wraps the OpenAI adapter's key source (the local runtime reads {@code OPENAI_API_KEY})
 * @param publisher  wraps the in-memory event publisher that stands in for SNS
 * @param useCase    wraps the use case the queue side calls for each message
 * @param visibility where a message that failed only for time is made visible again
 * @param progress   hears each step of every generation (the Lambda has no one listening)
 */
public record LocalHooks(UnaryOperator<LessonAuthorPort> author, UnaryOperator<ApiKeyPort> apiKeys,
        UnaryOperator<PublishPackageEventPort> publisher, UnaryOperator<GenerateDailyPackageUseCase> useCase,
        MessageVisibility visibility, GenerationProgressPort progress) {

    public LocalHooks {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Nothing around the wiring, and no queue: the runtime feeds the handler directly, so a failed
     * message is simply not retried.
     */
    public static LocalHooks none() {
        return new LocalHooks(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity(), MessageVisibility.none(), GenerationProgressPort.none());
    }

    /** These hooks with {@code listener} hearing each step of every generation. */
    public LocalHooks withProgress(GenerationProgressPort listener) {
        return new LocalHooks(author, apiKeys, publisher, useCase, visibility, listener);
    }
}

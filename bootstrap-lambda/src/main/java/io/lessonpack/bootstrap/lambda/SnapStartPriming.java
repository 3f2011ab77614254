package io.lessonpack.bootstrap.lambda;

import io.lessonpack.adapter.aws.sqs.VoiceSessionMessage;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot is taken, run the code paths every invocation needs
 * (message parsing, Jackson, word keys and their Unicode tables) so their classes are loaded and
 * initialised in the snapshot. It touches no network, creates no id and reads no secret: anything
 * unique is made after restore.
 */
final class SnapStartPriming implements Resource {

    private static final String SAMPLE = "{\"sessionId\":\"priming\",\"userId\":\"priming\",\"targetLanguage\":\"es\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\"}";

    private final LambdaComponent component;

    private SnapStartPriming(LambdaComponent component) {
        this.component = component;
    }

    /** Registers priming with the CRaC runtime; returns it so the caller holds a strong reference. */
    static SnapStartPriming register(LambdaComponent component) {
        SnapStartPriming priming = new SnapStartPriming(component);
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

    void prime() {
        VoiceSessionMessage message = component.parser().parse("priming", SAMPLE, Instant.EPOCH);
        if (!(message instanceof VoiceSessionMessage.Parsed)) {
            throw new IllegalStateException("priming message did not parse");
        }
        WordKey.of(Language.of("es"), "¿El café?");
        WordKey.of(Language.of("ja"), "ｶﾀｶﾅ");
    }
}

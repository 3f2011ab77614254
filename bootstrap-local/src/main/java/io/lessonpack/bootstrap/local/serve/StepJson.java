package io.lessonpack.bootstrap.local.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.application.port.out.ProgressStep;
import java.util.Locale;

/** A progress step as the session answer and the event stream show it: ids, a kind, codes, a time. */
final class StepJson {

    private StepJson() {
    }

    static ObjectNode of(ProgressHub.Event event) {
        ProgressStep s = event.step();
        return Http.JSON.createObjectNode().put("id", event.id()).put("sessionId", s.sessionId().value())
                .put("userId", s.userId().value()).put("language", s.language().tag()).put("kind", kind(s.kind()))
                .put("detail", s.detail()).put("at", s.at().toString());
    }

    /** {@code AUTHOR_STARTED} as {@code author_started}. */
    static String kind(ProgressStep.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

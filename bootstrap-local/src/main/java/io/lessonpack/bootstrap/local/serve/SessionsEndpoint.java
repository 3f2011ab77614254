package io.lessonpack.bootstrap.local.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser;
import io.lessonpack.adapter.aws.sqs.VoiceSessionMessage;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import java.io.IOException;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /v1/sessions} takes a voice-session message exactly as the queue carries it, checks it
 * with the queue side's own parser (a body the parser would skip is answered 400 with its reason,
 * at once), admits the session once and answers 202 with where to watch it; {@code GET
 * /v1/sessions/{sessionId}} tells what became of it.
 */
final class SessionsEndpoint {

    private static final Logger LOG = System.getLogger(SessionsEndpoint.class.getName());

    private final SqsVoiceSessionMessageParser parser;
    private final SessionBook book;
    private final SessionRunner runner;
    private final Clock clock;

    SessionsEndpoint(SqsVoiceSessionMessageParser parser, SessionBook book, SessionRunner runner, Clock clock) {
        this.parser = parser;
        this.book = book;
        this.runner = runner;
        this.clock = clock;
    }

    void post(Http http) throws IOException {
        String body = http.body();
        Instant sentAt = clock.instant();
        String messageId = "serve-" + UUID.randomUUID();
        GenerateDailyPackageCommand command = switch (parser.parse(messageId, body, sentAt)) {
            case VoiceSessionMessage.Unusable unusable -> throw HttpProblem.badRequest(
                    "not a voice-session message (" + unusable.reason() + "): " + unusable.detail());
            case VoiceSessionMessage.Parsed parsed -> parsed.command();
        };
        SessionBook.Admission admission = book.admit(command, messageId, body);
        if (admission.created()) {
            runner.submit(admission.entry(), sentAt);
        }
        LogEvent.of("serve.session_posted").with("sessionId", command.sessionId()).with("userId", command.userId())
                .with("language", command.language()).with("new", admission.created()).info(LOG);
        SessionBook.View view = admission.entry().view();
        http.exchange().getResponseHeaders().set("Location", view.location());
        http.json(202, http.object().put("sessionId", command.sessionId().value())
                .put("status", view.status().json()).put("location", view.location()));
    }

    void get(Http http) throws IOException {
        SessionBook.View view = book.find(http.param("sessionId"))
                .orElseThrow(() -> HttpProblem.notFound("no session with this id was posted to this server"))
                .view();
        GenerateDailyPackageCommand c = view.command();
        ObjectNode json = http.object().put("sessionId", c.sessionId().value()).put("userId", c.userId().value())
                .put("language", c.language().tag()).put("status", view.status().json())
                .put("attempts", view.attempts());
        if (!view.reason().isEmpty()) {
            json.put("reason", view.reason());
        }
        if (view.lesson() != null) {
            json.put("packageId", view.lesson().id().value()).put("version", view.lesson().version());
        }
        ArrayNode steps = json.putArray("steps");
        view.steps().forEach(e -> steps.add(StepJson.of(e)));
        http.json(200, json);
    }
}

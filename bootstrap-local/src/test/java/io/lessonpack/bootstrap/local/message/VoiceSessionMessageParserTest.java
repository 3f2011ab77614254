package io.lessonpack.bootstrap.local.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.port.in.VoiceSessionMessage;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VoiceSessionMessageParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");
    private final VoiceSessionMessageParser parser = new VoiceSessionMessageParser();

    @Test
    void parse_validBody_becomesCommand() {
        VoiceSessionMessage m = parser.parse("m1",
                "{\"sessionId\":\"s1\",\"userId\":\"u1\",\"targetLanguage\":\"es-MX\",\"createdAt\":\"2026-03-02T09:59:00Z\"}",
                RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class, p -> {
            assertThat(p.messageId()).isEqualTo("m1");
            assertThat(p.command().sessionId().value()).isEqualTo("s1");
            assertThat(p.command().userId().value()).isEqualTo("u1");
            assertThat(p.command().language().tag()).isEqualTo("es-MX");
            assertThat(p.command().sessionCreatedAt()).isEqualTo(Instant.parse("2026-03-02T09:59:00Z"));
        });
    }

    @Test
    void parse_offsetCreatedAtAndMissingSession_usesOffsetAndMessageId() {
        VoiceSessionMessage m = parser.parse("m2",
                "{\"userId\":\"u1\",\"targetLanguage\":\"fr\",\"createdAt\":\"2026-03-02T11:00:00+01:00\"}", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class, p -> {
            assertThat(p.command().sessionId().value()).isEqualTo("message:m2");
            assertThat(p.command().sessionCreatedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        });
    }

    @Test
    void parse_missingCreatedAt_usesReceiveTime() {
        VoiceSessionMessage m = parser.parse("m3", "{\"sessionId\":\"s\",\"userId\":\"u1\",\"targetLanguage\":\"ja\"}",
                RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class,
                p -> assertThat(p.command().sessionCreatedAt()).isEqualTo(RECEIVED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no userId | {\"sessionId\":\"s\",\"targetLanguage\":\"es\"} | missing userId",
        "no language | {\"sessionId\":\"s\",\"userId\":\"u\"} | missing targetLanguage",
        "null userId | {\"userId\":null,\"targetLanguage\":\"es\"} | missing userId",
        "blank language | {\"userId\":\"u\",\"targetLanguage\":\"  \"} | missing targetLanguage",
        "both missing | {\"sessionId\":\"s\"} | missing userId and targetLanguage"
    })
    void parse_missingFields_skippedAsMissingFields(String name, String body, String detail) {
        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.MISSING_FIELDS);
            assertThat(u.detail()).isEqualTo(detail);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad json | {\"userId\":\"u\", | not valid JSON",
        "array | [1,2] | not a JSON object",
        "number userId | {\"userId\":42,\"targetLanguage\":\"es\"} | userId must be a string, was number",
        "object language | {\"userId\":\"u\",\"targetLanguage\":{\"x\":1}} | targetLanguage must be a string, was object",
        "unknown language | {\"userId\":\"u\",\"targetLanguage\":\"klingon\"} | targetLanguage is not a known ISO 639-1 language tag",
        "bad createdAt | {\"userId\":\"u\",\"targetLanguage\":\"es\",\"createdAt\":\"yesterday\"} | createdAt is not an ISO-8601 instant",
        "numeric createdAt | {\"userId\":\"u\",\"targetLanguage\":\"es\",\"createdAt\":17} | createdAt must be a string, was number"
    })
    void parse_badBodies_skippedAsInvalidWithReason(String name, String body, String detail) {
        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains(detail);
        });
    }

    @Test
    void parse_absurdSize_refusedUnreadWithoutEchoingTheBody() {
        String body = "{\"userId\":\"u\",\"targetLanguage\":\"es\",\"pad\":\"" + "SECRET".repeat(5_000) + "\"}";

        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("bytes").doesNotContain("SECRET");
        });
    }

    @Test
    void parse_overlongUserId_refusedWithoutEchoingIt() {
        String id = "U".repeat(500);

        VoiceSessionMessage m = parser.parse("m", "{\"userId\":\"" + id + "\",\"targetLanguage\":\"es\"}", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("userId").doesNotContain(id);
        });
    }

    @Test
    void parse_emptyBody_invalid() {
        assertThat(parser.parse("m", "  ", RECEIVED)).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
    }
}

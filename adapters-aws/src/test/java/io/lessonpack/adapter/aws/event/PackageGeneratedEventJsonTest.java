package io.lessonpack.adapter.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageGeneratedEventJsonTest {

    private static final PackageGeneratedEvent EVENT = new PackageGeneratedEvent("pkg-1:1", UserId.of("użytkownik-7"),
            Language.of("pt-BR"), PackageId.of("pkg-1"), "Viagem \"à\" praia\n", Instant.parse("2026-03-02T00:00:00Z"),
            false, 1);

    private static final String JSON = "{\"event\":\"package.generated\",\"userId\":\"użytkownik-7\",\"language\":\"pt-BR\","
            + "\"packageId\":\"pkg-1\",\"packageName\":\"Viagem \\\"à\\\" praia\\n\",\"generatedAt\":\"2026-03-02T00:00:00Z\","
            + "\"updated\":false,\"eventId\":\"pkg-1:1\",\"packageVersion\":1}";

    @Test
    void toJson_writesTheDocumentedFieldsInOrder() {
        assertThat(PackageGeneratedEventJson.toJson(EVENT)).isEqualTo(JSON);
    }

    @Test
    void fromJson_ofToJson_givesTheSameEvent() {
        assertThat(PackageGeneratedEventJson.fromJson(JSON)).isEqualTo(EVENT);
        PackageGeneratedEvent later = new PackageGeneratedEvent("pkg-1:" + Long.MAX_VALUE, EVENT.userId(),
                EVENT.language(), EVENT.packageId(), "x", Instant.parse("2026-03-02T23:59:59.999999999Z"), true,
                Long.MAX_VALUE);
        assertThat(PackageGeneratedEventJson.fromJson(PackageGeneratedEventJson.toJson(later))).isEqualTo(later);
    }

    @Test
    void fromJson_fieldsInAnyOrderAndUnknownFields_accepted() {
        String reordered = "{\"packageVersion\":1,\"eventId\":\"pkg-1:1\",\"updated\":false,\"schema\":2,"
                + "\"generatedAt\":\"2026-03-02T00:00:00Z\",\"packageName\":\"Viagem \\\"à\\\" praia\\n\","
                + "\"packageId\":\"pkg-1\",\"language\":\"pt-BR\",\"userId\":\"użytkownik-7\",\"event\":\"package.generated\"}";

        assertThat(PackageGeneratedEventJson.fromJson(reordered)).isEqualTo(EVENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "event       | \"event\":\"package.generated\"   | \"event\":\"package.deleted\"         | event must be",
        "userId      | \"userId\":\"użytkownik-7\"       | \"userId\":\" \"                      | userId is missing or blank",
        "userId type | \"userId\":\"użytkownik-7\"       | \"userId\":7                          | userId must be a string, was a whole number",
        "language    | \"language\":\"pt-BR\"            | \"language\":\"portuguese\"           | language is not a supported",
        "packageId   | \"packageId\":\"pkg-1\"           | \"packageId\":null                    | packageId is missing",
        "name        | \"packageName\":\"Viagem \\\"à\\\" praia\\n\" | \"packageName\":\"  \"    | packageName is blank",
        "generatedAt | \"generatedAt\":\"2026-03-02T00:00:00Z\" | \"generatedAt\":\"2026-03-02\" | generatedAt is not an ISO-8601 instant",
        "updated     | \"updated\":false                 | \"updated\":\"false\"                 | updated must be a boolean, was a string",
        "eventId     | \"eventId\":\"pkg-1:1\"           | \"eventId\":\"\"                      | eventId is blank",
        "version     | \"packageVersion\":1              | \"packageVersion\":1.5                | packageVersion must be a whole number, was a fraction",
        "version str | \"packageVersion\":1              | \"packageVersion\":\"1\"              | packageVersion must be a whole number, was a string",
        "version 0   | \"packageVersion\":1              | \"packageVersion\":0                  | packageVersion must be between 1",
        "version big | \"packageVersion\":1              | \"packageVersion\":99999999999999999999 | packageVersion must be between 1",
        "duplicate   | \"eventId\":\"pkg-1:1\"           | \"eventId\":\"pkg-1:1\",\"eventId\":\"x\" | not a single valid JSON document"
    })
    void fromJson_badField_rejectedNamingIt(String name, String good, String bad, String problem) {
        assertThat(JSON).contains(good);
        String json = JSON.replace(good, bad);

        assertThatThrownBy(() -> PackageGeneratedEventJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining("Viagem");
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"event", "userId", "language", "packageId", "packageName", "generatedAt", "updated",
        "eventId", "packageVersion"})
    void fromJson_missingField_rejectedNamingIt(String field) {
        String json = JSON.replace("\"" + field + "\":", "\"x" + field + "\":");

        assertThatThrownBy(() -> PackageGeneratedEventJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field + " is missing");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"null", "[]", "\"package.generated\"", "{\"event\":", "{} {}"})
    void fromJson_notAnObject_rejected(String json) {
        assertThatThrownBy(() -> PackageGeneratedEventJson.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a package.generated event");
    }
}

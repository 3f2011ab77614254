package io.lessonpack.adapter.openai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins the exact {@code response_format} the SDK sends for {@link LessonAnswer}: the strict JSON
 * schema is part of the contract with the model (and of the cached prompt prefix), so a change to
 * the records, their descriptions or the SDK's generator must be a visible, reviewed change.
 *
 * <p>To accept a deliberate change, run once with {@code -Dsnapshot.update=true}; the test then
 * rewrites the snapshot in {@code src/test/resources} and fails, asking for a rerun.
 */
class ResponseFormatSnapshotTest {

    static final String SNAPSHOT = "response-format.snapshot.json";

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new ChatCompletions.PlanAwareAnswer()))
            .build();

    @Test
    void theResponseFormatOnTheWire_matchesTheSnapshot() throws IOException {
        JsonNode sent = sentResponseFormat();

        assertThat(sent.get("type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(sent.at("/json_schema/schema/additionalProperties").asBoolean(true)).isFalse();
        String actual = pretty(sent);
        if (Boolean.getBoolean("snapshot.update")) {
            Path file = Path.of("src", "test", "resources", "io", "lessonpack", "adapter", "openai", SNAPSHOT);
            Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
            fail("snapshot rewritten at " + file.toAbsolutePath() + "; review the change and run again without"
                    + " -Dsnapshot.update");
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream(SNAPSHOT)) {
            if (in == null) {
                fail("no snapshot " + SNAPSHOT + "; create it with -Dsnapshot.update=true");
                return;
            }
            expected = pretty(ChatCompletions.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        if (!actual.equals(expected)) {
            Path file = Path.of("target", "response-format.actual.json");
            Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
            fail("the response_format sent to OpenAI changed (actual written to " + file.toAbsolutePath()
                    + "; accept it with -Dsnapshot.update=true):\n" + diff(expected, actual));
        }
    }

    @Test
    void everyObjectInTheSchema_requiresAllItsProperties_andAllowsNoOthers() {
        List<String> faults = new ArrayList<>();
        checkObjects(sentResponseFormat().at("/json_schema/schema"), "#", faults);

        assertThat(faults).isEmpty();
    }

    private JsonNode sentResponseFormat() {
        ChatCompletions.respondInOrder(STUB, ChatCompletions.planAware(List.of("mesa", "silla", "puerta")));
        OpenAiAuthorConfig config = OpenAiAuthorConfig.defaults().withBaseUrl(STUB.baseUrl() + "/v1");
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        OpenAIClient client = OpenAiClients.create(config);
        try {
            new OpenAiLessonAuthorAdapter(client, new CountingKeys("sk-test"), config, clock)
                    .write(Briefs.brief("gato"), new AuthorBudget(clock.instant().plus(Duration.ofSeconds(50)), Duration.ofSeconds(10)));
        } finally {
            client.close();
        }
        return ChatCompletions.body(ChatCompletions.requests(STUB).get(0)).get("response_format");
    }

    private static void checkObjects(JsonNode schema, String path, List<String> faults) {
        if (schema.isObject() && "object".equals(schema.path("type").asText())) {
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (!required.containsAll(properties) || schema.path("additionalProperties").asBoolean(true)) {
                faults.add(path);
            }
        }
        schema.properties().forEach(f -> checkObjects(f.getValue(), path + "/" + f.getKey(), faults));
        if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                checkObjects(schema.get(i), path + "/" + i, faults);
            }
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return ChatCompletions.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines that differ, numbered, expected first: enough to see what moved. */
    private static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<none>";
            String right = i < b.size() ? b.get(i) : "<none>";
            if (!left.equals(right)) {
                out.append(String.format("line %d%n  - %s%n  + %s%n", i + 1, left, right));
            }
        }
        return out.toString();
    }
}

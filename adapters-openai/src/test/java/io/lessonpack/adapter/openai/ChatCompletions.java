package io.lessonpack.adapter.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback stub of OpenAI's Chat Completions endpoint (WireMock) that speaks the real wire
 * format, for driving the real SDK: canned answers, errors with headers, answers in sequence, and
 * {@link PlanAwareAnswer}, which reads the review words from the request it answers so that an
 * answer can keep (or break, on purpose) the plan the domain chose.
 */
final class ChatCompletions {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH_PATTERN = ".*/chat/completions";

    private ChatCompletions() {
    }

    /** Answers the next requests with {@code responses}, one each, in order; any further request gets a 404. */
    static void respondInOrder(WireMockExtension stub, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            stub.stubFor(post(urlPathMatching(PATH_PATTERN))
                    .inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answered-" + i)
                    .willReturn(responses[i])
                    .willSetStateTo("answered-" + (i + 1)));
        }
    }

    /** The chat-completion requests the stub received, oldest first. */
    static List<LoggedRequest> requests(WireMockExtension stub) {
        return stub.findAll(postRequestedFor(urlPathMatching(PATH_PATTERN)));
    }

    static JsonNode body(LoggedRequest request) {
        return parse(request.getBodyAsString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String systemMessage(LoggedRequest request) {
        return body(request).at("/messages/0/content").asText();
    }

    static String userMessage(LoggedRequest request) {
        return body(request).at("/messages/1/content").asText();
    }

    /** The JSON between {@code open} and {@code close} in a user message. */
    static JsonNode tagged(String userMessage, String open, String close) {
        int start = userMessage.indexOf(open + "\n");
        int end = userMessage.indexOf("\n" + close, start);
        if (start < 0 || end < 0) {
            throw new AssertionError("no " + open + " block in the user message");
        }
        return parse(userMessage.substring(start + open.length() + 1, end));
    }

    static JsonNode learnerData(LoggedRequest request) {
        return tagged(userMessage(request), PromptBuilder.DATA_OPEN, PromptBuilder.DATA_CLOSE);
    }

    /**
     * Asserts what every request must be: the model, a strict JSON schema, no tools, the system
     * message first and byte-identical to the constant, the learner data in the user message only.
     *
     * @param learnerTexts learner strings that must not appear in the system message
     */
    static void assertWellFormed(LoggedRequest request, String path, String key, List<String> learnerTexts) {
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(path);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + key);
        JsonNode body = body(request);
        assertThat(body.get("model").asText()).isEqualTo(OpenAiAuthorConfig.DEFAULT_MODEL);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("json-schema-from-LessonAnswer");
        assertThat(body.at("/response_format/json_schema/schema/required"))
                .extracting(JsonNode::asText).containsExactly("name", "newLesson", "notes", "reviewTopics");
        assertThat(body.has("tools")).as("tools").isFalse();
        assertThat(body.has("tool_choice")).as("tool_choice").isFalse();
        assertThat(body.has("functions")).as("functions").isFalse();
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(OpenAiAuthorConfig.DEFAULT_MAX_COMPLETION_TOKENS);
        assertThat(body.get("temperature").asDouble()).isEqualTo(OpenAiAuthorConfig.DEFAULT_TEMPERATURE);
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        String system = messages.get(0).get("content").asText();
        assertThat(system.getBytes(StandardCharsets.UTF_8))
                .isEqualTo(PromptBuilder.SYSTEM_MESSAGE.getBytes(StandardCharsets.UTF_8));
        for (String text : learnerTexts) {
            assertThat(system).doesNotContain(text);
        }
        String user = messages.get(1).get("content").asText();
        assertThat(user).containsOnlyOnce(PromptBuilder.DATA_OPEN).containsOnlyOnce(PromptBuilder.DATA_CLOSE);
        assertThat(learnerData(request).isObject()).isTrue();
    }

    // ---- answers ----

    /** A 200 chat completion whose message content is {@code content}. */
    static ResponseDefinitionBuilder completion(String content, String finishReason, long promptTokens,
            long cachedTokens, long completionTokens) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        message.putNull("refusal");
        return ok(completionBody(message, finishReason, promptTokens, cachedTokens, completionTokens));
    }

    /** A 200 chat completion carrying a refusal and no content. */
    static ResponseDefinitionBuilder refusal(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("refusal", text);
        message.putNull("content");
        return ok(completionBody(message, "stop", 1_500, 0, 12));
    }

    /** An error in OpenAI's format, with extra headers given as name, value, name, value... */
    static ResponseDefinitionBuilder error(int status, String type, String... headers) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", "stub error " + status + " with text only OpenAI would know")
                .put("type", type).putNull("param").putNull("code");
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_stub_" + status)
                .withBody(error.toString());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.withHeader(headers[i], headers[i + 1]);
        }
        return response;
    }

    /** A valid answer for whatever review words the request names, introducing {@code newWords}. */
    static ResponseDefinitionBuilder planAware(List<String> newWords) {
        return aResponse().withTransformers(PlanAwareAnswer.NAME).withTransformerParameter("newWords", newWords);
    }

    /** Like {@link #planAware}, but the first review topic opens with {@code openingWord} instead of the plan's. */
    static ResponseDefinitionBuilder planAwareOpeningWith(String openingWord, List<String> newWords) {
        return planAware(newWords).withTransformerParameter("wrongOpening", openingWord);
    }

    private static ResponseDefinitionBuilder ok(ObjectNode body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_stub_ok")
                .withBody(body.toString());
    }

    static ObjectNode completionBody(ObjectNode message, String finishReason, long promptTokens, long cachedTokens,
            long completionTokens) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-stub")
                .put("object", "chat.completion")
                .put("created", 1_767_225_600L)
                .put("model", OpenAiAuthorConfig.DEFAULT_MODEL)
                .put("system_fingerprint", "fp_stub");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return body;
    }

    /**
     * The JSON a well-behaved model would write: one review topic per review word, opening with it
     * and asking for it; one new lesson with {@code newWords}; notes for each new word.
     */
    static String answerJson(List<String> reviewWords, List<String> newWords) {
        ObjectNode answer = JSON.createObjectNode().put("name", "Spanish speaking practice");
        ObjectNode lesson = answer.putObject("newLesson");
        lesson.put("instructions", "Role-play buying fruit at a market. Introduce "
                + String.join(", ", newWords.stream().map(w -> "\"" + w + "\"").toList())
                + " one at a time: say each clearly, have the learner repeat it, then ask a question they can answer"
                + " with it. End by asking for three sentences of their own.");
        addAll(lesson.putArray("newWords"), newWords);
        lesson.put("title", "At the market");
        ObjectNode notes = answer.putObject("notes");
        notes.put("learning", "Today you recall words from memory and learn words for shopping at a market.");
        ArrayNode words = notes.putArray("words");
        for (String word : newWords) {
            words.addObject().put("meaning", "a market word").put("pronunciation", "/" + word + "/").put("writing", word);
        }
        addAll(notes.putArray("workOn"), List.of("Keep the past tense steady when you tell a story."));
        ArrayNode reviews = answer.putArray("reviewTopics");
        for (String word : reviewWords) {
            ObjectNode review = reviews.addObject();
            review.put("instructions", "Open by asking the learner to say \"" + word + "\" without showing it: describe"
                    + " its meaning and wait. Then ask two questions whose answers use it.");
            review.put("openingWord", word);
            review.put("title", "Recall a word");
            addAll(review.putArray("words"), List.of(word));
        }
        return answer.toString();
    }

    private static void addAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /**
     * Answers with {@link #answerJson} for the review words of the request it answers (read from
     * the learner data of the request's user message), like a model that follows the plan.
     * Parameters: {@code newWords} (list; {@link #KNOWN_WORD} stands for the first known word of
     * the learner data that is not a review word), optionally {@code wrongOpening} (the first topic
     * opens with it instead).
     */
    static final class PlanAwareAnswer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "plan-aware-answer";
        static final String KNOWN_WORD = "@known";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = parse(serveEvent.getRequest().getBodyAsString());
            String user = request.at("/messages/1/content").asText();
            JsonNode data = tagged(user, PromptBuilder.DATA_OPEN, PromptBuilder.DATA_CLOSE);
            List<String> reviewWords = new ArrayList<>();
            data.get("reviewWords").forEach(w -> reviewWords.add(w.asText()));
            Parameters parameters = serveEvent.getTransformerParameters();
            if (parameters.containsKey("wrongOpening")) {
                reviewWords.set(0, (String) parameters.get("wrongOpening"));
            }
            @SuppressWarnings("unchecked")
            List<String> newWords = new ArrayList<>((List<String>) parameters.get("newWords"));
            List<String> known = new ArrayList<>();
            data.get("knownWords").forEach(w -> known.add(w.get("writing").asText()));
            known.removeAll(reviewWords);
            newWords.replaceAll(w -> w.equals(KNOWN_WORD) ? known.get(0) : w);
            ObjectNode message = JSON.createObjectNode().put("role", "assistant")
                    .put("content", answerJson(reviewWords, newWords));
            message.putNull("refusal");
            return new ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-request-id", "req_stub_plan")
                    .withBody(completionBody(message, "stop", 2_400, 1_280, 900).toString())
                    .build();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** The message of an OpenAI error body, for tests that check nothing of it leaks. */
    static String errorText(int status) {
        return "stub error " + status + " with text only OpenAI would know";
    }
}

package io.lessonpack.bootstrap.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lessonpack.adapter.aws.dynamodb.DynamoDbTables;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loopback WireMock server that speaks four real wire formats for the function's outbound
 * calls: SNS (Query protocol, form-encoded {@code Action=Publish}, XML answer), Secrets Manager
 * (JSON 1.1, {@code X-Amz-Target: secretsmanager.GetSecretValue}), SQS (JSON 1.0,
 * {@code X-Amz-Target: AmazonSQS.ChangeMessageVisibilityBatch}, every entry accepted) and OpenAI
 * Chat Completions,
 * where a fake model follows the plan in the request: it opens each review topic with the review
 * word it was given and introduces fresh words ({@code palabraN}). A learner whose missed targets
 * contain {@link #REFUSE_MARKER} gets a refusal, to make one message of a batch fail; one whose
 * feedback reads {@link #OFFER_MARKER}{@code word} is offered that word as its first new word, until
 * a repair request lists violations (as a model that forgot what the learner knows).
 */
final class FakeServices implements AutoCloseable {

    static final String API_KEY = "sk-e2e-secret-key-123";
    static final String REFUSE_MARKER = "please-refuse";
    static final String OFFER_MARKER = "offer-as-new:";
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:lessonpack-test-package-generated";
    static final String VISIBILITY_TARGET = "AmazonSQS.ChangeMessageVisibilityBatch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    FakeServices() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new FakeModel(), new FakeSqsBatch()));
        server.start();
        server.stubFor(post(urlPathMatching(".*/chat/completions"))
                .willReturn(aResponse().withTransformers(FakeModel.NAME)));
        server.stubFor(post(urlPathMatching("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:lessonpack-test-openai-api-key-AbCdEf\","
                                + "\"Name\":\"lessonpack-test-openai-api-key\",\"SecretString\":\"" + API_KEY + "\","
                                + "\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}")));
        server.stubFor(post(urlPathMatching("/"))
                .withHeader("X-Amz-Target", equalTo(VISIBILITY_TARGET))
                .willReturn(aResponse().withTransformers(FakeSqsBatch.NAME)));
        server.stubFor(post(urlPathMatching("/"))
                .withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                                + "<MessageId>msg-1</MessageId></PublishResult><ResponseMetadata><RequestId>req-1</RequestId>"
                                + "</ResponseMetadata></PublishResponse>")));
    }

    String url() {
        return server.baseUrl();
    }

    /**
     * The function's environment for a stack on these stubs and DynamoDB Local: the variables of
     * docs/contracts.md ("Environment variables"), dummy credentials, and the SDK's endpoint
     * variables pointing at loopback.
     */
    Map<String, String> functionEnvironment(DynamoDbTables tables) {
        Map<String, String> env = new HashMap<>();
        env.put(LambdaConfiguration.STATE_TABLE, tables.stateTable());
        env.put(LambdaConfiguration.PACKAGES_TABLE, tables.packagesTable());
        env.put(LambdaConfiguration.ANALYSIS_RESULTS_TABLE, tables.analysisResultsTable());
        env.put(LambdaConfiguration.TOPIC_ARN, TOPIC_ARN);
        env.put(LambdaConfiguration.PROJECT_NAME, "lessonpack");
        env.put(LambdaConfiguration.ENVIRONMENT, "test");
        env.put(LambdaConfiguration.REGION, "us-east-1");
        env.put(LambdaConfiguration.OPENAI_BASE_URL, url() + "/v1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.endpoint().toString());
        env.put("AWS_ENDPOINT_URL", url());
        return env;
    }

    /** The {@code Message} bodies of every SNS Publish received, oldest first, parsed. */
    List<JsonNode> publishedEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=Publish")))) {
            for (String pair : r.getBodyAsString().split("&")) {
                if (pair.startsWith("Message=")) {
                    events.add(parse(URLDecoder.decode(pair.substring("Message=".length()), StandardCharsets.UTF_8)));
                }
            }
        }
        return events;
    }

    /** The entries of every ChangeMessageVisibilityBatch received, oldest first, with the request's QueueUrl added. */
    List<JsonNode> visibilityChanges() {
        List<JsonNode> entries = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlPathMatching("/"))
                .withHeader("X-Amz-Target", equalTo(VISIBILITY_TARGET)))) {
            JsonNode request = parse(r.getBodyAsString());
            request.get("Entries").forEach(e -> entries.add(((ObjectNode) e.deepCopy())
                    .put("QueueUrl", request.get("QueueUrl").asText())));
        }
        return entries;
    }

    int modelCalls() {
        return server.findAll(postRequestedFor(urlPathMatching(".*/chat/completions"))).size();
    }

    int secretFetches() {
        return server.findAll(postRequestedFor(urlPathMatching("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))).size();
    }

    List<LoggedRequest> modelRequests() {
        return server.findAll(postRequestedFor(urlPathMatching(".*/chat/completions")));
    }

    @Override
    public void close() {
        server.stop();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model that keeps the plan: review openers as given, the requested number of fresh words. */
    static final class FakeModel implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-model";
        private static final AtomicInteger WORDS = new AtomicInteger();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = parse(serveEvent.getRequest().getBodyAsString());
            String user = request.at("/messages/1/content").asText();
            int start = user.indexOf("<learner_data>\n");
            int end = user.indexOf("\n</learner_data>", start);
            JsonNode data = parse(user.substring(start + "<learner_data>\n".length(), end));
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            boolean refuse = data.path("missedTargets").toString().contains(REFUSE_MARKER);
            if (refuse) {
                message.putNull("content");
                message.put("refusal", "I can't help with that.");
            } else {
                List<String> reviewWords = new ArrayList<>();
                data.get("reviewWords").forEach(w -> reviewWords.add(w.asText()));
                List<String> newWords = new ArrayList<>();
                for (int i = 0; i < data.get("newWordCount").asInt(); i++) {
                    newWords.add("palabra" + WORDS.incrementAndGet());
                }
                String feedback = data.path("feedback").toString();
                int offer = feedback.indexOf(OFFER_MARKER);
                if (offer >= 0 && !user.contains("<rule_violations>")) {
                    String word = feedback.substring(offer + OFFER_MARKER.length());
                    newWords.set(0, word.substring(0, word.indexOf('"')));
                }
                message.put("content", answer(reviewWords, newWords));
                message.putNull("refusal");
            }
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-e2e").put("object", "chat.completion")
                    .put("created", 1_767_225_600L).put("model", request.path("model").asText());
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("message", message);
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            ObjectNode usage = body.putObject("usage").put("prompt_tokens", 2_400).put("completion_tokens", 900)
                    .put("total_tokens", 3_300);
            usage.putObject("prompt_tokens_details").put("cached_tokens", 1_280);
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(body.toString()).build();
        }

        private static String answer(List<String> reviewWords, List<String> newWords) {
            ObjectNode answer = JSON.createObjectNode().put("name", "Spanish speaking practice");
            ObjectNode lesson = answer.putObject("newLesson");
            lesson.put("instructions", "Role-play a market visit. Introduce " + String.join(", ", newWords)
                    + " one at a time and have the learner say each in a sentence.");
            ArrayNode words = lesson.putArray("newWords");
            newWords.forEach(words::add);
            lesson.put("title", "At the market");
            ObjectNode notes = answer.putObject("notes");
            notes.put("learning", "Recall known words, then learn market words.");
            ArrayNode noteWords = notes.putArray("words");
            newWords.forEach(w -> noteWords.addObject().put("meaning", "a market word").put("pronunciation", "/" + w + "/")
                    .put("writing", w));
            notes.putArray("workOn").add("Answer in full sentences.");
            ArrayNode reviews = answer.putArray("reviewTopics");
            for (String word : reviewWords) {
                ObjectNode review = reviews.addObject();
                review.put("instructions", "Open by asking the learner to say \"" + word + "\" without showing it.");
                review.put("openingWord", word);
                review.put("title", "Recall " + word);
                review.putArray("words").add(word);
            }
            return answer.toString();
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

    /** SQS accepting every entry of a ChangeMessageVisibilityBatch, as it does for valid handles. */
    static final class FakeSqsBatch implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-sqs-batch";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = parse(serveEvent.getRequest().getBodyAsString());
            ObjectNode body = JSON.createObjectNode();
            ArrayNode successful = body.putArray("Successful");
            request.path("Entries").forEach(e -> successful.addObject().put("Id", e.get("Id").asText()));
            body.putArray("Failed");
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody(body.toString()).build();
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
}

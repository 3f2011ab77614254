package io.lessonpack.bootstrap.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The function's outbound services answered in their real wire formats by one HTTP server on the
 * loopback interface, with fixed, well-formed answers: DynamoDB (JSON 1.0; every read finds
 * nothing except one analysis result for {@link #SESSION_ID}, every write succeeds), Secrets Manager
 * (JSON 1.1, a dummy key), SNS (Query protocol, XML), SQS (JSON 1.0, every visibility change
 * accepted) and OpenAI Chat Completions (a structured answer that keeps the plan in the request:
 * review topics open with the given words, the asked number of fresh new words).
 *
 * <p>It lets SnapStart priming run one whole generation through the function's real wiring, SDK
 * clients and adapters without touching AWS, a secret or a model ({@link SnapStartPriming}), and it
 * stands in for Secrets Manager, SNS and SQS when the bench runs the artifact in a fresh JVM.
 *
 * <pre>{@code
 * try (LoopbackServices services = LoopbackServices.start()) {
 *     Environment env = real.with(services.endpoints());
 * }
 * }</pre>
 */
public final class LoopbackServices implements AutoCloseable {

    /** The session whose analysis result the DynamoDB stand-in's analysis Query returns. */
    public static final String SESSION_ID = "loopback-session";
    /** The learner of that result. */
    public static final String USER_ID = "loopback-learner";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_10 = "application/x-amz-json-1.0";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger words = new AtomicInteger();

    private LoopbackServices(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the server on a free loopback port. */
    public static LoopbackServices start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback services could not bind a port", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "lessonpack-loopback");
            thread.setDaemon(true);
            return thread;
        });
        LoopbackServices services = new LoopbackServices(server, executor);
        server.setExecutor(executor);
        server.createContext("/", services::handle);
        server.start();
        return services;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The variables that point every outbound call of the function here: each of the SDK's endpoint
     * variables the function honours (a service's own wins over the general one, so all are set),
     * and {@code OPENAI_BASE_URL}.
     */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new HashMap<>();
        LambdaConfiguration.ENDPOINT_OVERRIDES.forEach(variable -> endpoints.put(variable, url()));
        endpoints.put(LambdaConfiguration.OPENAI_BASE_URL, url() + "/v1");
        return Map.copyOf(endpoints);
    }

    /** Requests answered so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("X-Amz-Target"), "");
            if (exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                answer(exchange, 200, "application/json", completion(body));
            } else if (target.startsWith("DynamoDB_20120810.")) {
                answer(exchange, 200, JSON_10, dynamoDb(target.substring(target.indexOf('.') + 1), body));
            } else if (target.equals("secretsmanager.GetSecretValue")) {
                answer(exchange, 200, "application/x-amz-json-1.1", "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:"
                        + "000000000000:secret:loopback-AbCdEf\",\"Name\":\"loopback\",\"SecretString\":\"loopback-key\","
                        + "\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}");
            } else if (target.equals("AmazonSQS.ChangeMessageVisibilityBatch")) {
                answer(exchange, 200, JSON_10, visibilityAccepted(body));
            } else if (body.contains("Action=Publish")) {
                answer(exchange, 200, "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<PublishResult><MessageId>loopback</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>loopback</RequestId></ResponseMetadata></PublishResponse>");
            } else {
                answer(exchange, 404, "text/plain", "not served here");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "loopback");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** DynamoDB: nothing is found but the analysis result; every write succeeds. */
    private static String dynamoDb(String operation, String body) throws IOException {
        return switch (operation) {
            case "BatchGetItem" -> "{\"Responses\":{},\"UnprocessedKeys\":{}}";
            // The analysis-results table is the one keyed on a plain userId attribute.
            case "Query" -> JSON.readTree(body).path("KeyConditionExpression").asText().startsWith("userId = ")
                    ? "{\"Items\":[" + analysisResult() + "],\"Count\":1,\"ScannedCount\":1}"
                    : "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}";
            default -> "{}";
        };
    }

    private static String analysisResult() {
        return "{\"userId\":{\"S\":\"" + USER_ID + "\"},\"createdAt\":{\"S\":\"2026-01-01T00:00:00Z\"},"
                + "\"analysisId\":{\"S\":\"loopback\"},\"sessionId\":{\"S\":\"" + SESSION_ID + "\"},"
                + "\"targetLanguage\":{\"S\":\"es\"},\"targetsMissed\":{\"L\":[{\"S\":\"la cuenta\"}]},"
                + "\"targetsHit\":{\"SS\":[\"hola\"]},\"wordsUsed\":{\"L\":[{\"S\":\"agua\"}]},"
                + "\"feedback\":{\"S\":\"Clear greetings.\"}}";
    }

    private static String visibilityAccepted(String body) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode successful = answer.putArray("Successful");
        JSON.readTree(body).path("Entries").forEach(e -> successful.addObject().put("Id", e.path("Id").asText()));
        answer.putArray("Failed");
        return answer.toString();
    }

    /** A chat completion whose structured answer keeps the plan the request's learner data states. */
    private String completion(String body) throws IOException {
        String user = JSON.readTree(body).at("/messages/1/content").asText();
        int start = user.indexOf("<learner_data>");
        int end = user.indexOf("</learner_data>");
        JsonNode data = start < 0 || end < start ? JSON.createObjectNode()
                : JSON.readTree(user.substring(start + "<learner_data>".length(), end));
        ObjectNode lesson = JSON.createObjectNode().put("name", "Spanish speaking practice");
        ArrayNode reviews = lesson.putArray("reviewTopics");
        for (JsonNode word : data.path("reviewWords")) {
            reviews.addObject().put("instructions", "Open by asking the learner to say \"" + word.asText()
                    + "\" without showing it, then ask two questions that need it.")
                    .put("openingWord", word.asText()).put("title", "Recall a word").putArray("words").add(word.asText());
        }
        List<String> fresh = IntStream.range(0, Math.max(1, data.path("newWordCount").asInt(1)))
                .mapToObj(i -> "palabra" + words.incrementAndGet()).toList();
        ObjectNode newLesson = lesson.putObject("newLesson").put("title", "At the market")
                .put("instructions", "Role-play a market visit and introduce " + String.join(", ", fresh) + ".");
        fresh.forEach(newLesson.putArray("newWords")::add);
        ObjectNode notes = lesson.putObject("notes").put("learning", "Known words first, then market words.");
        notes.putArray("workOn").add("Answer in full sentences.");
        ArrayNode noteWords = notes.putArray("words");
        fresh.forEach(w -> noteWords.addObject().put("writing", w).put("pronunciation", "/" + w + "/")
                .put("meaning", "a market word"));
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-loopback").put("object", "chat.completion")
                .put("created", 1_767_225_600L).put("model", "loopback");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message").put("role", "assistant").put("content", lesson.toString()).putNull("refusal");
        completion.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
        return completion.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.lessonpack.bootstrap.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lessonpack.adapter.offline.OfflineLessonAuthor;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.LessonBrief;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for an OpenAI-compatible Chat Completions endpoint that answers after a set
 * delay, so the real handler, the real SDK and the real adapter meet the latency a model has in
 * production without a model or a network.
 *
 * <p>It serves {@value #PATH} (the openai-java SDK appends {@code /chat/completions} to a base URL
 * ending in {@code /v1}). From each request it reads the learner data the adapter's prompt carries
 * between {@code <learner_data>} and {@code </learner_data>}, rebuilds the {@link LessonBrief}, has
 * the {@link OfflineLessonAuthor} write the draft (for a repair, the previous package's new words
 * count as known, so the author picks others), waits the delay on its own virtual thread, and
 * answers with a {@code chat.completion} whose message content is the structured-output JSON the
 * adapter expects. Concurrent requests are served concurrently.
 *
 * <p>For fault injection, {@link #setFaults} scripts answers by the request's bearer token: a
 * {@link StandInFault} (429, 500, a refusal, a truncated answer) instead of the lesson.
 *
 * <p>It counts requests {@linkplain Counts#started() started}, {@linkplain Counts#answered()
 * answered} (the response fully written) and {@linkplain Counts#cut() cut} (the client went away
 * before the answer could be written), for a benchmark to read between runs.
 *
 * <pre>{@code
 * try (ModelStandIn model = ModelStandIn.start(Duration.ofSeconds(5))) {
 *     Environment env = Environment.system().with(Map.of("OPENAI_BASE_URL", model.baseUrl()));
 *     ...
 *     ModelStandIn.Counts counts = model.counts();
 * }
 * }</pre>
 */
public final class ModelStandIn implements AutoCloseable {

    /** The one path served: the SDK's Chat Completions path under a {@code /v1} base URL. */
    public static final String PATH = "/v1/chat/completions";

    /** Bytes written per flush, so that a peer that went away fails the write instead of a kernel buffer absorbing it. */
    private static final int WRITE_CHUNK = 1_024;
    /** Token figures are estimated at this many characters per token. */
    private static final int CHARS_PER_TOKEN = 4;

    private static final Logger LOG = System.getLogger(ModelStandIn.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final StandInAuthor author = new StandInAuthor();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicLong completionIds = new AtomicLong();
    private final AtomicInteger largestRequest = new AtomicInteger();
    private volatile Duration delay;
    private volatile StandInFaults faults = StandInFaults.none();

    /**
     * What the stand-in saw since the last {@link #reset()}.
     *
     * @param started  chat-completion requests received
     * @param answered requests whose response was fully written
     * @param cut      requests whose client went away before the response could be written
     */
    public record Counts(int started, int answered, int cut) {

        /** Requests received but neither answered nor cut yet: still waiting out the delay. */
        public int inFlight() {
            return started - answered - cut;
        }
    }

    private ModelStandIn(HttpServer server, ExecutorService executor, Duration delay) {
        this.server = server;
        this.executor = executor;
        this.delay = delay;
    }

    /** Starts a stand-in on a free loopback port that answers each request after {@code delay}. */
    public static ModelStandIn start(Duration delay) {
        requireDelay(delay);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("the model stand-in could not bind a loopback port", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ModelStandIn standIn = new ModelStandIn(server, executor, delay);
        server.setExecutor(executor);
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    /** The base URL to configure the SDK with: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The delay before each answer. */
    public Duration delay() {
        return delay;
    }

    /** Changes the delay for requests received from now on. */
    public void setDelay(Duration newDelay) {
        requireDelay(newDelay);
        this.delay = newDelay;
    }

    /** Answers the requests {@code script} picks with a fault from now on ({@link StandInFaults#none()}: none). */
    public void setFaults(StandInFaults script) {
        this.faults = Objects.requireNonNull(script, "script");
    }

    /** The counters since the last {@link #reset()}. */
    public Counts counts() {
        return new Counts(started.get(), answered.get(), cut.get());
    }

    /** The largest request body received since the last {@link #reset()}, in bytes: the size of the prompt sent. */
    public int largestRequestBytes() {
        return largestRequest.get();
    }

    /** Sets every counter back to zero; call it when no request is in flight. */
    public void reset() {
        largestRequest.set(0);
        started.set(0);
        answered.set(0);
        cut.set(0);
    }

    /**
     * Waits until no request is in flight, at most {@code max}.
     *
     * @return whether the stand-in went idle in time
     */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (counts().inFlight() > 0) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void requireDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the model delay must not be negative, was " + delay);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, error("not_found_error", "the model stand-in serves POST " + PATH + " only"));
                return;
            }
            started.incrementAndGet();
            long receivedAt = System.nanoTime();
            Duration wait = delay;
            byte[] body = exchange.getRequestBody().readAllBytes();
            largestRequest.accumulateAndGet(body.length, Math::max);
            Answer answer = faults.next(bearerToken(exchange)).map(f -> faultAnswer(f, body)).orElseGet(() -> answer(body));
            try {
                Thread.sleep(Math.max(0, wait.toMillis() - (System.nanoTime() - receivedAt) / 1_000_000));
            } catch (InterruptedException e) {
                // Closing: the stand-in stops and the answer is not sent.
                Thread.currentThread().interrupt();
                return;
            }
            boolean written = respond(exchange, answer.status, answer.body);
            (written ? answered : cut).incrementAndGet();
            LogEvent.of("bench.model_stand_in.request").with("operation", answer.operation)
                    .with("status", answer.status).with("delayMs", wait.toMillis())
                    .with("outcome", written ? "answered" : "cut").info(LOG);
        }
    }

    /**
     * Writes a JSON response; returns false when the client went away first. The body goes out in
     * small flushed chunks: a write to a connection the client closed fails at the second write at
     * the latest, so a cut request is never counted as answered.
     */
    private static boolean respond(HttpExchange exchange, int status, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-request-id", "req_bench_stand_in");
            if (status == 429 || status >= 500) {
                exchange.getResponseHeaders().set("retry-after-ms", StandInFault.RETRY_AFTER_MS);
            }
            exchange.sendResponseHeaders(status, body.length);
            OutputStream out = exchange.getResponseBody();
            for (int from = 0; from < body.length; from += WRITE_CHUNK) {
                out.write(body, from, Math.min(WRITE_CHUNK, body.length - from));
                out.flush();
            }
            out.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A response to send: status, JSON body, and the operation it answers (for the log line). */
    private record Answer(int status, byte[] body, String operation) {
    }

    private Answer answer(byte[] requestBody) {
        JsonNode request;
        String user;
        try {
            request = JSON.readTree(requestBody);
            user = request.path("messages").path(1).path("content").asText("");
        } catch (IOException e) {
            return new Answer(400, error("invalid_request_error", "the model stand-in could not read the request"),
                    "unknown");
        }
        String model = request.path("model").asText("stand-in");
        try {
            StandInAuthor.Written written = author.write(user);
            return new Answer(200, written.answer().map(c -> completion(model, c, null, "stop", requestBody.length))
                    .orElseGet(() -> completion(model, null, "The stand-in's offline author cannot write this lesson.",
                            "stop", requestBody.length)), written.operation());
        } catch (IllegalArgumentException e) {
            return new Answer(400, error("invalid_request_error", "the model stand-in could not read the request"),
                    "unknown");
        }
    }

    /** The bearer token of a request, or an empty string. */
    private static String bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "";
    }

    /** The answer of a scripted fault, as OpenAI would send it. */
    private Answer faultAnswer(StandInFault fault, byte[] requestBody) {
        String model;
        try {
            model = JSON.readTree(requestBody).path("model").asText("stand-in");
        } catch (IOException e) {
            model = "stand-in";
        }
        byte[] body = switch (fault) {
            case RATE_LIMITED -> error("rate_limit_error", "Rate limit reached (the stand-in's scripted fault).");
            case SERVER_ERROR -> error("server_error", "The server had an error (the stand-in's scripted fault).");
            case REFUSAL -> completion(model, null, "I can't help with that.", "stop", requestBody.length);
            case TRUNCATED -> completion(model, "{\"name\":\"Speaking practice\",\"reviewTopics\":[{\"instructions\":\"Open by",
                    null, "length", requestBody.length);
        };
        return new Answer(fault.status(), body, "fault_" + fault.name().toLowerCase(Locale.ROOT));
    }

    /** A {@code chat.completion} with {@code content}, or with {@code refusal} when content is null. */
    private byte[] completion(String model, String content, String refusal, String finishReason, int requestChars) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-bench-" + completionIds.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        choice.put("finish_reason", finishReason);
        choice.putNull("logprobs");
        long promptTokens = requestChars / CHARS_PER_TOKEN;
        long completionTokens = Math.max(1, (content == null ? refusal : content).length() / CHARS_PER_TOKEN);
        ObjectNode usage = body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        return bytes(body);
    }

    private static byte[] error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return bytes(body);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }
}

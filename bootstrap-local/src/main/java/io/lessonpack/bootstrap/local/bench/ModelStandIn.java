package io.lessonpack.bootstrap.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.bootstrap.local.offline.OfflineLessonAuthor;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    static final String DATA_OPEN = "<learner_data>";
    static final String DATA_CLOSE = "</learner_data>";
    static final String DRAFT_OPEN = "<previous_package>";
    static final String DRAFT_CLOSE = "</previous_package>";

    /** Bytes written per flush, so that a peer that went away fails the write instead of a kernel buffer absorbing it. */
    private static final int WRITE_CHUNK = 1_024;
    /** Token figures are estimated at this many characters per token. */
    private static final int CHARS_PER_TOKEN = 4;

    private static final Logger LOG = System.getLogger(ModelStandIn.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final OfflineLessonAuthor author = new OfflineLessonAuthor();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicLong completionIds = new AtomicLong();
    private volatile Duration delay;

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

    /** The counters since the last {@link #reset()}. */
    public Counts counts() {
        return new Counts(started.get(), answered.get(), cut.get());
    }

    /** Sets every counter back to zero; call it when no request is in flight. */
    public void reset() {
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
            Answer answer = answer(body);
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
        JsonNode data;
        try {
            request = JSON.readTree(requestBody);
            user = request.path("messages").path(1).path("content").asText("");
            data = JSON.readTree(tagged(user, DATA_OPEN, DATA_CLOSE)
                    .orElseThrow(() -> new IllegalArgumentException("no learner data in the user message")));
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(400, error("invalid_request_error", "the model stand-in could not read the request"),
                    "unknown");
        }
        Optional<String> previous = tagged(user, DRAFT_OPEN, DRAFT_CLOSE);
        String operation = previous.isPresent() ? "repair" : "write";
        String model = request.path("model").asText("stand-in");
        try {
            LessonBrief brief = brief(data, previous.map(ModelStandIn::newWordsOf).orElse(List.of()));
            PackageDraft draft = author.write(brief, new AuthorBudget(Instant.MAX, Duration.ZERO)).draft();
            String content = JSON.writeValueAsString(lessonAnswer(draft));
            return new Answer(200, completion(model, content, null, requestBody.length), operation);
        } catch (LessonAuthorException | IllegalArgumentException | IOException e) {
            // The offline author has nothing to write (or the data is not a brief): a model would refuse.
            return new Answer(200, completion(model, null, "The stand-in's offline author cannot write this lesson.",
                    requestBody.length), operation);
        }
    }

    /** The text between {@code open} and {@code close} on lines of their own, when present. */
    private static Optional<String> tagged(String text, String open, String close) {
        int start = text.indexOf(open + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        int from = start + open.length() + 1;
        int end = text.indexOf("\n" + close, from);
        return end < 0 ? Optional.empty() : Optional.of(text.substring(from, end));
    }

    /** The new words of the previous package a repair request shows. */
    private static List<String> newWordsOf(String previousPackage) {
        List<String> words = new ArrayList<>();
        try {
            JSON.readTree(previousPackage).path("newLesson").path("newWords").forEach(w -> words.add(w.asText()));
        } catch (IOException e) {
            // An unreadable previous package: the repair is written like a fresh draft.
        }
        return words;
    }

    /**
     * The brief the learner data describes (the shape the adapter's prompt builder writes), with
     * {@code alsoKnown} first among the known words.
     */
    static LessonBrief brief(JsonNode data, List<String> alsoKnown) {
        Language language = Language.of(data.path("targetLanguage").path("tag").asText());
        List<ReviewWord> reviewWords = new ArrayList<>();
        for (JsonNode word : data.path("reviewWords")) {
            String text = word.asText();
            reviewWords.add(new ReviewWord(WordKey.of(language, text), text, ReviewWord.Source.CURRICULUM, 0));
        }
        LessonPlan plan = new LessonPlan(language, reviewWords,
                NewWordCount.of(data.path("newWordCount").asInt(NewWordCount.DEFAULT)));
        List<WordNote> known = new ArrayList<>();
        alsoKnown.forEach(w -> known.add(new WordNote(w, "", "")));
        for (JsonNode word : data.path("knownWords")) {
            known.add(new WordNote(word.path("writing").asText(), word.path("pronunciation").asText(),
                    word.path("meaning").asText()));
        }
        JsonNode existing = data.path("existingPackage");
        Optional<LessonBrief.PackageSummary> summary = existing.isObject()
                ? Optional.of(new LessonBrief.PackageSummary(existing.path("name").asText(),
                        existing.path("version").asLong(), existing.path("lastNewLesson").asText(),
                        texts(existing.path("lastNewWords"))))
                : Optional.empty();
        return new LessonBrief(plan, texts(data.path("missedTargets")), texts(data.path("hitTargets")),
                texts(data.path("wordsUsed")), texts(data.path("feedback")), known, summary);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The draft in the shape of the adapter's structured-output schema ({@code LessonAnswer}). */
    static ObjectNode lessonAnswer(PackageDraft draft) {
        ObjectNode answer = JSON.createObjectNode().put("name", draft.name());
        ObjectNode newLesson = null;
        ArrayNode reviewTopics = JSON.createArrayNode();
        for (Conversation conversation : draft.conversations()) {
            switch (conversation) {
                case ReviewTopic r -> {
                    ObjectNode topic = reviewTopics.addObject()
                            .put("instructions", r.instructions())
                            .put("openingWord", r.openingWord())
                            .put("title", r.title());
                    r.words().forEach(topic.putArray("words")::add);
                }
                case NewLesson n -> {
                    if (newLesson == null) {
                        newLesson = JSON.createObjectNode().put("instructions", n.instructions());
                        n.words().forEach(newLesson.putArray("newWords")::add);
                        newLesson.put("title", n.title());
                    }
                }
            }
        }
        answer.set("newLesson", newLesson);
        ObjectNode notes = answer.putObject("notes").put("learning", draft.notes().learning());
        ArrayNode words = notes.putArray("words");
        for (WordNote note : draft.notes().words()) {
            words.addObject().put("meaning", note.meaning()).put("pronunciation", note.pronunciation())
                    .put("writing", note.writing());
        }
        draft.notes().workOn().forEach(notes.putArray("workOn")::add);
        answer.set("reviewTopics", reviewTopics);
        return answer;
    }

    /** A {@code chat.completion} with {@code content}, or with {@code refusal} when content is null. */
    private byte[] completion(String model, String content, String refusal, int requestChars) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-bench-" + completionIds.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        choice.put("finish_reason", "stop");
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

package io.lessonpack.bootstrap.local.serve;

import com.sun.net.httpserver.HttpServer;
import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.LearnerQueryService;
import io.lessonpack.bootstrap.local.demo.AnalysisResultsWriter;
import io.lessonpack.bootstrap.local.runtime.LocalComponent;
import io.lessonpack.bootstrap.local.runtime.LocalHooks;
import io.lessonpack.bootstrap.local.runtime.LocalRuntime;
import io.lessonpack.domain.memory.Fsrs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * lessonpack over HTTP on this machine: the JDK's own HTTP server on loopback in front of a
 * {@link LocalRuntime}. Sessions go through the Lambda's handler on per-learner lanes, reads go
 * through the application's query use cases, and the {@link ProgressHub} (the runtime's progress
 * listener) feeds the session outcomes and the event streams. docs/serve.md describes the endpoints.
 *
 * <pre>{@code
 * ProgressHub hub = new ProgressHub(settings.historySize());
 * LocalRuntime runtime = LocalRuntime.start(Environment.system(), null, clock, ids,
 *         GenerationSettings.defaults(), LocalHooks.none().withProgress(hub));
 * try (LessonServer server = LessonServer.start(runtime, hub, settings)) {
 *     System.out.println(server.uri());
 * }
 * }</pre>
 */
public final class LessonServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(LessonServer.class.getName());

    /** Words shown per language on the learner page at most. */
    static final int MAX_WORDS_SHOWN = 300;

    private final HttpServer server;
    private final ExecutorService exchanges;
    private final ProgressHub hub;
    private final SessionRunner runner;
    private final URI uri;

    private LessonServer(HttpServer server, ExecutorService exchanges, ProgressHub hub, SessionRunner runner) {
        this.server = server;
        this.exchanges = exchanges;
        this.hub = hub;
        this.runner = runner;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts serving {@code runtime} on loopback at {@code settings.port()} (0: any free port).
     * {@code hub} must be the runtime's progress listener ({@link LocalHooks#withProgress}); else
     * sessions never leave {@code accepted} and the event stream stays silent.
     */
    public static LessonServer start(LocalRuntime runtime, ProgressHub hub, ServeSettings settings) {
        LocalComponent component = runtime.component();
        GenerationPorts ports = component.ports();
        LearnerQueryService queries = new LearnerQueryService(ports.learnerStates(), ports.packages(),
                ports.curriculum(), Fsrs.withDefaults(), MAX_WORDS_SHOWN);
        SessionBook book = new SessionBook();
        hub.listen(book::heard);
        SessionRunner runner = new SessionRunner(runtime.handler(), queries, settings);
        SessionsEndpoint sessions = new SessionsEndpoint(component.parser(), book, runner, settings.clock());
        AnalysisEndpoint analyses = new AnalysisEndpoint(
                new AnalysisResultsWriter(component.dynamoDb(), component.tables().analysisResultsTable()));
        EventsEndpoint events = new EventsEndpoint(hub, settings.keepAlive());
        LearnerReads reads = new LearnerReads(queries, queries, settings.clock());
        HealthEndpoint health = new HealthEndpoint(component.dynamoDb(), component.tables());
        Router router = new Router(settings.maxBodyBytes())
                .route("POST", "/v1/analysis-results", analyses::post)
                .route("POST", "/v1/sessions", sessions::post)
                .route("GET", "/v1/sessions/{sessionId}", sessions::get)
                .route("GET", "/v1/events", events::get)
                .route("GET", "/v1/learners/{userId}/packages/{language}", reads::lessonPackage)
                .route("GET", "/learners/{userId}", reads::page)
                .route("GET", "/health", health::health)
                .route("GET", "/ready", health::ready);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        } catch (IOException e) {
            runner.close();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + settings.port()
                    + " (in use? try --port 0 for any free port)", e);
        }
        // One virtual thread per exchange: an event stream holds its exchange open for as long as
        // the client listens, and must not take a pool thread from the other requests.
        ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(exchanges);
        server.createContext("/", router);
        server.start();
        LessonServer started = new LessonServer(server, exchanges, hub, runner);
        LogEvent.of("serve.started").with("port", server.getAddress().getPort()).info(LOG);
        return started;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return uri;
    }

    /** Ends the event streams, stops taking requests, then stops the lanes. The runtime stays up. */
    @Override
    public void close() {
        hub.close();
        server.stop(1);
        runner.close();
        exchanges.shutdownNow();
        LogEvent.of("serve.stopped").info(LOG);
    }
}

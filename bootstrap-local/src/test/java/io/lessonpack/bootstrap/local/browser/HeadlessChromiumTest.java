package io.lessonpack.bootstrap.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page-test harness itself, on a page whose script changes it after loading. */
class HeadlessChromiumTest {

    private static final String PAGE = """
            <!doctype html><html><body><p id="message">loading</p>
            <script>setTimeout(() => document.getElementById('message').textContent = 'ready', 300);</script>
            </body></html>""";

    private static HttpServer server;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws IOException {
        Path executable = HeadlessChromium.forTest();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        browser = HeadlessChromium.launch(executable, Path.of("target", "browser", "harness-chromium.log"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void evaluatesWaitsAndTakesAScreenshot() throws IOException {
        BrowserPage page = browser.open(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));

        page.waitUntil("document.getElementById('message').textContent === 'ready'", Duration.ofSeconds(10));
        Path screenshot = Path.of("target", "browser", "harness.png");
        page.screenshot(screenshot);

        assertThat(page.text("document.getElementById('message').textContent")).isEqualTo("ready");
        assertThat(page.evaluate("1 + 2").asInt()).isEqualTo(3);
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).hasSizeGreaterThan(100);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void aConditionNeverMetFailsWithWhatThePageShows() {
        BrowserPage page = browser.open(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));

        assertThatThrownBy(() -> page.waitUntil("false", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not reach `false`");
    }

    @Test
    void aScriptErrorIsReported() {
        BrowserPage page = browser.open(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));

        assertThatThrownBy(() -> page.evaluate("undefinedName.property"))
                .hasMessageContaining("script failed in the page");
    }
}

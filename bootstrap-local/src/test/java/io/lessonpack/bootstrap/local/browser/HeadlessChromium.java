package io.lessonpack.bootstrap.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium for page tests, driven over the DevTools protocol ({@link DevToolsConnection}).
 * It runs with a throwaway profile, listens for DevTools on a loopback port it picks itself (read back from
 * the profile's {@code DevToolsActivePort} file), and is killed with its profile on {@link #close()}.
 *
 * <p>{@code --no-sandbox} because CI runs as root, where Chromium's sandbox refuses to start; the browser only
 * ever loads pages of the test's own loopback server. Background networking, component updates, sync and QUIC
 * are off: the machines this runs on have no way out, and each refused connection only slows the browser.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Set to {@code 1} where the browser must be there: a page test then fails instead of being skipped. */
    public static final String REQUIRE_VARIABLE = "LESSONPACK_REQUIRE_BROWSER";
    /** The browser to use instead of looking for one on the PATH. */
    public static final String EXECUTABLE_VARIABLE = "LESSONPACK_CHROMIUM";

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final DevToolsConnection browser;

    private HeadlessChromium(Process process, Path profile, DevToolsConnection browser) {
        this.process = process;
        this.profile = profile;
        this.browser = browser;
    }

    /** Whether a test run demands the browser ({@value #REQUIRE_VARIABLE}=1), as CI does. */
    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /** The Chromium to run: {@value #EXECUTABLE_VARIABLE} when set, else the first known name on the PATH. */
    public static Optional<Path> executable() {
        String configured = System.getenv(EXECUTABLE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The browser for a page test: skips the test (JUnit assumption) when none is installed, unless
     * {@value #REQUIRE_VARIABLE}=1 says it must be there, when the test fails instead.
     */
    public static Path forTest() {
        Optional<Path> found = executable();
        if (found.isEmpty() && required()) {
            throw new AssertionError(REQUIRE_VARIABLE + "=1 but no Chromium was found (looked for "
                    + EXECUTABLE_VARIABLE + " and " + NAMES + " on the PATH); install Debian's 'chromium'");
        }
        Assumptions.assumeTrue(found.isPresent(), "no Chromium on this machine; page tests skipped");
        return found.get();
    }

    /** Starts {@code executable} headless and connects to it; its output goes to {@code logFile}. */
    public static HeadlessChromium launch(Path executable, Path logFile) {
        Path profile;
        try {
            profile = Files.createTempDirectory("lessonpack-chromium-");
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,1600",
                "about:blank"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(profile);
            throw new UncheckedIOException("could not start " + executable, e);
        }
        try {
            URI endpoint = awaitEndpoint(process, profile, logFile);
            return new HeadlessChromium(process, profile, DevToolsConnection.open(endpoint));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Opens {@code url} in a new tab and waits until its document has loaded. */
    public BrowserPage open(URI url) {
        String targetId = browser.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId").asText();
        String session = browser.send(null, "Target.attachToTarget",
                Map.of("targetId", targetId, "flatten", true)).path("sessionId").asText();
        BrowserPage page = new BrowserPage(browser, session);
        page.navigate(url);
        return page;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            deleteQuietly(profile);
        }
    }

    private static URI awaitEndpoint(Process process, Path profile, Path logFile) {
        Path activePort = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " before DevTools "
                        + "listened; its output is in " + logFile);
            }
            try {
                if (Files.exists(activePort)) {
                    List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Chromium", e);
            }
        }
        throw new IllegalStateException("Chromium did not open DevTools within " + START_TIMEOUT.toSeconds()
                + " s; its output is in " + logFile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile left in the temp folder is harmless; the test's outcome does not depend on it.
        }
    }
}

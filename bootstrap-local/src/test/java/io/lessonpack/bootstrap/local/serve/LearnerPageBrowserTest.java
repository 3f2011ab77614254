package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.bootstrap.local.browser.BrowserPage;
import io.lessonpack.bootstrap.local.browser.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learner page in a real headless Chromium: it renders a generated package, and while it stays open it
 * follows the next lesson as it is written (the author takes its time) and shows it once committed, without
 * a reload. Skipped without a browser unless {@code LESSONPACK_REQUIRE_BROWSER=1} (CI sets it). The page's
 * screenshot is kept in {@code bootstrap-local/target/browser/}.
 */
class LearnerPageBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final String SPANISH = "document.querySelector('section.package[data-language=\"es\"]')";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ServeFixture serve;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        Path executable = HeadlessChromium.forTest();
        serve = ServeFixture.start(author -> new DelayedAuthor(author, Duration.ofMillis(1500)));
        browser = HeadlessChromium.launch(executable, ARTIFACTS.resolve("learner-page-chromium.log"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void rendersThePackage_andShowsTheNextLessonWhenItIsCommitted() {
        serve.analysis("maria", "page-1", "es", "Rolled the r in «perro» well.");
        assertThat(serve.postSession("page-1", "maria", "es").statusCode()).isEqualTo(202);
        BrowserPage page = browser.open(serve.uri("/learners/maria"));

        page.waitUntil(SPANISH + " !== null", WAIT);
        assertThat(page.text(SPANISH + ".dataset.version")).isEqualTo("1");
        List<String> openingWords = texts(page, SPANISH + ".querySelectorAll('.reviews .opening-word')");
        assertThat(openingWords).hasSizeBetween(1, 2).allSatisfy(word -> assertThat(word).isNotBlank());
        assertThat(page.text(SPANISH + ".querySelector('.new-lesson').innerText")).contains("New words:");
        assertThat(page.evaluate(SPANISH + ".querySelectorAll('.word-notes tr').length").asInt()).isGreaterThan(1);
        assertThat(page.evaluate(SPANISH + ".querySelectorAll('.curriculum tr').length").asInt()).isGreaterThan(1);
        assertThat(page.evaluate(SPANISH + ".querySelector('svg') !== null").asBoolean()).isTrue();

        page.evaluate("window.stillTheSamePage = true");
        serve.clock.advance(Duration.ofDays(1));
        List<String> yesterdaysWords = new ArrayList<>();
        ServeFixture.json(serve.get("/v1/learners/maria/packages/es")).path("newLesson").path("words")
                .forEach(word -> yesterdaysWords.add(word.asText()));
        serve.analysis("maria", "page-2", "es", "Hesitated before «la cuenta».", yesterdaysWords);
        assertThat(serve.postSession("page-2", "maria", "es").statusCode()).isEqualTo(202);

        page.waitUntil("document.getElementById('live-status').dataset.kind === 'author_started'", WAIT);
        assertThat(page.text(SPANISH + ".dataset.version")).isEqualTo("1");
        page.waitUntil(SPANISH + ".dataset.version === '2'", WAIT);
        assertThat(page.evaluate("window.stillTheSamePage === true").asBoolean())
                .as("the page updated in place, without a reload").isTrue();
        assertThat(page.text("document.getElementById('live-status').dataset.kind")).isIn("committed", "published");
        assertThat(page.evaluate(SPANISH + ".querySelectorAll('svg.recall-chart polyline').length").asInt())
                .as("every review word was recalled today, so each has a forecast line")
                .isEqualTo(page.evaluate(SPANISH + ".querySelectorAll('.reviews .opening-word').length").asInt());
        page.screenshot(ARTIFACTS.resolve("learner-page.png"));
    }

    @Test
    void learnerTextIsShownAsText_neverRunAsMarkup() {
        String hostile = "<img src=x onerror=\"window.injected=1\">";
        BrowserPage page = browser.open(serve.uri("/learners/" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)
                .replace("+", "%20")));

        page.waitUntil("document.getElementById('learner-id') !== null", WAIT);
        assertThat(page.text("document.getElementById('learner-id').textContent")).isEqualTo(hostile);
        assertThat(page.evaluate("document.querySelectorAll('main img, header img').length").asInt()).isZero();
        assertThat(page.evaluate("window.injected === undefined").asBoolean()).isTrue();
        assertThat(page.text("document.getElementById('no-lessons').innerText")).contains("No lessons yet");
    }

    private static List<String> texts(BrowserPage page, String elements) {
        List<String> texts = new ArrayList<>();
        page.evaluate("Array.from(" + elements + ").map(e => e.textContent)").forEach(n -> texts.add(n.asText()));
        return texts;
    }
}

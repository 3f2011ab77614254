package io.lessonpack.bootstrap.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.logging.JsonLineLoggerFinder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path temp;

    private String previousLogFile;

    @BeforeEach
    void logToTempFile() {
        previousLogFile = System.getProperty(JsonLineLoggerFinder.FILE_PROPERTY);
        System.setProperty(JsonLineLoggerFinder.FILE_PROPERTY, temp.resolve("demo.log.jsonl").toString());
    }

    @AfterEach
    void restore() {
        if (previousLogFile == null) {
            System.clearProperty(JsonLineLoggerFinder.FILE_PROPERTY);
        } else {
            System.setProperty(JsonLineLoggerFinder.FILE_PROPERTY, previousLogFile);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new DemoCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demo_fourDays_showsPackagesSkipsAndProgress() {
        Result r = run("--days", "4");

        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Ana · es — package created", "Ben · fr — package created", "Chika · ja — package created")
                .contains("Ana · es — package updated", "Ben · es — package created")
                .contains("skipped: missing fields")
                .contains("skipped: already had lesson today")
                .contains("skipped: already processed")
                .contains("Opening word the learner must say: «")
                .contains("New lesson — ")
                .contains("Work on:")
                .contains("written by offline")
                .contains("/ˈ")
                .contains("Summary after 4 day(s)");
        assertThat(r.err()).contains("[demo] day 1/4", "[demo] day 4/4", "[demo] done");
        assertThat(r.out()).doesNotContain("failed");
    }

    @Test
    void demo_sameArguments_printsTheSameLessons() {
        assertThat(run("--days", "3").out()).isEqualTo(run("--days", "3").out());
    }

    @Test
    void demo_twentyDays_neverIntroducesAWordTwiceToALearner_andNeverFails() {
        // Twenty days is past the twelve lessons the first, 64-word lexicon lasted.
        String out = run("--days", "20").out();

        Matcher created = Pattern.compile("  ✔ (\\S+ · \\S+) — package (?:created|updated)").matcher(out);
        Matcher words = Pattern.compile("     New words: (.*)").matcher(out);
        java.util.Map<String, java.util.Set<String>> seen = new java.util.HashMap<>();
        int lessons = 0;
        while (created.find()) {
            assertThat(words.find(created.end())).isTrue();
            String learner = created.group(1);
            for (String w : words.group(1).split(", ")) {
                assertThat(seen.computeIfAbsent(learner, k -> new java.util.HashSet<>()).add(w.toLowerCase()))
                        .as("%s got %s twice", learner, w).isTrue();
            }
            lessons++;
        }
        assertThat(lessons).isEqualTo(60);
        assertThat(out).doesNotContain("failed");
    }

    @Test
    void demo_writesStructuredLogsWithIdsAndNoLearnerText() throws Exception {
        run("--days", "2");

        List<String> lines = Files.readAllLines(temp.resolve("demo.log.jsonl"));
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"time\":\"").endsWith("}"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"event\":\"generation.outcome\"",
                "\"sessionId\":\"learner-", "\"userId\":\"learner-", "\"packageId\":"));
        assertThat(String.join("\n", lines)).doesNotContain("Nasal vowels", "gracias", "boulangerie");
    }

    @Test
    void demo_badArguments_exitWithUsage() {
        assertThat(run("--days", "0").exit()).isEqualTo(2);
        assertThat(run("--days", "x").exit()).isEqualTo(2);
        assertThat(run("--new-words", "11").exit()).isEqualTo(2);
        Result unknown = run("--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --frobnicate", "usage: demo");
        assertThat(run("--help").exit()).isZero();
    }

    @Test
    void demo_newWordsOption_changesLessonSize() {
        String out = run("--days", "1", "--new-words", "3").out();

        Matcher words = Pattern.compile("     New words: (.*)").matcher(out);
        assertThat(words.find()).isTrue();
        assertThat(words.group(1).split(", ")).hasSize(3);
    }
}

package io.lessonpack.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the library" section shows the code of examples/embedding, which CI builds and
 * runs against the installed coordinates; these checks keep the two from drifting apart. The example is
 * not part of this build, so they read it as text.
 */
class EmbeddingExampleReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("lessonpack.projectRoot", "..")).normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/embedding");
    private static final Path EXAMPLE_MAIN = EXAMPLE.resolve("src/main/java/com/example/lessons/DailyLessonExample.java");

    @Test
    void theReadmesJavaSnippetIsTheExamplesTaggedRegion() throws IOException {
        List<String> example = Files.readAllLines(EXAMPLE_MAIN);
        int start = indexOf(example, "// tag::readme[]");
        int end = indexOf(example, "// end::readme[]");
        assertThat(start).as("a // tag::readme[] line in %s", EXAMPLE_MAIN).isNotNegative();
        assertThat(end).as("a // end::readme[] line after it").isGreaterThan(start);

        assertThat(dedent(block(embeddingSection(), "java")))
                .as("the README's embedding Java block, against the tagged region of %s (modulo indentation)",
                        ROOT.relativize(EXAMPLE_MAIN))
                .isEqualTo(dedent(example.subList(start + 1, end)));
    }

    @Test
    void theReadmesDependenciesAreTheExamplesAtTheBuildsVersion() throws IOException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        String xml = String.join("\n", block(embeddingSection(), "xml"));
        String version = buildVersion();

        assertThat(artifactIds(xml)).as("the io.lessonpack artifacts in the README's dependency snippet")
                .containsExactlyElementsOf(artifactIds(pom));
        assertThat(pom).as("examples/embedding/pom.xml's lessonpack.version")
                .contains("<lessonpack.version>" + version + "</lessonpack.version>");
        assertThat(xml).as("the bom version in the README's snippet").contains("<version>" + version + "</version>");
        assertThat(String.join("\n", embeddingSection())).as("the version the README's coordinates table names")
                .contains("version `" + version + "`");
    }

    private static List<String> embeddingSection() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        int start = indexOf(readme, "## Embedding the library");
        assertThat(start).as("a '## Embedding the library' section in README.md").isNotNegative();
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        return readme.subList(start, end);
    }

    /** The lines of the section's first fenced block of that language. */
    private static List<String> block(List<String> section, String language) {
        int open = indexOf(section, "```" + language);
        assertThat(open).as("a ```%s block in the README's embedding section", language).isNotNegative();
        int close = open + 1;
        while (close < section.size() && !section.get(close).strip().equals("```")) {
            close++;
        }
        assertThat(close).as("the end of the ```%s block", language).isLessThan(section.size());
        return section.subList(open + 1, close);
    }

    private static int indexOf(List<String> lines, String stripped) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(stripped)) {
                return i;
            }
        }
        return -1;
    }

    /** The lines without their common indentation and trailing blanks, joined. */
    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return String.join("\n", out).strip();
    }

    private static List<String> artifactIds(String xml) {
        Matcher m = Pattern.compile("<groupId>io\\.lessonpack</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(xml);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String buildVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>lessonpack-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("the root pom's version").isTrue();
        return m.group(1);
    }
}

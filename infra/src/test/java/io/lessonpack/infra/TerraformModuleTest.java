package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.infra.TerraformModule.Block;
import io.lessonpack.infra.TerraformModule.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The module as a whole: it parses, and the helper that reads it fails loudly on a broken file. */
class TerraformModuleTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();

    @Test
    void everyTfFile_parses_andTheModuleHasItsTopicFiles() {
        assertThat(MODULE.files()).contains("versions.tf", "variables.tf", "outputs.tf", "lambda.tf", "sqs.tf",
                "dynamodb.tf", "sns.tf", "iam.tf", "alarms.tf", "logs.tf");
        assertThat(MODULE.directory().resolve("README.md")).as("the module's README").isRegularFile();
    }

    @Test
    void versions_terraform16OrLater_awsProviderPinnedToOneMajor() {
        Block terraform = MODULE.terraformSettings();
        assertThat(terraform.text("required_version")).matches(">= ?1\\.([6-9]|\\d\\d)(\\.\\d+)?");
        Map<String, Object> aws = terraform.block("required_providers").map("aws");
        assertThat(TerraformModule.text(aws.get("source"))).isEqualTo("hashicorp/aws");
        String version = TerraformModule.text(aws.get("version"));
        Matcher pessimistic = Pattern.compile("~> ?(\\d+)\\.(\\d+)(\\.\\d+)?").matcher(version);
        Matcher range = Pattern.compile(">= ?(\\d+)\\.(\\d+)(\\.\\d+)?, ?< ?(\\d+)\\.0(\\.0)?").matcher(version);
        boolean oneMajor = pessimistic.matches()
                || range.matches() && Integer.parseInt(range.group(4)) == Integer.parseInt(range.group(1)) + 1;
        assertThat(oneMajor).as("the aws provider constraint `%s` must allow one major version only, e.g. "
                + "\">= 6.20, < 7.0\" or \"~> 6.20\"", version).isTrue();
        Matcher lowest = pessimistic.matches() ? pessimistic : range;
        int major = Integer.parseInt(lowest.group(1));
        int minor = Integer.parseInt(lowest.group(2));
        assertThat(major > 6 || major == 6 && minor >= 20)
                .as("lambda_runtime allows java25, which the aws provider accepts from 6.20; `%s` allows older", version)
                .isTrue();
    }

    @Test
    void load_fileThatDoesNotParse_failsNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.tf"), "resource \"aws_sns_topic\" \"t\" {\n  name = \"t\"\n}\n");
        Files.writeString(dir.resolve("broken.tf"), "resource \"aws_sns_topic\" \"u\" {\n  name = \"unterminated\n}\n");

        assertThatThrownBy(() -> TerraformModule.load(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.tf does not parse");
    }

    @Test
    void load_unbalancedBraces_failsNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("open.tf"), "resource \"aws_sns_topic\" \"t\" {\n  name = \"t\"\n");

        assertThatThrownBy(() -> TerraformModule.load(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("open.tf does not parse as Terraform");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "balanced blocks             | a { b { } }                                   | 0",
        "braces in comments          | a { # } }\\n } // {\\n /* { */                 | 0",
        "braces in strings           | a { x = \"}{\" }                               | 0",
        "template with nested quotes | a { x = \"${join(\",\", [for k in v : \"{\"])}\" } | 0",
        "escaped quote in a string   | a { x = \"\\\"}\" }                              | 0",
        "unclosed block              | a { b {                                       | 2",
        "extra brace                 | a { } }                                       | -1"
    })
    void braceDepth_countsOnlyTheBracesOfTheCode(String name, String text, int depth) {
        assertThat(TerraformModule.braceDepth(text.replace("\\n", "\n"))).isEqualTo(depth);
    }

    @Test
    void load_resolvesLocalsAcrossFiles_andKeepsReferences(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), "locals {\n  prefix = \"${var.project}-${var.environment}\"\n"
                + "  timeout = 60\n}\n");
        Files.writeString(dir.resolve("sns.tf"), "resource \"aws_sns_topic\" \"t\" {\n"
                + "  name = \"${local.prefix}-events\"\n  delivery = local.timeout\n  policy = aws_iam_role.r.arn\n}\n");

        Block topic = TerraformModule.load(dir).resource("aws_sns_topic", "t");

        assertThat(topic.text("name")).isEqualTo(TerraformModule.interpolation("${var.project}-${var.environment}-events"));
        assertThat(topic.number("delivery")).isEqualTo(60);
        assertThat(topic.value("policy")).isEqualTo(new Reference("aws_iam_role.r.arn"));
    }

    @Test
    void missingResource_failsListingWhatExists() {
        assertThatThrownBy(() -> MODULE.resource("aws_sns_topic", "nope"))
                .hasMessageContaining("no resource aws_sns_topic.nope")
                .hasMessageContaining("aws_sns_topic.package_generated");
    }
}

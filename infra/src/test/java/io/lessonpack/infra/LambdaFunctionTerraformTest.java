package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.lessonpack.bootstrap.lambda.VoiceSessionHandler;
import io.lessonpack.infra.TerraformModule.Block;
import io.lessonpack.infra.TerraformModule.Reference;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The function: the handler the code has, the runtime, SnapStart, its timeout and its logs. */
class LambdaFunctionTerraformTest {

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final Block FUNCTION = MODULE.onlyResource("aws_lambda_function");
    private static final Set<String> SUPPORTED_RUNTIMES = Set.of("java21", "java25");

    /**
     * The timeout the queue's visibility timeout is derived from: AWS advises a visibility timeout of
     * at least 6 x the function timeout (docs/reliability.md, "SQS FIFO and Lambda").
     */
    static final double TIMEOUT_SECONDS = 60;

    @Test
    void handler_isTheCodesHandlerClassAndMethod() throws NoSuchMethodException {
        assertThat(FUNCTION.text("handler")).isEqualTo(VoiceSessionHandler.class.getName() + "::handleRequest");
        assertThat(VoiceSessionHandler.class.getMethod("handleRequest", SQSEvent.class, Context.class)).isNotNull();
        assertThat(Modifier.isPublic(VoiceSessionHandler.class.getConstructor().getModifiers()))
                .as("Lambda needs a public no-argument constructor").isTrue();
    }

    @Test
    void runtime_isJava21OrJava25_throughAValidatedVariable() {
        Object runtime = FUNCTION.value("runtime");
        if (runtime instanceof Reference(String expression) && expression.startsWith("var.")) {
            String variable = expression.substring("var.".length());
            assertThat(MODULE.variable(variable).text("default")).isIn(SUPPORTED_RUNTIMES);
            for (String supported : SUPPORTED_RUNTIMES) {
                assertThat(MODULE.validationAccepts(variable, supported)).as("var.%s accepts %s", variable, supported)
                        .isTrue();
            }
        } else {
            assertThat(TerraformModule.text(runtime)).isIn(SUPPORTED_RUNTIMES);
        }
    }

    @ParameterizedTest(name = "runtime \"{0}\"")
    @ValueSource(strings = {"java17", "java11", "java8.al2", "provided.al2023", "java21 ", "JAVA21", ""})
    void runtimeVariable_refusesUnsupportedRuntimes(String runtime) {
        String variable = FUNCTION.text("runtime").substring("var.".length());

        assertThat(MODULE.validationAccepts(variable, runtime)).as("var.%s accepts \"%s\"", variable, runtime).isFalse();
    }

    @Test
    void timeout_is60Seconds_andMemoryComesFromAVariableDefaulting1024() {
        assertThat(FUNCTION.number("timeout")).isEqualTo(TIMEOUT_SECONDS);
        assertThat(FUNCTION.text("memory_size")).isEqualTo("var.memory_size");
        assertThat(MODULE.variable("memory_size").number("default")).isEqualTo(1024);
    }

    @Test
    void snapStart_onPublishedVersions_invokedThroughAnAliasOfThePublishedVersion() {
        assertThat(FUNCTION.block("snap_start").text("apply_on")).isEqualTo("PublishedVersions");
        assertThat(FUNCTION.bool("publish")).as("SnapStart only snapshots published versions").isTrue();

        Block alias = MODULE.onlyResource("aws_lambda_alias");
        assertThat(alias.value("function_version")).isEqualTo(reference(FUNCTION, "version"));
        assertThat(alias.value("function_name")).isEqualTo(reference(FUNCTION, "function_name"));
    }

    @Test
    void logs_jsonFormat_toItsOwnLogGroup_withRetention() {
        Block logging = FUNCTION.block("logging_config");
        assertThat(logging.text("log_format")).isEqualTo("JSON");

        Block group = MODULE.referenced(logging.value("log_group"), "aws_cloudwatch_log_group", "name");
        assertThat(group.text("name")).isEqualTo("/aws/lambda/" + FUNCTION.text("function_name"));
        assertThat(group.has("retention_in_days")).as("%s must set a retention", group).isTrue();
        assertThat(group.text("retention_in_days")).isEqualTo("var.log_retention_days");
        assertThat(MODULE.variable("log_retention_days").number("default")).isEqualTo(30);
    }

    @Test
    void code_isTheJarBootstrapLambdaBuilds_hashedSoAChangePublishesAVersion() throws IOException {
        assertThat(FUNCTION.text("filename")).isEqualTo("var.artifact_path");
        assertThat(FUNCTION.has("source_code_hash")).as("source_code_hash from the artifact").isTrue();

        String artifact = MODULE.variable("artifact_path").text("default");
        Path jar = MODULE.directory().resolve(artifact).normalize();
        assertThat(jar).isEqualTo(TerraformModule.projectRoot().resolve("bootstrap-lambda/target/lessonpack-lambda.jar"));
        String pom = Files.readString(TerraformModule.projectRoot().resolve("bootstrap-lambda/pom.xml"));
        assertThat(pom).as("bootstrap-lambda must build the jar the Terraform deploys")
                .contains("<finalName>lessonpack-lambda</finalName>");
    }

    @Test
    void reservedConcurrency_isAVariableLeftUnreservedByDefault() {
        assertThat(FUNCTION.text("reserved_concurrent_executions")).isEqualTo("var.reserved_concurrent_executions");
        assertThat(MODULE.variable("reserved_concurrent_executions").value("default")).isNull();
    }

    @Test
    void role_isTheModulesOwnRole_assumedByLambdaOnly() {
        Block role = MODULE.referenced(FUNCTION.value("role"), "aws_iam_role", "arn");
        Block trust = MODULE.referenced(role.value("assume_role_policy"), "data.aws_iam_policy_document", "json");
        Block statement = trust.block("statement");
        assertThat(statement.texts("actions")).containsExactly("sts:AssumeRole");
        Block principals = statement.block("principals");
        assertThat(principals.text("type")).isEqualTo("Service");
        assertThat(principals.texts("identifiers")).containsExactly("lambda.amazonaws.com");
    }

    static Reference reference(Block resource, String attribute) {
        return new Reference(resource.address() + "." + attribute);
    }
}

package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.bootstrap.lambda.LambdaConfiguration;
import io.lessonpack.infra.TerraformModule.Block;
import io.lessonpack.infra.TerraformModule.ForExpression;
import io.lessonpack.infra.TerraformModule.FunctionCall;
import io.lessonpack.infra.TerraformModule.Reference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The function's environment is exactly what {@link LambdaConfiguration} reads. */
class LambdaEnvironmentTerraformTest {

    /**
     * Required by the code but set by Lambda itself: a reserved key that Lambda refuses in a
     * function's configuration. The one exception between the code's list and the Terraform.
     */
    private static final Set<String> SET_BY_LAMBDA = Set.of(LambdaConfiguration.REGION);

    /** Lambda's reserved environment keys (Lambda developer guide, "Defined runtime environment variables"). */
    private static final Set<String> RESERVED_BY_LAMBDA = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final Block FUNCTION = MODULE.onlyResource("aws_lambda_function");
    private static final Environment ENVIRONMENT = Environment.of(FUNCTION);

    @Test
    void variableNames_equalWhatTheHandlerReads_exceptAwsRegionWhichLambdaSets() {
        Set<String> expected = new LinkedHashSet<>(LambdaConfiguration.REQUIRED);
        expected.addAll(LambdaConfiguration.OPTIONAL);
        expected.removeAll(SET_BY_LAMBDA);

        assertThat(ENVIRONMENT.names()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyVariableTheHandlerRequires_isSetUnconditionally() {
        for (String required : LambdaConfiguration.REQUIRED) {
            if (SET_BY_LAMBDA.contains(required)) {
                continue;
            }
            assertThat(ENVIRONMENT.always())
                    .as("the handler cannot start without %s, but %s does not always set it", required, FUNCTION)
                    .contains(required);
        }
        for (String optional : LambdaConfiguration.OPTIONAL) {
            assertThat(ENVIRONMENT.names()).as("the handler reads %s; %s never sets it", optional, FUNCTION)
                    .contains(optional);
        }
    }

    @Test
    void awsRegion_isRequiredByTheCode_butLeftToLambda_asAreTheEndpointOverrides() {
        assertThat(LambdaConfiguration.REQUIRED).as("the exception above is still needed").containsAll(SET_BY_LAMBDA);
        assertThat(RESERVED_BY_LAMBDA).containsAll(SET_BY_LAMBDA);
        assertThat(ENVIRONMENT.names()).doesNotContainAnyElementsOf(RESERVED_BY_LAMBDA);
        assertThat(ENVIRONMENT.names()).as("endpoint overrides are for local stand-ins")
                .doesNotContainAnyElementsOf(LambdaConfiguration.ENDPOINT_OVERRIDES);
    }

    @Test
    void openAiSettings_setOnlyWhenGiven_fromNullableVariables() {
        assertThat(ENVIRONMENT.whenSet()).containsExactlyInAnyOrder(LambdaConfiguration.OPENAI_MODEL,
                LambdaConfiguration.OPENAI_BASE_URL);
        assertThat(ENVIRONMENT.values().get(LambdaConfiguration.OPENAI_MODEL)).isEqualTo(new Reference("var.openai_model"));
        assertThat(ENVIRONMENT.values().get(LambdaConfiguration.OPENAI_BASE_URL))
                .isEqualTo(new Reference("var.openai_base_url"));
        assertThat(MODULE.variable("openai_model").value("default")).isNull();
        assertThat(MODULE.variable("openai_base_url").value("default")).isNull();
    }

    @Test
    void values_nameThisModulesResources_andTheOtherServicesTables() {
        Map<String, Object> values = ENVIRONMENT.values();

        assertThat(MODULE.referenced(values.get(LambdaConfiguration.STATE_TABLE), "aws_dynamodb_table", "name"))
                .isSameAs(MODULE.onlyResource("aws_dynamodb_table"));
        assertThat(MODULE.referenced(values.get(LambdaConfiguration.TOPIC_ARN), "aws_sns_topic", "arn"))
                .isSameAs(MODULE.onlyResource("aws_sns_topic"));
        assertThat(values.get(LambdaConfiguration.PACKAGES_TABLE)).isEqualTo(new Reference("var.packages_table_name"));
        assertThat(values.get(LambdaConfiguration.ANALYSIS_RESULTS_TABLE))
                .isEqualTo(new Reference("var.analysis_results_table_name"));
        assertThat(values.get(LambdaConfiguration.PROJECT_NAME)).isEqualTo(new Reference("var.project"));
        assertThat(values.get(LambdaConfiguration.ENVIRONMENT)).isEqualTo(new Reference("var.environment"));
    }

    /**
     * The environment block read from the Terraform: either an object, or {@code merge(...)} of
     * objects (always set) and {@code for} expressions over objects (set only when given, the idiom
     * {@code { for k, v in {...} : k => v if v != null }}).
     *
     * @param always  names set in every deployment
     * @param whenSet names set only when their value is given
     * @param values  every name with its value as written
     */
    record Environment(Set<String> always, Set<String> whenSet, Map<String, Object> values) {

        static Environment of(Block function) {
            Object variables = function.block("environment").value("variables");
            Set<String> always = new LinkedHashSet<>();
            Set<String> whenSet = new LinkedHashSet<>();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Object part : variables instanceof FunctionCall(String name, var arguments) && name.equals("merge")
                    ? arguments : List.of(variables)) {
                switch (part) {
                    case Map<?, ?> object -> object.forEach((k, v) -> {
                        always.add((String) k);
                        values.put((String) k, v);
                    });
                    case ForExpression(Map<?, ?> object) -> object.forEach((k, v) -> {
                        whenSet.add((String) k);
                        values.put((String) k, v);
                    });
                    default -> throw new AssertionError(function + ": cannot read the environment part "
                            + TerraformModule.describe(part) + "; write it as merge({...}, { for k, v in {...} : k => v"
                            + " if v != null })");
                }
            }
            return new Environment(Set.copyOf(always), Set.copyOf(whenSet), Collections.unmodifiableMap(values));
        }

        Set<String> names() {
            return values.keySet();
        }
    }
}

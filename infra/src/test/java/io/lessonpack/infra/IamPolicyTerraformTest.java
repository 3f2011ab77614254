package io.lessonpack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.AwsPermissions;
import io.lessonpack.adapter.aws.secretsmanager.SecretsManagerApiKeyAdapter;
import io.lessonpack.infra.TerraformModule.Block;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The function's policy grants what the code calls ({@link AwsPermissions}) and nothing else, each
 * action on the one resource that needs it.
 */
class IamPolicyTerraformTest {

    /** What Lambda itself does with the function's role besides the code's calls: write its logs. */
    private static final List<String> LOG_WRITES = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private static final TerraformModule MODULE = TerraformModule.packageGenerationService();
    private static final Block FUNCTION = MODULE.onlyResource("aws_lambda_function");
    private static final Block ROLE = MODULE.referenced(FUNCTION.value("role"), "aws_iam_role", "arn");
    private static final Block ROLE_POLICY = MODULE.onlyResource("aws_iam_role_policy");
    private static final Block POLICY = MODULE.referenced(ROLE_POLICY.value("policy"), "data.aws_iam_policy_document", "json");
    private static final List<Block> STATEMENTS = POLICY.blocks("statement");

    @Test
    void theRolesOnlyPolicy_isTheInlineLeastPrivilegeDocument() {
        assertThat(MODULE.referenced(ROLE_POLICY.value("role"), "aws_iam_role", "id")).isSameAs(ROLE);
        assertThat(MODULE.resources("aws_iam_role_policy_attachment"))
                .as("no managed policy: AWSLambdaBasicExecutionRole alone grants logs:CreateLogGroup on every group")
                .isEmpty();
        assertThat(ROLE.has("managed_policy_arns")).isFalse();
        assertThat(STATEMENTS).isNotEmpty();
        assertThat(STATEMENTS).allSatisfy(s -> assertThat(!s.has("effect") || s.text("effect").equals("Allow"))
                .as("%s is an Allow statement", s).isTrue());
    }

    @Test
    void everyAction_isOneTheCodeCallsOrALogWrite_andNoneIsAWildcard() {
        Set<String> allowed = allowList();

        for (Block statement : STATEMENTS) {
            assertThat(statement.has("not_actions")).as("%s uses not_actions", statement).isFalse();
            assertThat(statement.texts("actions")).as("actions of %s", describe(statement))
                    .isNotEmpty()
                    .allSatisfy(action -> assertThat(action).doesNotContain("*"))
                    .isSubsetOf(allowed);
        }
    }

    @Test
    void everyActionTheCodeCalls_isGranted() {
        Set<String> granted = new LinkedHashSet<>();
        STATEMENTS.forEach(s -> granted.addAll(s.texts("actions")));

        assertThat(granted).containsAll(allowList());
    }

    @Test
    void noResourceIsAWildcard_exceptTheLogStreamsOfTheFunctionsOwnGroup() {
        Block logGroup = MODULE.referenced(FUNCTION.block("logging_config").value("log_group"), "aws_cloudwatch_log_group",
                "name");
        // PutLogEvents acts on log streams, which Lambda creates with names no policy can know in
        // advance: "<group arn>:*" is the narrowest resource AWS accepts, and only for this group.
        String ownLogStreams = logGroup.address() + ".arn:*";

        for (Block statement : STATEMENTS) {
            assertThat(statement.has("not_resources")).as("%s uses not_resources", statement).isFalse();
            assertThat(statement.texts("resources")).as("resources of %s", describe(statement))
                    .isNotEmpty()
                    .allSatisfy(resource -> {
                        assertThat(resource).isNotEqualTo("*");
                        if (resource.contains("*")) {
                            assertThat(resource).isEqualTo(ownLogStreams);
                        }
                    });
        }
    }

    @Test
    void logWrites_onlyOnTheFunctionsOwnLogGroup() {
        Block logGroup = MODULE.referenced(FUNCTION.block("logging_config").value("log_group"), "aws_cloudwatch_log_group",
                "name");

        assertThat(resourcesGranted("logs:PutLogEvents")).containsExactly(logGroup.address() + ".arn:*");
        assertThat(resourcesGranted("logs:CreateLogStream")).containsExactly(logGroup.address() + ".arn:*");
    }

    @Test
    void queueActions_onlyOnTheQueueTheMappingReads() {
        String queue = TerraformModule.text(MODULE.onlyResource("aws_lambda_event_source_mapping").value("event_source_arn"));

        for (String action : AwsPermissions.SQS_EVENT_SOURCE) {
            assertThat(resourcesGranted(action)).as(action).containsExactly(queue);
        }
    }

    @Test
    void publish_onlyOnThePackageGeneratedTopic() {
        Block topic = MODULE.onlyResource("aws_sns_topic");

        for (String action : AwsPermissions.SNS) {
            assertThat(resourcesGranted(action)).as(action).containsExactly(topic.address() + ".arn");
        }
    }

    @Test
    void secret_onlyTheOpenAiKeyTheCodeReads_withSecretsManagersSixCharacterSuffix() {
        // Secrets Manager names a secret's ARN <name>-<6 random characters>; each `?` matches one.
        String secretName = SecretsManagerApiKeyAdapter.secretIdFor("PROJECT", "ENVIRONMENT")
                .replace("PROJECT", "var.project").replace("ENVIRONMENT", "var.environment");

        for (String action : AwsPermissions.SECRETS_MANAGER) {
            assertThat(resourcesGranted(action)).as(action).singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith("arn:")
                    .contains(":secretsmanager:")
                    .endsWith(":secret:" + secretName + "-??????");
        }
    }

    @Test
    void dynamoDb_stateTableForItsItems_indexesOnlyQueried_analysisResultsOnlyRead() {
        Block stateTable = MODULE.onlyResource("aws_dynamodb_table");
        String stateArn = stateTable.address() + ".arn";
        String packagesArn = TerraformModule.text(MODULE.local("packages_table_arn"));
        String analysisArn = TerraformModule.text(MODULE.local("analysis_results_table_arn"));

        for (Block statement : STATEMENTS) {
            List<String> resources = statement.texts("resources");
            List<String> actions = statement.texts("actions");
            if (resources.stream().anyMatch(r -> r.contains("/index/"))) {
                assertThat(actions).as("an index serves Query only: %s", describe(statement)).containsExactly("dynamodb:Query");
            }
            if (resources.contains(analysisArn)) {
                assertThat(actions).as("the analysis service's table is read only: %s", describe(statement))
                        .containsExactly("dynamodb:Query");
            }
            if (resources.contains(packagesArn)) {
                assertThat(actions).as("the shared packages table: %s", describe(statement))
                        .doesNotContain("dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan");
            }
        }
        assertThat(resourcesGranted("dynamodb:Query")).contains(stateArn + "/index/DueIndex",
                packagesArn + "/index/UserLanguageIndex", analysisArn);
        assertThat(resourcesGranted("dynamodb:UpdateItem")).containsExactlyInAnyOrder(stateArn, packagesArn);
        assertThat(resourcesGranted("dynamodb:PutItem")).containsExactly(stateArn);
        assertThat(packagesArn).endsWith(":table/var.packages_table_name");
        assertThat(analysisArn).endsWith(":table/var.analysis_results_table_name");
    }

    private static Set<String> allowList() {
        Set<String> allowed = new LinkedHashSet<>();
        Stream.of(AwsPermissions.DYNAMODB, AwsPermissions.SNS, AwsPermissions.SECRETS_MANAGER,
                AwsPermissions.SQS_EVENT_SOURCE, LOG_WRITES).forEach(allowed::addAll);
        return allowed;
    }

    private static List<String> resourcesGranted(String action) {
        List<String> resources = new ArrayList<>();
        STATEMENTS.stream().filter(s -> s.texts("actions").contains(action)).forEach(s -> resources.addAll(s.texts("resources")));
        return resources;
    }

    private static String describe(Block statement) {
        return statement.has("sid") ? statement.text("sid") + " (" + statement + ")" : statement.toString();
    }
}

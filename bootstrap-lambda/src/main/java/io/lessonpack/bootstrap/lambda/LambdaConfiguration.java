package io.lessonpack.bootstrap.lambda;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The function's configuration, read and validated once at initialisation from the variables listed
 * in docs/contracts.md, "Environment variables". Every problem is reported at once, each naming its
 * variable.
 *
 * @param topic the SNS topic's ARN; null when {@value #TOPIC_ARN} is unset: no event is sent
 *              ({@link #topicArn()} reads it as an {@code Optional})
 */
public record LambdaConfiguration(
        String stateTable,
        String packagesTable,
        String analysisResultsTable,
        String topic,
        String projectName,
        String environment,
        Region region) {

    public static final String STATE_TABLE = "GENERATION_STATE_TABLE";
    public static final String PACKAGES_TABLE = "CONVERSATION_PACKAGES_TABLE";
    public static final String ANALYSIS_RESULTS_TABLE = "ANALYSIS_RESULTS_TABLE";
    public static final String TOPIC_ARN = "PACKAGE_GENERATED_TOPIC_ARN";
    public static final String PROJECT_NAME = "PROJECT_NAME";
    public static final String ENVIRONMENT = "ENVIRONMENT";
    public static final String REGION = "AWS_REGION";
    public static final String OPENAI_MODEL = "OPENAI_MODEL";
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";

    /** Variables the function cannot start without. */
    public static final List<String> REQUIRED = List.of(STATE_TABLE, PACKAGES_TABLE, ANALYSIS_RESULTS_TABLE,
            PROJECT_NAME, ENVIRONMENT, REGION);

    /** Variables the function reads when they are set. */
    public static final List<String> OPTIONAL = List.of(TOPIC_ARN, OPENAI_MODEL, OPENAI_BASE_URL);

    /**
     * The SDK's standard endpoint variables, honoured so the same artifact runs against local
     * stand-ins. Lambda never sets them; operators may.
     */
    public static final List<String> ENDPOINT_OVERRIDES = List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_SQS");

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    public LambdaConfiguration {
        Objects.requireNonNull(region, "region");
    }

    /** The SNS topic's ARN; empty when {@value #TOPIC_ARN} is unset and no event is sent. */
    public Optional<String> topicArn() {
        return Optional.ofNullable(topic);
    }

    /** Reads and validates the configuration; throws one exception listing every problem. */
    public static LambdaConfiguration from(Environment env) {
        List<String> problems = new ArrayList<>();
        String state = checked(env, STATE_TABLE, TABLE_NAME, "a DynamoDB table name", problems);
        String packages = checked(env, PACKAGES_TABLE, TABLE_NAME, "a DynamoDB table name", problems);
        String analyses = checked(env, ANALYSIS_RESULTS_TABLE, TABLE_NAME, "a DynamoDB table name", problems);
        String project = checked(env, PROJECT_NAME, NAME_PART, "letters, digits, '-' or '_'", problems);
        String environment = checked(env, ENVIRONMENT, NAME_PART, "letters, digits, '-' or '_'", problems);
        String region = checked(env, REGION, Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d"), "an AWS region such as eu-west-1",
                problems);
        String topic = env.value(TOPIC_ARN);
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            problems.add(TOPIC_ARN + " must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>) or unset");
        }
        for (String variable : ENDPOINT_OVERRIDES) {
            String url = env.value(variable);
            if (url != null && !isHttpUrl(url)) {
                problems.add(variable + " must be an http(s) URL");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("lessonpack cannot start: " + String.join("; ", problems));
        }
        return new LambdaConfiguration(state, packages, analyses, topic, project, environment,
                Region.of(region));
    }

    private static String checked(Environment env, String name, Pattern pattern, String expected, List<String> problems) {
        String value = env.value(name);
        if (value == null) {
            problems.add(name + " is not set (" + expected + ")");
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(name + " must be " + expected);
            return null;
        }
        return value;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The endpoint to use for a service: its own variable, else {@code AWS_ENDPOINT_URL}, else the SDK's. */
    static Optional<URI> endpointFor(Environment env, String serviceVariable) {
        String url = env.value(serviceVariable);
        if (url == null) {
            url = env.value("AWS_ENDPOINT_URL");
        }
        return Optional.ofNullable(url).map(URI::create);
    }
}

package io.lessonpack.adapter.aws.dynamodb;

/**
 * The names of the three DynamoDB tables the adapters use, as the bootstrap reads them from
 * {@code GENERATION_STATE_TABLE}, {@code CONVERSATION_PACKAGES_TABLE} and {@code ANALYSIS_RESULTS_TABLE}.
 *
 * <pre>{@code
 * DynamoDbTables tables = new DynamoDbTables("lessonpack-state", "conversation-packages", "analysis-results");
 * }</pre>
 *
 * @param stateTable           lesson days, claims, per-language state, curriculum words, session
 *                             markers and run records ({@code PK}, {@code SK})
 * @param packagesTable        the learners' packages, shared with the conversation-package service
 *                             ({@code id}; index {@code UserLanguageIndex})
 * @param analysisResultsTable the analysis service's results ({@code userId}, {@code createdAt}); read only
 */
public record DynamoDbTables(String stateTable, String packagesTable, String analysisResultsTable) {

    public DynamoDbTables {
        requireName(stateTable, "stateTable (GENERATION_STATE_TABLE)");
        requireName(packagesTable, "packagesTable (CONVERSATION_PACKAGES_TABLE)");
        requireName(analysisResultsTable, "analysisResultsTable (ANALYSIS_RESULTS_TABLE)");
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the DynamoDB table name for " + what + " is missing or blank");
        }
    }
}

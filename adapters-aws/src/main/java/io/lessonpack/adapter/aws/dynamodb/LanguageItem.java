package io.lessonpack.adapter.aws.dynamodb;

/**
 * The attributes of the {@code USER#<userId>} / {@code LANGUAGE#<code>} item, what the service
 * remembers per (learner, language):
 * <pre>
 * language S (the tag last used) · lastProcessedAt S (fixed-width ISO-8601, see Instants#sortable)
 * handledAnalyses M (analysis-results sort key → S, the time it counts from, fixed-width ISO-8601)
 * analysisVersion N (incremented by every write of the two above; a write expects the one read)
 * packageId S · packageVersion N · updatedAt S
 * </pre>
 */
final class LanguageItem {

    static final String LANGUAGE = "language";
    static final String LAST_PROCESSED_AT = "lastProcessedAt";
    static final String HANDLED_ANALYSES = "handledAnalyses";
    static final String ANALYSIS_VERSION = "analysisVersion";
    static final String PACKAGE_ID = "packageId";
    static final String PACKAGE_VERSION = "packageVersion";
    static final String UPDATED_AT = "updatedAt";

    private LanguageItem() {
    }
}

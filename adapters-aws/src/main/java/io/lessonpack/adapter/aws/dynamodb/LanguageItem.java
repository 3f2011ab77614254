package io.lessonpack.adapter.aws.dynamodb;

/**
 * The attributes of the {@code USER#<userId>} / {@code LANGUAGE#<code>} item, what the service
 * remembers per (learner, language):
 * <pre>
 * language S (the tag last used) · lastProcessedAt S (fixed-width ISO-8601, see Instants#sortable)
 * packageId S · packageVersion N · updatedAt S
 * </pre>
 */
final class LanguageItem {

    static final String LANGUAGE = "language";
    static final String LAST_PROCESSED_AT = "lastProcessedAt";
    static final String PACKAGE_ID = "packageId";
    static final String PACKAGE_VERSION = "packageVersion";
    static final String UPDATED_AT = "updatedAt";

    private LanguageItem() {
    }
}

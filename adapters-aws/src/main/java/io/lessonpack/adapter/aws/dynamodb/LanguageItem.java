package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.Attributes.n;
import static io.lessonpack.adapter.aws.dynamodb.Attributes.s;

import io.lessonpack.application.port.out.AnalysisProgress;
import io.lessonpack.domain.memory.FsrsParameters;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of the {@code USER#<userId>} / {@code LANGUAGE#<code>} item, what the service
 * remembers per (learner, language):
 * <pre>
 * language S (the tag last used) · lastProcessedAt S (fixed-width ISO-8601, see Instants#sortable)
 * handledAnalyses M (analysis-results sort key → S, the time it counts from, fixed-width ISO-8601)
 * analysisVersion N (incremented by every write of the two above; a write expects the one read)
 * packageId S · packageVersion N · updatedAt S
 * fsrsWeights L of N (21, the learner's fitted memory-model weights; absent: the defaults)
 * fittedOn S (YYYY-MM-DD, the last fit) · scoredAtFit N (the scored reviews it saw)
 * outcomesSinceFit N (added to by every lesson's commit)
 * fitVersion N (incremented by every fit; a fit's write expects the one read)
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
    static final String FSRS_WEIGHTS = "fsrsWeights";
    static final String FITTED_ON = "fittedOn";
    static final String OUTCOMES_SINCE_FIT = "outcomesSinceFit";
    static final String SCORED_AT_FIT = "scoredAtFit";
    static final String FIT_VERSION = "fitVersion";

    private LanguageItem() {
    }

    /** The analysis progress as attributes: the watermark, the keys handled within the look-back, the next version. */
    static Map<String, AttributeValue> progressValues(AnalysisProgress progress, long expectedVersion) {
        Map<String, AttributeValue> handled = new HashMap<>();
        progress.handled().forEach((key, at) -> handled.put(key, s(Instants.sortable(at))));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(LAST_PROCESSED_AT, s(Instants.sortable(progress.lastProcessedAt())));
        values.put(HANDLED_ANALYSES, AttributeValue.fromM(handled));
        values.put(ANALYSIS_VERSION, n(expectedVersion + 1));
        return values;
    }

    /** A fit as attributes: the weights (when not the defaults), its day, the count reset, the next version. */
    static Map<String, AttributeValue> fitValues(FsrsParameters parameters, LocalDate fittedOn, long scoredReviews,
            long expectedVersion) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (parameters != null) {
            values.put(FSRS_WEIGHTS, AttributeValue.fromL(Arrays.stream(parameters.toArray())
                    .mapToObj(w -> AttributeValue.fromN(Double.toString(w))).toList()));
        }
        values.put(FITTED_ON, s(fittedOn.toString()));
        values.put(SCORED_AT_FIT, n(scoredReviews));
        values.put(OUTCOMES_SINCE_FIT, n(0));
        values.put(FIT_VERSION, n(expectedVersion + 1));
        return values;
    }

    /**
     * The condition that the progress read is still the stored one, with {@code #analysisVersion}
     * and {@code :expectedAnalysisVersion} bound by the caller: an item from before versions counts
     * as version 0.
     */
    static String progressCondition(long expectedVersion) {
        return expectedVersion == 0
                ? "attribute_not_exists(#analysisVersion) OR #analysisVersion = :expectedAnalysisVersion"
                : "#analysisVersion = :expectedAnalysisVersion";
    }
}

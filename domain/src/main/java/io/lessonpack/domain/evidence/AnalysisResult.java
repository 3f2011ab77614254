package io.lessonpack.domain.evidence;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis service found in one voice session: the targets the learner hit and missed,
 * the words they used and free-text feedback. Written by another service; lessonpack only reads it.
 *
 * <p>Everything but the ids and {@code createdAt} is learner text: it may go to the lesson author as
 * data, never into logs or exception messages.
 */
public final class AnalysisResult {

    private final UserId userId;
    private final String analysisId;
    private final String sessionId;
    private final Instant createdAt;
    private final Language targetLanguage;
    private final List<String> targetsHit;
    private final List<String> targetsMissed;
    private final List<String> wordsUsed;
    private final String feedback;

    private AnalysisResult(Builder b) {
        this.userId = Objects.requireNonNull(b.userId, "userId");
        this.analysisId = b.analysisId == null ? "" : b.analysisId;
        this.sessionId = b.sessionId == null ? "" : b.sessionId;
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.targetLanguage = b.targetLanguage;
        this.targetsHit = List.copyOf(b.targetsHit);
        this.targetsMissed = List.copyOf(b.targetsMissed);
        this.wordsUsed = List.copyOf(b.wordsUsed);
        this.feedback = b.feedback == null ? "" : b.feedback;
    }

    /** Starts a result for a learner at the instant the analysis service stored it. */
    public static Builder builder(UserId userId, Instant createdAt) {
        return new Builder(userId, createdAt);
    }

    public UserId userId() {
        return userId;
    }

    /** The analysis service's id for this result; empty when it did not write one. */
    public String analysisId() {
        return analysisId;
    }

    /** The voice session this result analysed; empty when unknown. */
    public String sessionId() {
        return sessionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The language the session was in, when the analysis names one. */
    public Optional<Language> targetLanguage() {
        return Optional.ofNullable(targetLanguage);
    }

    public List<String> targetsHit() {
        return targetsHit;
    }

    public List<String> targetsMissed() {
        return targetsMissed;
    }

    public List<String> wordsUsed() {
        return wordsUsed;
    }

    public String feedback() {
        return feedback;
    }

    /**
     * Whether this result may feed a lesson in {@code language} (docs/domain.md, "Which analysis
     * results a lesson uses"): a result that names a language is used only for that language
     * (regional variants share words); one that names none is used for whichever language is being
     * generated.
     */
    public boolean appliesTo(Language language) {
        return targetLanguage == null || targetLanguage.code().equals(language.code());
    }

    /** Builder, because most fields are optional in the table and missing lists mean empty. */
    public static final class Builder {
        private final UserId userId;
        private final Instant createdAt;
        private String analysisId;
        private String sessionId;
        private Language targetLanguage;
        private List<String> targetsHit = List.of();
        private List<String> targetsMissed = List.of();
        private List<String> wordsUsed = List.of();
        private String feedback;

        private Builder(UserId userId, Instant createdAt) {
            this.userId = userId;
            this.createdAt = createdAt;
        }

        public Builder analysisId(String value) {
            this.analysisId = value;
            return this;
        }

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder targetLanguage(Language value) {
            this.targetLanguage = value;
            return this;
        }

        public Builder targetsHit(List<String> value) {
            this.targetsHit = clean(value);
            return this;
        }

        public Builder targetsMissed(List<String> value) {
            this.targetsMissed = clean(value);
            return this;
        }

        public Builder wordsUsed(List<String> value) {
            this.wordsUsed = clean(value);
            return this;
        }

        public Builder feedback(String value) {
            this.feedback = value;
            return this;
        }

        public AnalysisResult build() {
            return new AnalysisResult(this);
        }

        private static List<String> clean(List<String> values) {
            if (values == null) {
                return List.of();
            }
            return values.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
        }
    }
}

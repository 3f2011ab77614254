package io.lessonpack.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.PackageLimits;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceLimitsTest {

    @Test
    void from_wordsLongerThanAnyCurriculumWord_areIgnored() {
        String tooLong = "a".repeat(PackageLimits.WORD + 1);
        AnalysisResult result = AnalysisResult.builder(UserId.of("u"), Instant.parse("2026-03-02T10:00:00Z"))
                .targetsMissed(List.of(tooLong, "gato")).targetsHit(List.of(tooLong)).wordsUsed(List.of(tooLong, "perro"))
                .build();

        Evidence evidence = Evidence.from(Language.of("es"), List.of(result));

        assertThat(evidence.outcomes()).extracting(WordOutcome::text).containsExactly("gato");
        assertThat(evidence.wordsUsed()).containsExactly("perro");
    }
}

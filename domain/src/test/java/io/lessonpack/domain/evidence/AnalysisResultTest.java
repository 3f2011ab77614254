package io.lessonpack.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisResultTest {

    private static final UserId USER = UserId.of("user-1");
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void build_onlyRequiredFields_givesEmptyDefaults() {
        AnalysisResult result = AnalysisResult.builder(USER, AT).build();

        assertThat(result.userId()).isEqualTo(USER);
        assertThat(result.createdAt()).isEqualTo(AT);
        assertThat(result.analysisId()).isEmpty();
        assertThat(result.sessionId()).isEmpty();
        assertThat(result.targetLanguage()).isEmpty();
        assertThat(result.targetsHit()).isEmpty();
        assertThat(result.targetsMissed()).isEmpty();
        assertThat(result.wordsUsed()).isEmpty();
        assertThat(result.feedback()).isEmpty();
    }

    @Test
    void build_nullLists_meanEmpty() {
        AnalysisResult result = AnalysisResult.builder(USER, AT)
                .targetsHit(null).targetsMissed(null).wordsUsed(null).feedback(null).build();

        assertThat(result.targetsHit()).isEmpty();
        assertThat(result.targetsMissed()).isEmpty();
        assertThat(result.wordsUsed()).isEmpty();
        assertThat(result.feedback()).isEmpty();
    }

    @Test
    void build_listsWithNullsAndBlanks_dropThem() {
        AnalysisResult result = AnalysisResult.builder(USER, AT)
                .targetsHit(Arrays.asList("uno", null, " ", "dos"))
                .targetsMissed(Arrays.asList(null, "", "tres"))
                .wordsUsed(Arrays.asList("\t", "cuatro"))
                .build();

        assertThat(result.targetsHit()).containsExactly("uno", "dos");
        assertThat(result.targetsMissed()).containsExactly("tres");
        assertThat(result.wordsUsed()).containsExactly("cuatro");
    }

    @Test
    void build_copiesLists() {
        List<String> hits = new ArrayList<>(List.of("uno"));
        AnalysisResult result = AnalysisResult.builder(USER, AT).targetsHit(hits).build();
        hits.add("dos");

        assertThat(result.targetsHit()).containsExactly("uno");
    }

    @Test
    void build_missingUserOrCreatedAt_isRefused() {
        assertThatThrownBy(() -> AnalysisResult.builder(null, AT).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AnalysisResult.builder(USER, null).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void appliesTo_resultWithoutLanguage_appliesToEveryLanguage() {
        AnalysisResult result = AnalysisResult.builder(USER, AT).build();

        assertThat(result.appliesTo(Language.of("es"))).isTrue();
        assertThat(result.appliesTo(Language.of("ja"))).isTrue();
    }

    @Test
    void appliesTo_resultWithLanguage_appliesToThatLanguageAndItsRegionalVariantsOnly() {
        AnalysisResult result = AnalysisResult.builder(USER, AT).targetLanguage(Language.of("pt-BR")).build();

        assertThat(result.appliesTo(Language.of("pt"))).isTrue();
        assertThat(result.appliesTo(Language.of("pt-PT"))).isTrue();
        assertThat(result.appliesTo(Language.of("es"))).isFalse();
    }
}

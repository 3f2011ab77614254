package io.lessonpack.adapter.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.out.AuthoredDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecsTest {

    @Test
    void draftJson_roundTrip_keepsEveryFieldOfBothConversationKindsAndTheUsage() {
        AuthoredDraft draft = TestData.draft("uno");

        String json = DraftJson.toJson(draft);

        assertThat(DraftJson.fromJson(json)).isEqualTo(draft);
        assertThat(json).contains("\"format\":\"draft.v1\"").contains("\"kind\":\"review\"")
                .contains("\"kind\":\"new_lesson\"").contains("\"openingWord\":\"gato\"");
    }

    @Test
    void draftJson_draftThatBreaksRules_isStoredAsWritten() {
        AuthoredDraft broken = new AuthoredDraft(new io.lessonpack.domain.lesson.PackageDraft("", java.util.List.of(),
                null), "scripted", io.lessonpack.application.port.out.AuthorUsage.none());

        assertThat(DraftJson.fromJson(DraftJson.toJson(broken))).isEqualTo(broken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"format\":\"draft.v2\"}", "{\"format\":\"draft.v1\",\"author\":\"a\"}",
        "{\"format\":\"draft.v1\",\"author\":\"a\",\"usage\":{\"calls\":1},\"conversations\":[{\"kind\":\"quiz\"}]}"})
    void draftJson_unknownFormatOrKind_isRefused(String json) {
        assertThatThrownBy(() -> DraftJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }
}

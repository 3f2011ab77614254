package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.LearnerOverview.RecallCurve;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecallChartTest {

    @Test
    void aLinePerRecalledWord_namedInTheLegend_escaped() {
        String svg = RecallChart.svg(List.of(new RecallCurve("<b>gato</b>", List.of(1.0, 0.9, 0.8)),
                new RecallCurve("perro", List.of(1.0, 0.5, 0.25))));

        assertThat(svg).contains("<svg class=\"recall-chart\"").doesNotContain("<b>");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("&lt;b&gt;gato&lt;/b&gt;").contains("perro").doesNotContain("not-recalled");
        assertThat(svg).contains("points=\"40.0,10.0 315.0,85.0 590.0,122.5\"");
    }

    @Test
    void aWordNotRecalledYet_hasNoLine_andIsNamedAsSuch() {
        String svg = RecallChart.svg(List.of(new RecallCurve("gato", List.of(1.0, 0.9)),
                new RecallCurve("adiós", List.of())));

        assertThat(svg.split("<polyline", -1)).hasSize(2);
        assertThat(svg).contains("class=\"muted not-recalled\"").contains("<q>adiós</q>");
    }

    @Test
    void noRecalledWord_noChart_onlyTheNote_andNoReviewWords_saySo() {
        assertThat(RecallChart.svg(List.of(new RecallCurve("adiós", List.of())))).doesNotContain("<svg")
                .contains("<q>adiós</q>");
        assertThat(RecallChart.svg(List.of())).isEqualTo("<p class=\"muted\">No review words to forecast.</p>");
    }
}

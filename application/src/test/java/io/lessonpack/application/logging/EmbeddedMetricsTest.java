package io.lessonpack.application.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.logging.EmbeddedMetrics.DimensionSet;
import io.lessonpack.application.logging.EmbeddedMetrics.Unit;
import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.EmfDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private static final Instant AT = Instant.parse("2025-03-03T09:00:01.234Z");

    @Test
    void toJson_withMetrics_endsWithTheAwsMemberThatNamesTheLinesFields() {
        String json = LogEvent.of("generation.outcome").with("sessionId", "s-1").with("outcome", "failed")
                .with("reason", FailureReason.AUTHOR_UNAVAILABLE)
                .metrics(EmbeddedMetrics.at(AT, "lessonpack").count("failures", 1, DimensionSet.TOTAL,
                        DimensionSet.of("reason")))
                .toJson();

        assertThat(json).isEqualTo("{\"event\":\"generation.outcome\",\"sessionId\":\"s-1\",\"outcome\":\"failed\","
                + "\"reason\":\"AUTHOR_UNAVAILABLE\",\"failures\":1,\"_aws\":{\"Timestamp\":1740992401234,"
                + "\"CloudWatchMetrics\":[{\"Namespace\":\"lessonpack\",\"Dimensions\":[[],[\"reason\"]],"
                + "\"Metrics\":[{\"Name\":\"failures\",\"Unit\":\"Count\"}]}]}}");
        EmfDocument emf = EmfDocument.parse(json);
        assertThat(emf.timestamp()).isEqualTo(AT.toEpochMilli());
        assertThat(emf.namespaces()).containsExactly("lessonpack");
        assertThat(emf.value("failures")).isEqualTo(1);
    }

    @Test
    void toJson_metricsWithTheSameDimensionSets_shareOneDirective_othersGetTheirOwn() {
        String json = LogEvent.of("e").with("outcome", "created")
                .metrics(EmbeddedMetrics.at(AT, "ns")
                        .count("lessons", 1, DimensionSet.TOTAL, DimensionSet.of("outcome"))
                        .milliseconds("durationMs", 20_345, DimensionSet.of("outcome"))
                        .count("promptTokens", 2_400, DimensionSet.TOTAL)
                        .metric("estimatedCostUsd", Unit.NONE, 0.0123, DimensionSet.TOTAL))
                .toJson();

        EmfDocument emf = EmfDocument.parse(json);
        assertThat(emf.root().get("_aws").get("CloudWatchMetrics")).hasSize(3);
        assertThat(emf.units()).containsExactly(java.util.Map.entry("lessons", "Count"),
                java.util.Map.entry("durationMs", "Milliseconds"), java.util.Map.entry("promptTokens", "Count"),
                java.util.Map.entry("estimatedCostUsd", "None"));
        assertThat(emf.dimensionSets("lessons")).containsExactly(List.of(), List.of("outcome"));
        assertThat(emf.dimensionSets("durationMs")).containsExactly(List.of("outcome"));
        assertThat(emf.dimensionSets("estimatedCostUsd")).containsExactly(List.of());
        assertThat(emf.value("durationMs")).isEqualTo(20_345);
        assertThat(emf.value("estimatedCostUsd")).isEqualTo(0.0123);
    }

    @Test
    void metrics_aFieldOfTheSameName_keepsItsPlaceAndTakesTheMetricsValue() {
        String json = LogEvent.of("e").with("latencyMs", 812L).with("outcome", "ok")
                .metrics(EmbeddedMetrics.at(AT, "ns").milliseconds("latencyMs", 812L, DimensionSet.of("outcome")))
                .toJson();

        assertThat(json).startsWith("{\"event\":\"e\",\"latencyMs\":812,\"outcome\":\"ok\",\"_aws\":");
        assertThat(EmfDocument.read(json).findValues("latencyMs")).hasSize(1);
    }

    @Test
    void toJson_aDimensionTheLineLacksOrHoldsAsANumber_isLeftOut_soCloudWatchNeverRefusesTheLine() {
        String json = LogEvent.of("e").with("attempt", 2)
                .metrics(EmbeddedMetrics.at(AT, "ns")
                        .count("a", 1, DimensionSet.TOTAL, DimensionSet.of("missing"), DimensionSet.of("attempt"))
                        .count("b", 1, DimensionSet.of("missing")))
                .toJson();

        EmfDocument emf = EmfDocument.parse(json);
        assertThat(emf.units()).containsOnlyKeys("a");
        assertThat(emf.dimensionSets("a")).containsExactly(List.of());
    }

    @Test
    void toJson_noUsableDimensionSetAtAll_writesNoAwsMember() {
        String json = LogEvent.of("e").metrics(EmbeddedMetrics.at(AT, "ns").count("b", 1, DimensionSet.of("missing")))
                .toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"b\":1}");
    }

    @Test
    void metric_notAFiniteNumber_isLeftOut() {
        String json = LogEvent.of("e").metrics(EmbeddedMetrics.at(AT, "ns")
                .metric("nan", Unit.NONE, Double.NaN, DimensionSet.TOTAL)
                .metric("inf", Unit.NONE, Double.POSITIVE_INFINITY, DimensionSet.TOTAL)
                .count("ok", 1, DimensionSet.TOTAL)).toJson();

        assertThat(EmfDocument.parse(json).units()).containsOnlyKeys("ok");
        assertThat(json).doesNotContain("nan", "inf");
    }

    @Test
    void toJson_aMetricAddedAfterAttaching_isNotNamed_forTheLineHasNoSuchField() {
        EmbeddedMetrics metrics = EmbeddedMetrics.at(AT, "ns").count("early", 1, DimensionSet.TOTAL);
        LogEvent line = LogEvent.of("e").metrics(metrics);
        metrics.count("late", 1, DimensionSet.TOTAL);

        EmfDocument emf = EmfDocument.parse(line.toJson());

        assertThat(emf.units()).containsOnlyKeys("early");
    }

    @Test
    void metric_withoutADimensionSet_isRefused() {
        assertThatThrownBy(() -> EmbeddedMetrics.at(AT, "ns").count("a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOTAL");
    }

    @Test
    void blankNamespace_switchesTheMetricsOff_theLineIsAsWithout() {
        LogEvent without = LogEvent.of("e").with("outcome", "ok");
        LogEvent off = LogEvent.of("e").with("outcome", "ok")
                .metrics(EmbeddedMetrics.at(AT, " ").count("a", 1, DimensionSet.TOTAL));

        assertThat(off.toJson()).isEqualTo(without.toJson());
    }

    @Test
    void at_namespaceProperty_overridesTheDefault_andBlankSwitchesOff() {
        String before = System.getProperty(EmbeddedMetrics.NAMESPACE_PROPERTY);
        try {
            System.clearProperty(EmbeddedMetrics.NAMESPACE_PROPERTY);
            assertThat(EmbeddedMetrics.at(AT).namespace()).isEqualTo(EmbeddedMetrics.DEFAULT_NAMESPACE)
                    .isEqualTo("lessonpack");
            System.setProperty(EmbeddedMetrics.NAMESPACE_PROPERTY, "lessonpack/staging");
            assertThat(EmbeddedMetrics.at(AT).namespace()).isEqualTo("lessonpack/staging");
            System.setProperty(EmbeddedMetrics.NAMESPACE_PROPERTY, "");
            assertThat(EmbeddedMetrics.at(AT).count("a", 1, DimensionSet.TOTAL).isEmpty()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedMetrics.NAMESPACE_PROPERTY);
            } else {
                System.setProperty(EmbeddedMetrics.NAMESPACE_PROPERTY, before);
            }
        }
    }

    @Test
    void info_lineWithMetrics_isOneJsonLine_withTheLevelBeforeTheAwsMember() {
        System.Logger logger = System.getLogger("io.lessonpack.application.logging.EmbeddedMetricsTest");
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack.application.logging.EmbeddedMetricsTest")) {
            LogEvent.of("author.call").with("outcome", "rate_limited").with("latencyMs", 95L)
                    .metrics(EmbeddedMetrics.at(AT, "lessonpack").milliseconds("latencyMs", 95L, DimensionSet.of("outcome")))
                    .warn(logger);

            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line).contains("\"level\":\"WARNING\",\"_aws\":{");
                assertThat(EmfDocument.parse(line).dimensionSets("latencyMs")).containsExactly(List.of("outcome"));
            });
        }
    }

    @Test
    void namespaceAndNames_areEscapedAsJsonStrings() {
        String json = LogEvent.of("e").with("we\"ird", "x")
                .metrics(EmbeddedMetrics.at(AT, "a\"b").count("c\\d", 1, DimensionSet.of("we\"ird"))).toJson();

        EmfDocument emf = EmfDocument.parse(json);
        assertThat(emf.namespaces()).containsExactly("a\"b");
        assertThat(emf.dimensionSets("c\\d")).containsExactly(List.of("we\"ird"));
    }
}

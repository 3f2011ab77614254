package io.lessonpack.bootstrap.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's own rows at a tenth of production's times, through the real handler on DynamoDB Local
 * and the real OpenAI adapter against the slow stand-in: every learner of a batch gets their lesson
 * within the invocation, no model request is cut, and none starts with less than the minimum left.
 * The full-scale run is {@code ./lessonpack bench}.
 */
class QuickBenchTest {

    @Test
    void quickRows_everyLearnerGetsTheirLessonInOneInvocation_andTheStartRuleHolds() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchResults results = BenchCommand.run(new BenchCommand.Options(false, BenchScale.QUICK, List.of(), false),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(BenchCommand.shortfalls(results)).as(results.table()).isEmpty();
        assertThat(results.rows()).hasSize(BenchScale.QUICK.rows().size());
        assertThat(results.rows()).filteredOn(r -> r.row().name().equals("batch5@45s")).singleElement()
                .satisfies(r -> assertThat(r.lessons()).isEqualTo(5));
        assertThat(results.warm().lessonDynamoDbCalls()).isBetween(5, 12);
        assertThat(results.warm().skipDynamoDbCalls()).isEqualTo(1);
    }
}

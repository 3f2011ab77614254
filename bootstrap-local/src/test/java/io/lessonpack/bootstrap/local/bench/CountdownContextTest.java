package io.lessonpack.bootstrap.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountdownContextTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void remainingTime_countsDownFromTheBudget_andStopsAtZero() {
        CountdownContext context = new CountdownContext(Duration.ofSeconds(60), nanos::get);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(60_000);
        nanos.addAndGet(Duration.ofMillis(12_345).toNanos());
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(47_655);
        nanos.addAndGet(Duration.ofSeconds(50).toNanos());
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void remainingTime_onTheRealClock_goesDown() throws InterruptedException {
        CountdownContext context = new CountdownContext(Duration.ofSeconds(60));
        int first = context.getRemainingTimeInMillis();
        Thread.sleep(30);

        assertThat(first).isBetween(59_000, 60_000);
        assertThat(context.getRemainingTimeInMillis()).isLessThan(first);
    }

    @Test
    void fixedValues_looksLikeALambdaInvocation() {
        CountdownContext context = new CountdownContext(Duration.ofSeconds(60));

        assertThat(context.getAwsRequestId()).matches("[0-9a-f-]{36}")
                .isNotEqualTo(new CountdownContext(Duration.ofSeconds(60)).getAwsRequestId());
        assertThat(context.getFunctionName()).isEqualTo("lessonpack-bench");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(context.getInvokedFunctionArn()).endsWith(":function:lessonpack-bench:live");
        context.getLogger().log("dropped");
    }
}

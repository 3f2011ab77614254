package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SqsMessageVisibilityAdapter#queueUrlOf}: an event source ARN to the queue URL SQS takes. */
class SqsQueueUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo, https://sqs.us-east-1.amazonaws.com/123456789012/voice-sessions.fifo",
        "arn:aws:sqs:eu-west-1:123456789012:plain_queue-1, https://sqs.eu-west-1.amazonaws.com/123456789012/plain_queue-1",
        "arn:aws-cn:sqs:cn-north-1:123456789012:voice-sessions.fifo, https://sqs.cn-north-1.amazonaws.com.cn/123456789012/voice-sessions.fifo",
        "arn:aws-us-gov:sqs:us-gov-west-1:123456789012:voice-sessions.fifo, https://sqs.us-gov-west-1.amazonaws.com/123456789012/voice-sessions.fifo",
        "arn:aws:sqs:xx-future-9:123456789012:q, https://sqs.xx-future-9.amazonaws.com/123456789012/q"
    })
    void queueUrlOf_queueArns_urlOnThePartitionsSqsEndpoint(String arn, String url) {
        assertThat(SqsMessageVisibilityAdapter.queueUrlOf(arn)).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        " | missing",
        "voice-sessions.fifo | six ':'-separated parts",
        "https://sqs.us-east-1.amazonaws.com/123456789012/voice-sessions.fifo | six ':'-separated parts",
        "arn:aws:sqs:us-east-1:123456789012 | six ':'-separated parts",
        "arn:aws:sqs:us-east-1:123456789012:queue:extra | six ':'-separated parts",
        "urn:aws:sqs:us-east-1:123456789012:queue | six ':'-separated parts",
        "arn:amazon:sqs:us-east-1:123456789012:queue | partition 'amazon'",
        "arn:aws-mars:sqs:us-east-1:123456789012:queue | partition 'aws-mars'",
        "arn:aws:sns:us-east-1:123456789012:topic | service 'sns' is not sqs",
        "arn:aws:dynamodb:us-east-1:123456789012:table | service 'dynamodb' is not sqs",
        "arn:aws:sqs::123456789012:queue | region '' is not a region",
        "arn:aws:sqs:useast1:123456789012:queue | region 'useast1' is not a region",
        "arn:aws-cn:sqs:us-east-1:123456789012:queue | region 'us-east-1' is not in partition 'aws-cn'",
        "arn:aws:sqs:us-east-1::queue | account '' is not a 12-digit account id",
        "arn:aws:sqs:us-east-1:1234:queue | account '1234' is not a 12-digit account id",
        "arn:aws:sqs:us-east-1:123456789012: | queue name",
        "arn:aws:sqs:us-east-1:123456789012:.fifo | queue name",
        "arn:aws:sqs:us-east-1:123456789012:bad name | queue name",
        "arn:aws:sqs:us-east-1:123456789012:a/b | queue name",
        "arn:aws:sqs:us-east-1:123456789012:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | queue name"
    })
    void queueUrlOf_notAQueueArn_rejectedNamingTheProblem(String arnAndProblem) {
        String[] parts = arnAndProblem.split(" \\| ");
        String arn = parts[0].strip();

        assertThatThrownBy(() -> SqsMessageVisibilityAdapter.queueUrlOf(arn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parts[1]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {80, 81})
    void queueUrlOf_queueNameOfEightyCharactersAtMost_fifoSuffixIncluded(int length) {
        String name = "q".repeat(length - ".fifo".length()) + ".fifo";
        String arn = "arn:aws:sqs:us-east-1:123456789012:" + name;

        if (length <= 80) {
            assertThat(SqsMessageVisibilityAdapter.queueUrlOf(arn)).endsWith("/123456789012/" + name);
        } else {
            assertThatThrownBy(() -> SqsMessageVisibilityAdapter.queueUrlOf(arn))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue name");
        }
    }

    @org.junit.jupiter.api.Test
    void queueUrlOf_null_missing() {
        assertThatThrownBy(() -> SqsMessageVisibilityAdapter.queueUrlOf(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }
}

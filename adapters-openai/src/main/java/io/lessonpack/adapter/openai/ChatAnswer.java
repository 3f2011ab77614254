package io.lessonpack.adapter.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason;
import com.openai.models.completions.CompletionUsage;
import io.lessonpack.application.port.out.AuthorUsage;
import java.io.IOException;
import java.util.Optional;

/**
 * The parts of a chat completion the adapter uses. The SDK parses lazily and throws
 * {@link OpenAIInvalidDataException} on the first access to a missing or malformed field, so
 * every access happens here, at once. A class, not a record: a record's toString would print
 * the answer.
 */
final class ChatAnswer {

    /**
     * Reads answers leniently about unknown fields (an OpenAI-compatible endpoint may add some) and
     * strictly about everything else; nesting and size limits bound what a broken answer can cost.
     */
    private static final ObjectMapper ANSWERS = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1_000_000).build())
            .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private final AuthorUsage usage;
    private final boolean hasChoice;
    private final FinishReason.Value finishReason;
    private final String refusal;
    private final String content;

    ChatAnswer(ChatCompletion completion) {
        usage = completion.usage().map(ChatAnswer::usageOf).orElseGet(() -> new AuthorUsage(1, 0, 0, 0));
        hasChoice = !completion.choices().isEmpty();
        ChatCompletion.Choice choice = hasChoice ? completion.choices().get(0) : null;
        finishReason = hasChoice ? choice.finishReason().value() : null;
        refusal = hasChoice ? choice.message().refusal().orElse(null) : null;
        content = hasChoice ? choice.message().content().orElse(null) : null;
    }

    /** The finish reason as a short code for logs. */
    String finishReasonCode() {
        if (finishReason == null) {
            return null;
        }
        return switch (finishReason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_CALLS -> "tool_calls";
            case FUNCTION_CALL -> "function_call";
            case _UNKNOWN -> "other";
        };
    }

    @Override
    public String toString() {
        return "ChatAnswer[" + usage + ", finishReason=" + finishReasonCode() + "]";
    }

    AuthorUsage usage() {
        return usage;
    }

    boolean hasChoice() {
        return hasChoice;
    }

    FinishReason.Value finishReason() {
        return finishReason;
    }

    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    Optional<String> content() {
        return Optional.ofNullable(content);
    }

    /** The content read as the structured answer; empty when it is missing or not the schema's JSON. */
    Optional<LessonAnswer> lessonAnswer() {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ANSWERS.readValue(content, LessonAnswer.class));
        } catch (IOException e) {
            // Never the message: Jackson quotes the text it could not read.
            return Optional.empty();
        }
    }

    /**
     * Token figures from the answer's usage, made consistent: cached tokens never exceed prompt
     * tokens. An endpoint that reports no usage costs nothing (the constructor's default).
     */
    private static AuthorUsage usageOf(CompletionUsage u) {
        long prompt = Math.max(0, u.promptTokens());
        long cached = u.promptTokensDetails().flatMap(CompletionUsage.PromptTokensDetails::cachedTokens).orElse(0L);
        return new AuthorUsage(1, prompt, Math.max(0, Math.min(cached, prompt)), Math.max(0, u.completionTokens()));
    }
}

package io.lessonpack.application.port.out;

/**
 * What writing a draft cost: calls made and tokens used. The offline author uses none.
 *
 * @param calls            requests sent to the model (1, or 2 with a repair round)
 * @param promptTokens     input tokens, cached ones included
 * @param cachedTokens     input tokens served from the prompt cache
 * @param completionTokens output tokens
 */
public record AuthorUsage(int calls, long promptTokens, long cachedTokens, long completionTokens) {

    public AuthorUsage {
        if (calls < 0 || promptTokens < 0 || cachedTokens < 0 || completionTokens < 0 || cachedTokens > promptTokens) {
            throw new IllegalArgumentException("usage figures must be non-negative, cached within prompt tokens");
        }
    }

    /** No calls, no tokens. */
    public static AuthorUsage none() {
        return new AuthorUsage(0, 0, 0, 0);
    }

    /** The sum of two usages (a first answer and its repair). */
    public AuthorUsage plus(AuthorUsage other) {
        return new AuthorUsage(calls + other.calls, promptTokens + other.promptTokens,
                cachedTokens + other.cachedTokens, completionTokens + other.completionTokens);
    }
}

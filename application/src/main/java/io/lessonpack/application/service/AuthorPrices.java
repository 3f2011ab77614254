package io.lessonpack.application.service;

import io.lessonpack.application.port.out.AuthorUsage;

/**
 * The price table the cost of a generation is estimated with, in US dollars per million tokens.
 * Cached input tokens are billed at their own rate; the rest of the prompt at the input rate.
 *
 * @param inputPerMillion       uncached prompt tokens
 * @param cachedInputPerMillion prompt tokens served from the prompt cache
 * @param outputPerMillion      completion tokens
 */
public record AuthorPrices(double inputPerMillion, double cachedInputPerMillion, double outputPerMillion) {

    public AuthorPrices {
        if (!(inputPerMillion >= 0) || !(cachedInputPerMillion >= 0) || !(outputPerMillion >= 0)
                || Double.isInfinite(inputPerMillion + cachedInputPerMillion + outputPerMillion)) {
            throw new IllegalArgumentException("prices must be finite and not negative");
        }
    }

    /** GPT-4o's list price (per 1M tokens: $2.50 input, $1.25 cached input, $10.00 output). */
    public static AuthorPrices gpt4oListPrice() {
        return new AuthorPrices(2.50, 1.25, 10.00);
    }

    /** The estimated cost of {@code usage} in US dollars. */
    public double estimate(AuthorUsage usage) {
        long uncached = usage.promptTokens() - usage.cachedTokens();
        return (uncached * inputPerMillion + usage.cachedTokens() * cachedInputPerMillion
                + usage.completionTokens() * outputPerMillion) / 1_000_000.0;
    }
}

package io.lessonpack.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lessonpack.application.port.out.AuthorUsage;
import org.junit.jupiter.api.Test;

class AuthorPricesTest {

    @Test
    void estimate_gpt4oListPrice_billsCachedInputAtItsOwnRate() {
        AuthorUsage usage = new AuthorUsage(1, 2_400, 1_024, 800);

        double cost = AuthorPrices.gpt4oListPrice().estimate(usage);

        assertThat(cost).isCloseTo((1_376 * 2.50 + 1_024 * 1.25 + 800 * 10.00) / 1_000_000, within(1e-12));
        assertThat(cost).isCloseTo(0.01272, within(1e-9));
    }

    @Test
    void estimate_noTokens_costsNothing() {
        assertThat(AuthorPrices.gpt4oListPrice().estimate(AuthorUsage.none())).isZero();
    }

    @Test
    void prices_negativeOrNotFinite_refused() {
        assertThatThrownBy(() -> new AuthorPrices(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorPrices(1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorPrices(1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

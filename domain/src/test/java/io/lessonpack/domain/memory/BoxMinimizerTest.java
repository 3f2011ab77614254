package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxMinimizerTest {

    /** Rosenbrock's valley: f = (1-a)^2 + 100 (b - a^2)^2, minimum 0 at (1, 1). */
    private static final BoxMinimizer.Objective ROSENBROCK = (x, g) -> {
        double a = x[0];
        double b = x[1];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    };

    @Test
    void minimize_interiorMinimum_isFound() {
        BoxMinimizer.Result result = new BoxMinimizer(new double[] {-5, -5}, new double[] {5, 5}, 500)
                .minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(result.x()[0]).isCloseTo(1, within(1e-4));
        assertThat(result.x()[1]).isCloseTo(1, within(1e-4));
        assertThat(result.iterations()).isLessThan(500);
    }

    @Test
    void minimize_minimumOutsideTheBox_endsOnItsEdge() {
        // With b at most 0.5 the best point is on the edge b = 0.5, where a^2 near 0.5 (a about 0.7).
        BoxMinimizer.Result result = new BoxMinimizer(new double[] {-5, -5}, new double[] {5, 0.5}, 500)
                .minimize(ROSENBROCK, new double[] {-1.2, 0.4});
        assertThat(result.x()[1]).isEqualTo(0.5);
        double low = 0.5;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (-2 * (1 - mid) - 400 * mid * (0.5 - mid * mid) < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        assertThat(result.x()[0]).as("where the slope along the edge is zero").isCloseTo(low, within(1e-5));
    }

    @Test
    void minimize_startOutsideTheBox_isMovedIn() {
        BoxMinimizer.Result result = new BoxMinimizer(new double[] {2, 2}, new double[] {3, 9}, 200)
                .minimize(ROSENBROCK, new double[] {-10, 100});
        assertThat(result.x()[0]).isBetween(2.0, 3.0);
        assertThat(result.x()[1]).isBetween(2.0, 9.0);
        assertThat(result.value()).isCloseTo(1 + 100 * Math.pow(4 - 4, 2), within(1e-6));
    }

    @Test
    void minimize_iterationCap_stopsTheSearch() {
        BoxMinimizer.Result result = new BoxMinimizer(new double[] {-5, -5}, new double[] {5, 5}, 2)
                .minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(result.iterations()).isEqualTo(2);
        assertThat(result.value()).isLessThan(ROSENBROCK.value(new double[] {-1.2, 1}, new double[2]));
    }
}

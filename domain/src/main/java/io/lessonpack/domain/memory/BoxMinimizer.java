package io.lessonpack.domain.memory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function of a few variables, each kept in a range: limited-memory BFGS with its
 * steps projected into the box (a variable at a bound whose gradient points outwards stays there) and a
 * backtracking line search along the projected path. Deterministic: the same function and start always
 * take the same steps. It stops when the projected gradient or the gain of an iteration is negligible,
 * when the line search finds no lower value, or after {@code maxIterations}.
 */
final class BoxMinimizer {

    /** A function and its gradient: returns f(x) and writes the partial derivatives into gradient. */
    @FunctionalInterface
    interface Objective {
        double value(double[] x, double[] gradient);
    }

    /**
     * Where the search ended.
     *
     * @param x          the best point found
     * @param value      the function there
     * @param iterations steps taken
     */
    record Result(double[] x, double value, int iterations) {
    }

    private static final int MEMORY = 8;
    private static final int MAX_HALVINGS = 30;
    private static final double ARMIJO = 1e-4;
    private static final double GRADIENT_TOLERANCE = 1e-7;
    private static final double GAIN_TOLERANCE = 1e-10;

    private final double[] lower;
    private final double[] upper;
    private final int maxIterations;

    BoxMinimizer(double[] lower, double[] upper, int maxIterations) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.maxIterations = maxIterations;
    }

    Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = project(start);
        double[] g = new double[n];
        double fx = f.value(x, g);
        Deque<double[][]> pairs = new ArrayDeque<>();
        int iteration = 0;
        while (iteration < maxIterations) {
            double[] pg = projectedGradient(x, g);
            if (maxAbs(pg) <= GRADIENT_TOLERANCE) {
                break;
            }
            double[] direction = direction(pg, pairs);
            if (dot(direction, pg) >= 0) {
                pairs.clear();
                direction = scaled(pg, -1);
            }
            double step = pairs.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(dot(pg, pg))) : 1.0;
            double[] gNext = new double[n];
            double[] xNext = null;
            double fNext = Double.NaN;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++, step /= 2) {
                double[] candidate = project(plus(x, direction, step));
                double value = f.value(candidate, gNext);
                if (value <= fx + ARMIJO * dot(g, minus(candidate, x))) {
                    xNext = candidate;
                    fNext = value;
                    break;
                }
            }
            if (xNext == null) {
                break;
            }
            iteration++;
            remember(pairs, minus(xNext, x), minus(gNext, g));
            double gain = fx - fNext;
            x = xNext;
            g = gNext;
            fx = fNext;
            if (gain <= GAIN_TOLERANCE * Math.max(1.0, Math.abs(fx))) {
                break;
            }
        }
        return new Result(x, fx, iteration);
    }

    /** The gradient with the components of variables held at a bound set to zero. */
    private double[] projectedGradient(double[] x, double[] g) {
        double[] pg = g.clone();
        for (int i = 0; i < x.length; i++) {
            if ((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) {
                pg[i] = 0;
            }
        }
        return pg;
    }

    /** The L-BFGS two-loop recursion: minus the inverse-Hessian estimate times the projected gradient. */
    private static double[] direction(double[] pg, Deque<double[][]> pairs) {
        double[] q = pg.clone();
        double[] alpha = new double[pairs.size()];
        int i = 0;
        for (var it = pairs.descendingIterator(); it.hasNext(); i++) {
            double[][] pair = it.next();
            alpha[i] = dot(pair[0], q) / dot(pair[0], pair[1]);
            q = plus(q, pair[1], -alpha[i]);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.peekLast();
            q = scaled(q, dot(last[0], last[1]) / dot(last[1], last[1]));
        }
        i = pairs.size() - 1;
        for (double[][] pair : pairs) {
            double beta = dot(pair[1], q) / dot(pair[0], pair[1]);
            q = plus(q, pair[0], alpha[i--] - beta);
        }
        for (int k = 0; k < q.length; k++) {
            q[k] = pg[k] == 0 ? 0 : -q[k];
        }
        return q;
    }

    /** Keeps a step and its change of gradient when they carry curvature information. */
    private static void remember(Deque<double[][]> pairs, double[] s, double[] y) {
        if (dot(s, y) <= 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
            return;
        }
        pairs.addLast(new double[][] {s, y});
        if (pairs.size() > MEMORY) {
            pairs.removeFirst();
        }
    }

    private double[] project(double[] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] plus(double[] a, double[] b, double times) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + times * b[i];
        }
        return sum;
    }

    private static double[] minus(double[] a, double[] b) {
        return plus(a, b, -1);
    }

    private static double[] scaled(double[] a, double factor) {
        return plus(new double[a.length], a, factor);
    }
}

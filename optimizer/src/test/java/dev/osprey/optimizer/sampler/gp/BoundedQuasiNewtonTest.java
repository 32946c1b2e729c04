package dev.osprey.optimizer.sampler.gp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedQuasiNewtonTest {

    private static final BoundedQuasiNewton.Objective ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheUnconstrainedMinimumOfRosenbrock() {
        double inf = Double.POSITIVE_INFINITY;
        BoundedQuasiNewton.Result r = new BoundedQuasiNewton(new double[] {-inf, -inf}, new double[] {inf, inf}, 500, 1e-8)
                .minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertEquals(1, r.x()[0], 1e-4);
        assertEquals(1, r.x()[1], 1e-4);
    }

    @Test
    void stopsAtTheBoundWhenTheMinimumLiesOutsideTheBox() {
        // with x ≤ 0.5 the minimum of Rosenbrock is at x = 0.5, y = 0.25
        BoundedQuasiNewton.Result r = new BoundedQuasiNewton(new double[] {-2, -2}, new double[] {0.5, 2}, 500, 1e-8)
                .minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertEquals(0.5, r.x()[0], 1e-9);
        assertEquals(0.25, r.x()[1], 1e-4);
    }

    @Test
    void aStartOutsideTheBoxIsProjectedIntoIt() {
        BoundedQuasiNewton.Objective bowl = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            return (x[0] - 3) * (x[0] - 3);
        };
        BoundedQuasiNewton.Result r = new BoundedQuasiNewton(new double[] {0}, new double[] {1}, 50, 1e-10)
                .minimize(bowl, new double[] {-7});
        assertEquals(1, r.x()[0], 0);
    }
}

package dev.osprey.optimizer.sampler.tpe;

/**
 * The standard normal distribution in log space: {@code log Φ}, the log of the mass between two
 * points, and the inverse CDF of a normal truncated to {@code [a, b]}, all stable far in the tails
 * (no {@code log(cdf)} that underflows). The complementary error function is computed by its
 * power series near zero and by its continued fraction beyond (Abramowitz &amp; Stegun 7.1.6 and
 * 7.1.14), to about 15 significant digits.
 */
final class Gaussian {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_HALF = Math.log(0.5);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private Gaussian() {
    }

    /** {@code exp(z²) · erfc(z)} for {@code z >= 0}, which neither underflows nor overflows. */
    static double erfcx(double z) {
        if (z < 2) {
            return Math.exp(z * z) * (1 - erfSeries(z));
        }
        // modified Lentz evaluation of erfc(z) e^{z²} √π = 1/(z+ (1/2)/(z+ 1/(z+ (3/2)/(z+ ...))))
        double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n / 2.0;
            d = z + an * d;
            d = d == 0 ? tiny : d;
            c = z + an / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / (f * SQRT_PI);
    }

    /** erf(z) for {@code 0 <= z < 2} by the series {@code 2/√π e^{-z²} Σ 2ⁿ z^{2n+1} / (1·3·…·(2n+1))}. */
    private static double erfSeries(double z) {
        double z2 = 2 * z * z;
        double term = z;
        double sum = z;
        for (int n = 0; n < 200; n++) {
            term *= z2 / (2 * n + 3);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return 2 / SQRT_PI * Math.exp(-z * z) * sum;
    }

    /** erfc(z) for any z. */
    static double erfc(double z) {
        if (z < 0) {
            return 2 - erfc(-z);
        }
        if (z < 2) {
            return 1 - erfSeries(z);
        }
        return Math.exp(-z * z) * erfcx(z);
    }

    /** Φ(x), the standard normal CDF. */
    static double cdf(double x) {
        return 0.5 * erfc(-x / SQRT2);
    }

    /** log Φ(x), accurate in both tails. */
    static double logCdf(double x) {
        if (x > 6) {
            return -cdf(-x); // log(1 - ε) = -ε to double precision
        }
        if (x > -3) {
            return Math.log(cdf(x));
        }
        double z = -x / SQRT2;
        return LOG_HALF - z * z + Math.log(erfcx(z));
    }

    /** log φ(x), the log density. */
    static double logPdf(double x) {
        return -0.5 * x * x - LOG_SQRT_2PI;
    }

    /** {@code log(Φ(b) - Φ(a))} for {@code a <= b}, stable in every region. */
    static double logMass(double a, double b) {
        if (b <= 0) {
            return logDiffExp(logCdf(b), logCdf(a));
        }
        if (a >= 0) {
            return logDiffExp(logCdf(-a), logCdf(-b));
        }
        return Math.log1p(-cdf(a) - cdf(-b));
    }

    /** {@code log(e^p - e^q)} for {@code p >= q}. */
    private static double logDiffExp(double p, double q) {
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        if (p <= q) {
            return Double.NEGATIVE_INFINITY;
        }
        return p + Math.log1p(-Math.exp(q - p));
    }

    /** {@code log(e^p + e^q)}. */
    static double logAddExp(double p, double q) {
        double m = Math.max(p, q);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log(Math.exp(p - m) + Math.exp(q - m));
    }

    /** The x with {@code log Φ(x) = y}, for {@code y <= 0}: a rational first guess, then Newton steps. */
    static double inverseLogCdf(double y) {
        if (y >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double x;
        if (y < LOG_HALF) {
            x = -rationalTail(Math.sqrt(-2 * y));
        } else {
            x = rationalTail(Math.sqrt(-2 * Math.log(-Math.expm1(y))));
        }
        for (int i = 0; i < 100; i++) {
            double lc = logCdf(x);
            // d/dx log Φ(x) = φ(x)/Φ(x)
            double step = (lc - y) * Math.exp(lc - logPdf(x));
            x -= step;
            if (Math.abs(step) <= 1e-12 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** Abramowitz &amp; Stegun 26.2.23: the upper-tail quantile from {@code t = sqrt(-2 log p)}, error below 4.5e-4. */
    private static double rationalTail(double t) {
        return t - (2.515517 + t * (0.802853 + t * 0.010328))
                / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
    }

    /**
     * The {@code q}-quantile of the standard normal truncated to {@code [a, b]}, computed in log
     * space on the side of the narrower tail.
     */
    static double truncatedQuantile(double q, double a, double b) {
        double logMass = logMass(a, b);
        double x;
        if (a < 0) {
            x = inverseLogCdf(logAddExp(logCdf(a), Math.log(q) + logMass));
        } else {
            x = -inverseLogCdf(logAddExp(logCdf(-b), Math.log1p(-q) + logMass));
        }
        return Math.min(Math.max(x, a), b);
    }
}
